using System.Collections.Frozen;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// <see cref="CreditScoring.Evaluate"/> over arrays and without allocating, so a million subjects can be scored in one
/// pass: <see cref="Score"/> gives score and colour only; <see cref="WriteReasons"/>, for the subjects whose grade
/// changes, also writes CreditScoring's reasons as JSON (both unit-tested against CreditScoring on random ledgers).
/// </summary>
internal sealed class BulkScorer
{
    /// <summary>Marks an event with no expiry ("until paid / rectified"), which the red conditions and gates look at.</summary>
    public const long NoExpiry = long.MaxValue;

    private const int MaxScore = 100;
    private static readonly int _areaCount = Enum.GetValues<RuleArea>().Max(a => (int)a) + 1;

    private readonly int[] _points;
    private readonly int[] _area;
    private readonly int[] _bonusGroup;
    private readonly int[] _maxPoints;
    private readonly bool[] _veto;
    private readonly bool[] _arrears;
    private readonly bool[] _contractViolation;
    private readonly bool[] _majorHazard;
    private readonly int[] _areaCap;
    private readonly EventTypeRule[] _ruleOf;
    private readonly FrozenDictionary<string, int> _typeIndex;
    private readonly RuleSet _rules;
    private readonly long _asOf;
    private readonly long _sixtyDaysAgo;
    private readonly long _twelveMonthsAgo;
    private readonly long _greenHistoryFrom;

    // Scratch, per instance: one scorer per thread.
    private readonly int[] _areaTotals;
    private readonly int[] _bonusCounts;
    private readonly int[] _touchedGroups;
    private readonly List<int> _inForce = [];
    private readonly List<int> _areaOrder = [];

    // The history keeps a reason's words and points only where they are not the rule version's own (StoredReasons): per
    // rule, its words for a deduction or bonus and for a veto, null where the version's texts have them, and the points
    // its reasons have unless they say otherwise (null where they vary).
    private readonly string[] _capCode;
    private readonly string?[] _ruleWords;
    private readonly string?[] _vetoWords;
    private readonly int?[] _ownPoints;

    /// <summary>The moment the scorer grades at: events expiring at or before it are out of force.</summary>
    public DateTimeOffset AsOf { get; }

    public BulkScorer(RuleSet rules, DateTimeOffset asOf)
    {
        _rules = rules;
        string[] types = [.. rules.EventTypes.Keys];
        _typeIndex = types.Select((type, i) => KeyValuePair.Create(type, i)).ToFrozenDictionary(StringComparer.Ordinal);
        var ruleOf = types.Select(type => rules.EventTypes[type]).ToArray();
        _ruleOf = ruleOf;
        _points = [.. ruleOf.Select(r => r.Points)];
        _area = [.. ruleOf.Select(r => (int)r.Area)];
        _maxPoints = [.. ruleOf.Select(r => r.MaxPoints ?? int.MaxValue)];
        _veto = [.. ruleOf.Select(r => r.IsVeto)];
        _arrears = [.. ruleOf.Select(r => r.Code == "arrears-outstanding")];
        _contractViolation = [.. ruleOf.Select(r => r.Code == "contract-violation")];
        _majorHazard = [.. ruleOf.Select(r => r.Code == "major-hazard-overdue")];

        // CreditScoring groups bonuses by the rule record (value equality): equal rules share one group.
        _bonusGroup = [.. ruleOf.Select(r => Array.FindIndex(ruleOf, other => other == r))];
        _areaCap = new int[_areaCount];
        for (var area = 0; area < _areaCount; area++)
        {
            _areaCap[area] = rules.AreaCaps.TryGetValue((RuleArea)area, out var cap) ? cap : int.MaxValue;
        }

        // The same instants CreditScoring compares against (DateTimeOffset compares UTC instants).
        AsOf = asOf;
        _asOf = asOf.UtcTicks;
        _sixtyDaysAgo = asOf.AddDays(-60).UtcTicks;
        _twelveMonthsAgo = asOf.AddMonths(-12).UtcTicks;
        _greenHistoryFrom = asOf.AddMonths(-rules.GreenHistoryMonths).UtcTicks;

        _capCode = [.. Enumerable.Range(0, _areaCount).Select(area => ReasonTexts.CapCode((RuleArea)area))];
        var texts = ReasonTexts.For(rules);
        _ruleWords = [.. ruleOf.Select(r => texts.Of(r.Code) == r.Name ? null : r.Name)];
        _vetoWords = [.. ruleOf.Select(r => texts.Of(r.Code) == ReasonTexts.VetoWords(r) ? null : ReasonTexts.VetoWords(r))];
        _ownPoints = [.. ruleOf.Select(r => texts.PointsOf(r.Code))];
        _areaTotals = new int[_areaCount];
        _bonusCounts = new int[types.Length];
        _touchedGroups = new int[types.Length];
    }

    /// <summary>
    /// The index <see cref="Score"/> and <see cref="WriteReasons"/> take for an event of <paramref name="eventType"/>;
    /// -1 for a type the rule set does not know, which counts for nothing (matched exactly, as <see cref="RuleSet.Find"/> does).
    /// </summary>
    public int TypeIndex(string eventType) => _typeIndex.TryGetValue(eventType, out var index) ? index : -1;

    public RuleSet Rules => _rules;

    /// <summary>
    /// Scores one subject. <paramref name="types"/>, <paramref name="occurredAt"/> and <paramref name="expiresAt"/> are
    /// the subject's events (UTC ticks; <see cref="NoExpiry"/> for none), in any order.
    /// </summary>
    public (int Score, CreditColour Colour) Score(
        ReadOnlySpan<int> types,
        ReadOnlySpan<long> occurredAt,
        ReadOnlySpan<long> expiresAt,
        long subjectSince,
        CreditColour? previous,
        long? lastRedOrBlackAt,
        bool upgradeAllowed)
    {
        Array.Clear(_areaTotals);
        var touched = 0;
        var veto = false;
        var red = false;
        var arrearsOutstanding = false;
        for (var i = 0; i < types.Length; i++)
        {
            var type = types[i];
            var occurred = occurredAt[i];
            var expires = expiresAt[i];
            if (type < 0 || occurred > _asOf || (expires != NoExpiry && expires <= _asOf))
            {
                continue;
            }

            var points = _points[type];
            if (points < 0)
            {
                _areaTotals[_area[type]] -= points;
            }
            else if (points > 0)
            {
                var group = _bonusGroup[type];
                if (_bonusCounts[group]++ == 0)
                {
                    _touchedGroups[touched++] = group;
                }
            }

            veto |= _veto[type];
            if (_arrears[type] && expires == NoExpiry)
            {
                arrearsOutstanding = true;
                red |= occurred < _sixtyDaysAgo;
            }

            red |= (_contractViolation[type] && occurred > _twelveMonthsAgo) || (_majorHazard[type] && expires == NoExpiry);
        }

        var deductions = 0;
        for (var area = 0; area < _areaTotals.Length; area++)
        {
            var total = _areaTotals[area];
            // An area with no deduction in force is not capped (CreditScoring only caps areas it saw).
            deductions += total > 0 && total > _areaCap[area] ? _areaCap[area] : total;
        }

        var bonus = 0;
        for (var t = 0; t < touched; t++)
        {
            var group = _touchedGroups[t];
            bonus += Math.Min(_bonusCounts[group] * _points[group], _maxPoints[group]);
            _bonusCounts[group] = 0;
        }

        if (bonus > _rules.BonusCap)
        {
            bonus = _rules.BonusCap;
        }

        var score = Math.Clamp(MaxScore - deductions + bonus, 0, MaxScore);
        CreditColour colour;
        if (veto || score < _rules.RedFrom)
        {
            colour = CreditColour.Black;
        }
        else if (red || score < _rules.YellowFrom)
        {
            colour = CreditColour.Red;
        }
        else if (score < _rules.BlueFrom)
        {
            colour = CreditColour.Yellow;
        }
        else if (score < _rules.GreenFrom)
        {
            colour = CreditColour.Blue;
        }
        else
        {
            var gated = arrearsOutstanding || subjectSince > _greenHistoryFrom || lastRedOrBlackAt > _twelveMonthsAgo;
            colour = gated ? CreditColour.Blue : CreditColour.Green;
        }

        return (score, Move(colour, previous, upgradeAllowed));
    }

    /// <summary>
    /// The reasons <see cref="CreditScoring.Evaluate"/> gives for the same subject, in the same order, written as the
    /// history stores them (<see cref="StoredReasons"/>); returns the score and colour they lead to.
    /// Without LINQ or per-event objects: the bulk path needs them for every changed grade (unit-tested to equal
    /// <see cref="CreditScoring"/>'s on random ledgers).
    /// </summary>
    public (int Score, CreditColour Colour) WriteReasons(
        Utf8JsonWriter json,
        ReadOnlySpan<int> types,
        ReadOnlySpan<long> occurredAt,
        ReadOnlySpan<long> expiresAt,
        long subjectSince,
        CreditColour? previous,
        long? lastRedOrBlackAt,
        bool upgradeAllowed)
    {
        // The events in force with a rule, in CreditScoring's order: by time, ties as given (a stable sort).
        var inForce = _inForce;
        inForce.Clear();
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] >= 0 && occurredAt[i] <= _asOf && (expiresAt[i] == NoExpiry || expiresAt[i] > _asOf))
            {
                var at = inForce.Count;
                inForce.Add(i);
                while (at > 0 && occurredAt[inForce[at - 1]] > occurredAt[i])
                {
                    inForce[at] = inForce[at - 1];
                    at--;
                }

                inForce[at] = i;
            }
        }

        json.WriteStartArray();

        // Deductions by area, areas in order of their first deduction.
        var areas = _areaOrder;
        areas.Clear();
        foreach (var e in inForce)
        {
            var rule = _ruleOf[types[e]];
            if (rule.Points < 0 && !areas.Contains((int)rule.Area))
            {
                areas.Add((int)rule.Area);
            }
        }

        var deductions = 0;
        foreach (var area in areas)
        {
            var areaTotal = 0;
            foreach (var e in inForce)
            {
                var rule = _ruleOf[types[e]];
                if (rule.Points < 0 && (int)rule.Area == area)
                {
                    WriteReason(json, types[e], rule.Points, _ruleWords[types[e]]);
                    areaTotal -= rule.Points;
                }
            }

            if (areaTotal > _areaCap[area])
            {
                StoredReasons.WriteReason(json, _capCode[area], areaTotal - _areaCap[area]);
                areaTotal = _areaCap[area];
            }

            deductions += areaTotal;
        }

        // Bonuses by rule (value equality, as CreditScoring groups them), in order of their first event.
        var bonus = 0;
        var touched = 0;
        foreach (var e in inForce)
        {
            var type = types[e];
            if (_points[type] > 0 && _bonusCounts[_bonusGroup[type]]++ == 0)
            {
                _touchedGroups[touched++] = _bonusGroup[type];
            }
        }

        for (var t = 0; t < touched; t++)
        {
            var group = _touchedGroups[t];
            var rule = _ruleOf[group];
            var typeTotal = Math.Min(_bonusCounts[group] * _points[group], _maxPoints[group]);
            _bonusCounts[group] = 0;
            WriteReason(json, group, typeTotal, _ruleWords[group]);
            bonus += typeTotal;
        }

        if (bonus > _rules.BonusCap)
        {
            StoredReasons.WriteReason(json, ReasonTexts.BonusCap, _rules.BonusCap - bonus);
            bonus = _rules.BonusCap;
        }

        var score = Math.Clamp(MaxScore - deductions + bonus, 0, MaxScore);
        var colour = ColourWithReasons(json, score, types, occurredAt, expiresAt, subjectSince, lastRedOrBlackAt);

        // The movement rule, with its reasons.
        if (previous is not { } before)
        {
            if (colour < CreditColour.Blue)
            {
                StoredReasons.WriteReason(json, ReasonTexts.NewSubject);
                colour = CreditColour.Blue;
            }
        }
        else if (colour < before)
        {
            if (!upgradeAllowed)
            {
                StoredReasons.WriteReason(json, ReasonTexts.UpgradeHeld);
                colour = before;
            }
            else
            {
                if (before - 1 != colour)
                {
                    StoredReasons.WriteReason(json, ReasonTexts.OneStep);
                }

                colour = before - 1;
            }
        }

        json.WriteEndArray();
        return (score, colour);
    }

    // A reason of the rule at type, as StoredReasons.From writes it.
    private void WriteReason(Utf8JsonWriter json, int type, int points, string? ownWords)
    {
        var code = _ruleOf[type].Code;
        if (ownWords is not null)
        {
            StoredReasons.WriteReason(json, code, points, ownWords);
        }
        else if (_ownPoints[type] == points)
        {
            StoredReasons.WriteReason(json, code);
        }
        else
        {
            StoredReasons.WriteReason(json, code, points);
        }
    }

    private CreditColour ColourWithReasons(
        Utf8JsonWriter json,
        int score,
        ReadOnlySpan<int> types,
        ReadOnlySpan<long> occurredAt,
        ReadOnlySpan<long> expiresAt,
        long subjectSince,
        long? lastRedOrBlackAt)
    {
        var veto = false;
        var arrearsOver60Days = false;
        var contractViolation = false;
        var majorHazard = false;
        var arrearsOutstanding = false;
        foreach (var e in _inForce)
        {
            var type = types[e];
            if (_veto[type])
            {
                veto = true;
                WriteReason(json, type, 0, _vetoWords[type]);
            }

            var unresolved = expiresAt[e] == NoExpiry;
            arrearsOutstanding |= _arrears[type] && unresolved;
            arrearsOver60Days |= _arrears[type] && unresolved && occurredAt[e] < _sixtyDaysAgo;
            contractViolation |= _contractViolation[type] && occurredAt[e] > _twelveMonthsAgo;
            majorHazard |= _majorHazard[type] && unresolved;
        }

        if (veto || score < _rules.RedFrom)
        {
            return CreditColour.Black;
        }

        if (arrearsOver60Days)
        {
            StoredReasons.WriteReason(json, ReasonTexts.RedArrears);
        }

        if (contractViolation)
        {
            StoredReasons.WriteReason(json, ReasonTexts.RedContractViolation);
        }

        if (majorHazard)
        {
            StoredReasons.WriteReason(json, ReasonTexts.RedMajorHazard);
        }

        if (arrearsOver60Days || contractViolation || majorHazard || score < _rules.YellowFrom)
        {
            return CreditColour.Red;
        }

        if (score < _rules.BlueFrom)
        {
            return CreditColour.Yellow;
        }

        if (score < _rules.GreenFrom)
        {
            return CreditColour.Blue;
        }

        var gated = false;
        if (arrearsOutstanding)
        {
            StoredReasons.WriteReason(json, ReasonTexts.GateArrears);
            gated = true;
        }

        if (subjectSince > _greenHistoryFrom)
        {
            StoredReasons.WriteReason(json, ReasonTexts.GateHistory);
            gated = true;
        }

        if (lastRedOrBlackAt > _twelveMonthsAgo)
        {
            StoredReasons.WriteReason(json, ReasonTexts.GateRecentRedOrBlack);
            gated = true;
        }

        return gated ? CreditColour.Blue : CreditColour.Green;
    }

    // The movement rule of CreditScoring.ApplyMovement.
    private static CreditColour Move(CreditColour computed, CreditColour? previous, bool upgradeAllowed)
    {
        if (previous is not { } before)
        {
            return computed < CreditColour.Blue ? CreditColour.Blue : computed;
        }

        if (computed >= before)
        {
            return computed;
        }

        return upgradeAllowed ? before - 1 : before;
    }
}
