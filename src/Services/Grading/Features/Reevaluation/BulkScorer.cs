using CreditPower.Contracts;
using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// <see cref="CreditScoring.Evaluate"/> for score and colour only, over arrays and without allocating, so a million
/// subjects can be scored in one pass. Reasons are not produced: the bulk path asks <see cref="CreditScoring"/> for
/// them only for the subjects whose grade changes, and checks there that both agree (unit-tested on random ledgers).
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
    private readonly RuleSet _rules;
    private readonly long _asOf;
    private readonly long _sixtyDaysAgo;
    private readonly long _twelveMonthsAgo;
    private readonly long _greenHistoryFrom;

    // Scratch, per instance: one scorer per thread.
    private readonly int[] _areaTotals;
    private readonly int[] _bonusCounts;
    private readonly int[] _touchedGroups;

    public BulkScorer(RuleSet rules, DateTimeOffset asOf)
    {
        _rules = rules;
        EventTypes = [.. rules.EventTypes.Keys];
        var ruleOf = EventTypes.Select(type => rules.EventTypes[type]).ToArray();
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
        _asOf = asOf.UtcTicks;
        _sixtyDaysAgo = asOf.AddDays(-60).UtcTicks;
        _twelveMonthsAgo = asOf.AddMonths(-12).UtcTicks;
        _greenHistoryFrom = asOf.AddMonths(-rules.GreenHistoryMonths).UtcTicks;

        _areaTotals = new int[_areaCount];
        _bonusCounts = new int[EventTypes.Length];
        _touchedGroups = new int[EventTypes.Length];
    }

    /// <summary>The event types of the rule set; an event's type index is its position here (-1: not in the rule set).</summary>
    public string[] EventTypes { get; }

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
