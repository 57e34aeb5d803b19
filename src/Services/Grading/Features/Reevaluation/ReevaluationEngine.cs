using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>The counts of one subject range: how many were evaluated, how many changed colour, and from × to.</summary>
internal sealed class PartitionOutcome
{
    public long Evaluated { get; set; }
    public long Changed { get; set; }

    /// <summary>Subjects whose grade was written (colour, score or rule version changed).</summary>
    public long Written { get; set; }

    /// <summary>Where the time went: streaming and scoring, staging (reasons, messages, COPY in), applying.</summary>
    public TimeSpan Reading { get; set; }

    public TimeSpan Staging { get; set; }

    public TimeSpan Applying { get; set; }

    /// <summary>[from, to] by <see cref="CreditColour"/> value (0: no previous colour).</summary>
    public long[,] Matrix { get; } = new long[6, 6];

    public void Add(PartitionOutcome other)
    {
        Evaluated += other.Evaluated;
        Changed += other.Changed;
        Written += other.Written;
        Reading += other.Reading;
        Staging += other.Staging;
        Applying += other.Applying;
        for (var from = 0; from < 6; from++)
        {
            for (var to = 0; to < 6; to++)
            {
                Matrix[from, to] += other.Matrix[from, to];
            }
        }
    }
}

/// <summary>
/// The bulk path of DOMAIN.md §4 "monthly for everyone, fully on activation": for one subject-id range, stream the
/// subjects and their events in force out of PostgreSQL with binary COPY (both ordered by subject id, one snapshot),
/// merge-join them in one pass and score each subject over arrays; then binary COPY the changed grades into a
/// temporary staging table and apply them set-based in one transaction: subjects, grade history, outbox
/// (<see cref="CreditGradeChanged"/> for each colour change), expired events and progress. No per-subject round trip,
/// no change tracking.
/// </summary>
internal sealed class ReevaluationEngine(TimeProvider clock)
{
    // Set-based statements over a range of a million-subject table take longer than a request's 30 s default.
    private const int BulkCommandTimeoutSeconds = 600;

    // The outbox's JsonSerializerDefaults.Web, without escaping Chinese text as \uXXXX: the columns are jsonb, which
    // stores the decoded text, so the stored documents are the same and a third of the bytes go over the wire.
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // As OutboxDbContextExtensions names it: the relay resolves the type by this name.
    private static readonly string _gradeChangedType = $"{typeof(CreditGradeChanged).FullName}, {typeof(CreditGradeChanged).Assembly.GetName().Name}";

    private static readonly string[] _colourNames = ["", .. Enum.GetValues<CreditColour>().Select(c => c.ToString())];

    /// <summary>Counts what <paramref name="rules"/> would do to the range; reads in a read-only transaction, writes nothing.</summary>
    public static async Task<PartitionOutcome> SimulateAsync(
        NpgsqlConnection connection, RuleSet rules, SubjectRange range, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var outcome = new PartitionOutcome();
        var scorer = new BulkScorer(rules, asOf);
        using var workspace = Workspace.Rent();
        var subjects = workspace.Subjects;
        await using var transaction = await BeginSnapshotAsync(connection, cancellationToken);
        await ReadSubjectsAsync(connection, range, rules.Version, subjects, cancellationToken);
        ScanEvents(connection, scorer, subjects, workspace.Events, range, upgradeAllowed: true, (i, _, colour, _) =>
        {
            outcome.Matrix[subjects.Colour[i], (int)colour]++;
            if (subjects.Colour[i] != (int)colour)
            {
                outcome.Changed++;
            }
        }, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        outcome.Evaluated = subjects.Count;
        return outcome;
    }

    /// <summary>
    /// Re-evaluates the range under <paramref name="run"/> and applies the changes; <paramref name="finishWork"/> runs
    /// inside the applying transaction (progress, marking the range done) so the range commits once or not at all.
    /// </summary>
    public async Task<PartitionOutcome> ApplyAsync(
        NpgsqlConnection connection,
        ReevaluationRunInfo run,
        RuleSet rules,
        SubjectRange range,
        Func<NpgsqlConnection, NpgsqlTransaction, PartitionOutcome, Task> finishWork,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var scorer = new BulkScorer(rules, run.AsOf);
        using var workspace = Workspace.Rent();
        var (subjects, changes) = (workspace.Subjects, workspace.Changes);
        await using (var snapshot = await BeginSnapshotAsync(connection, cancellationToken))
        {
            await ReadSubjectsAsync(connection, range, rules.Version, subjects, cancellationToken);
            ScanEvents(connection, scorer, subjects, workspace.Events, range, run.UpgradeAllowed, (i, score, colour, events) =>
            {
                if (colour != (CreditColour)subjects.Colour[i] || score != subjects.Score[i] || !subjects.SameVersion[i])
                {
                    changes.Add(i, score, colour, events);
                }
            }, cancellationToken);
            await snapshot.CommitAsync(cancellationToken);
        }

        var outcome = new PartitionOutcome { Evaluated = subjects.Count, Reading = watch.Elapsed };
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        if (changes.Count > 0)
        {
            watch.Restart();
            var identities = await ReadIdentitiesAsync(connection, workspace, cancellationToken);
            await StageAsync(connection, run, scorer, subjects, changes, identities, cancellationToken);
            outcome.Staging = watch.Elapsed;
            watch.Restart();
            (outcome.Written, outcome.Changed) = await ApplyStagedAsync(connection, run, cancellationToken);
            outcome.Applying = watch.Elapsed;
        }

        // Events whose time is up leave the ledger's in-force set (the scoring above already left them out).
        await using (var expire = new NpgsqlCommand(
            $"""
            UPDATE credit_events SET "Status" = '{nameof(CreditEventStatus.Expired)}'
            WHERE "Status" = '{nameof(CreditEventStatus.InForce)}' AND "ExpiresAt" <= @asOf AND {range.Where("\"SubjectId\"")}
            """, connection, transaction))
        {
            expire.CommandTimeout = BulkCommandTimeoutSeconds;
            expire.Parameters.AddWithValue("asOf", run.AsOf);
            await expire.ExecuteNonQueryAsync(cancellationToken);
        }

        await finishWork(connection, transaction, outcome);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static async Task<NpgsqlTransaction> BeginSnapshotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // One snapshot for both streams, so every event's subject is in the subject stream.
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction);
        await readOnly.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    private static async Task ReadSubjectsAsync(
        NpgsqlConnection connection, SubjectRange range, string ruleVersion, SubjectColumns subjects, CancellationToken cancellationToken)
    {
        var colours = string.Join(",", _colourNames.Skip(1).Select(c => $"'{c}'"));
        var sql = $"""
            COPY (SELECT s."Id", s."CreatedAt", array_position(ARRAY[{colours}]::text[], s."Colour"::text), s."Score",
                         s."RuleVersion" = {Literal(ruleVersion)}, s."GradedAt", s."LastRedOrBlackAt", f."SubjectId" IS NOT NULL
                  FROM subjects s
                  LEFT JOIN (SELECT DISTINCT "SubjectId" FROM credit_events
                             WHERE "Status" = '{nameof(CreditEventStatus.UnderObjection)}') f ON f."SubjectId" = s."Id"
                  WHERE {range.Where("s.\"Id\"")} ORDER BY s."Id") TO STDOUT (FORMAT BINARY)
            """;
        await Task.Run(() =>
        {
            using var reader = connection.BeginBinaryExport(sql);
            reader.Timeout = TimeSpan.FromSeconds(BulkCommandTimeoutSeconds);
            while (reader.StartRow() != -1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = reader.Read<Guid>(NpgsqlDbType.Uuid);
                var since = reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                var colour = reader.IsNull ? Skip(reader, 0) : reader.Read<int>(NpgsqlDbType.Integer);
                var score = reader.Read<int>(NpgsqlDbType.Integer);
                var sameVersion = reader.Read<bool>(NpgsqlDbType.Boolean);
                var gradedAt = reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                long? lastRedOrBlack = reader.IsNull ? Skip(reader, (long?)null) : reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                var frozen = reader.Read<bool>(NpgsqlDbType.Boolean);
                subjects.Add(id, since, colour, score, sameVersion, gradedAt, lastRedOrBlack, frozen);
            }
        }, cancellationToken);
    }

    // The merge join: both streams are in PostgreSQL's uuid order, so each subject's events follow on from the last.
    private static void ScanEvents(
        NpgsqlConnection connection,
        BulkScorer scorer,
        SubjectColumns subjects,
        EventBuffer events,
        SubjectRange range,
        bool upgradeAllowed,
        Action<int, int, CreditColour, EventBuffer> onSubject,
        CancellationToken cancellationToken)
    {
        var types = string.Join(",", scorer.EventTypes.Select(Literal));
        var sql = $"""
            COPY (SELECT "SubjectId", array_position(ARRAY[{types}]::text[], "EventType"::text), "OccurredAt", "ExpiresAt"
                  FROM credit_events
                  WHERE "Status" = '{nameof(CreditEventStatus.InForce)}' AND {range.Where("\"SubjectId\"")}
                  ORDER BY "SubjectId") TO STDOUT (FORMAT BINARY)
            """;
        var next = 0;

        void Score(int i)
        {
            var previous = subjects.Colour[i] == 0 ? (CreditColour?)null : (CreditColour)subjects.Colour[i];
            var (score, colour) = scorer.Score(events.Types, events.OccurredAt, events.ExpiresAt,
                subjects.Since[i], previous, subjects.LastRedOrBlack[i], upgradeAllowed && !subjects.Frozen[i]);
            onSubject(i, score, colour, events);
            events.Clear();
        }

        using (var reader = connection.BeginBinaryExport(sql))
        {
            reader.Timeout = TimeSpan.FromSeconds(BulkCommandTimeoutSeconds);
            var rows = 0;
            while (reader.StartRow() != -1)
            {
                if ((++rows & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var subjectId = reader.Read<Guid>(NpgsqlDbType.Uuid);
                while (subjects.Id[next] != subjectId)
                {
                    Score(next++);
                    if (next == subjects.Count)
                    {
                        throw new InvalidOperationException($"Credit event of subject {subjectId} is outside the subject stream of {range}.");
                    }
                }

                var type = reader.IsNull ? Skip(reader, -1) : reader.Read<int>(NpgsqlDbType.Integer) - 1;
                var occurred = reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                var expires = reader.IsNull ? Skip(reader, BulkScorer.NoExpiry) : reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                events.Add(type, occurred, expires);
            }
        }

        while (next < subjects.Count)
        {
            Score(next++);
        }
    }

    private static async Task<Dictionary<Guid, SubjectIdentity>> ReadIdentitiesAsync(
        NpgsqlConnection connection, Workspace workspace, CancellationToken cancellationToken)
    {
        var (subjects, changes, ids, identities) = (workspace.Subjects, workspace.Changes, workspace.Ids, workspace.Identities);
        for (var c = 0; c < changes.Count; c++)
        {
            var i = changes.Subject[c];
            if ((int)changes.Colour[c] != subjects.Colour[i])
            {
                ids.Add(subjects.Id[i]);
            }
        }

        if (ids.Count == 0)
        {
            return identities;
        }

        await using var query = new NpgsqlCommand(
            """
            SELECT s."Id", s."Kind", s."Identifier", s."Name",
                   coalesce(array_agg(a."Number" ORDER BY a."Number") FILTER (WHERE a."Number" IS NOT NULL), '{}')
            FROM subjects s LEFT JOIN power_accounts a ON a."SubjectId" = s."Id"
            WHERE s."Id" = ANY(@ids)
            GROUP BY s."Id"
            """, connection);
        query.CommandTimeout = BulkCommandTimeoutSeconds;
        query.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            identities[reader.GetGuid(0)] = new SubjectIdentity(
                Enum.Parse<SubjectKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4));
        }

        return identities;
    }

    private static async Task StageAsync(
        NpgsqlConnection connection,
        ReevaluationRunInfo run,
        BulkScorer scorer,
        SubjectColumns subjects,
        ChangeSet changes,
        Dictionary<Guid, SubjectIdentity> identities,
        CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(
            """
            CREATE TEMP TABLE reevaluation_stage (
                subject_id uuid NOT NULL, old_graded_at timestamptz NOT NULL, old_score int NOT NULL, old_colour text NOT NULL,
                score int NOT NULL, colour text NOT NULL, last_red_or_black_at timestamptz, reasons jsonb NOT NULL,
                grade_id uuid NOT NULL, outbox_id uuid, outbox_body jsonb) ON COMMIT DROP
            """, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var asOf = run.AsOf;
        var asOfUtc = asOf.UtcDateTime;
        await Task.Run(() =>
        {
            using var writer = connection.BeginBinaryImport(
                "COPY reevaluation_stage (subject_id, old_graded_at, old_score, old_colour, score, colour, last_red_or_black_at, reasons, grade_id, outbox_id, outbox_body) FROM STDIN (FORMAT BINARY)");
            writer.Timeout = TimeSpan.FromSeconds(BulkCommandTimeoutSeconds);
            var scored = new List<ScoredEvent>();
            for (var c = 0; c < changes.Count; c++)
            {
                if ((c & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var i = changes.Subject[c];
                var colour = changes.Colour[c];
                var previous = subjects.Colour[i] == 0 ? (CreditColour?)null : (CreditColour)subjects.Colour[i];
                var lastRedOrBlack = subjects.LastRedOrBlack[i];

                // Reasons from the pure core itself, which must agree with the array scorer on score and colour.
                scored.Clear();
                changes.Events(c, (type, occurred, expires) => scored.Add(new ScoredEvent(
                    scorer.EventTypes[type],
                    new DateTimeOffset(occurred, TimeSpan.Zero),
                    expires == BulkScorer.NoExpiry ? null : new DateTimeOffset(expires, TimeSpan.Zero))));
                var context = new GradeContext(
                    new DateTimeOffset(subjects.Since[i], TimeSpan.Zero),
                    previous,
                    lastRedOrBlack is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null,
                    run.UpgradeAllowed && !subjects.Frozen[i]);
                var result = CreditScoring.Evaluate(scored, scorer.Rules, context, asOf);
                if (result.Score != changes.Score[c] || result.Colour != colour)
                {
                    throw new InvalidOperationException(
                        $"Bulk scorer and CreditScoring disagree on subject {subjects.Id[i]}: {changes.Score[c]}/{colour} vs {result.Score}/{result.Colour}.");
                }

                // The 12-month green gate reads the last time a subject was red or black: also the moment it leaves.
                var newLastRedOrBlack = colour >= CreditColour.Red || previous >= CreditColour.Red
                    ? asOfUtc
                    : lastRedOrBlack is { } kept ? new DateTime(kept, DateTimeKind.Utc) : (DateTime?)null;

                writer.StartRow();
                writer.Write(subjects.Id[i], NpgsqlDbType.Uuid);
                writer.Write(new DateTime(subjects.GradedAt[i], DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                writer.Write(subjects.Score[i], NpgsqlDbType.Integer);
                writer.Write(_colourNames[subjects.Colour[i]], NpgsqlDbType.Text);
                writer.Write(result.Score, NpgsqlDbType.Integer);
                writer.Write(_colourNames[(int)colour], NpgsqlDbType.Text);
                if (newLastRedOrBlack is { } at)
                {
                    writer.Write(at, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    writer.WriteNull();
                }

                writer.Write(JsonSerializer.Serialize(result.Reasons, _json), NpgsqlDbType.Jsonb);
                writer.Write(Guid.CreateVersion7(asOf), NpgsqlDbType.Uuid);
                if (previous != colour && identities.TryGetValue(subjects.Id[i], out var identity))
                {
                    writer.Write(Guid.CreateVersion7(asOf), NpgsqlDbType.Uuid);
                    writer.Write(JsonSerializer.Serialize(new CreditGradeChanged
                    {
                        SubjectId = subjects.Id[i],
                        SubjectKind = identity.Kind,
                        Identifier = identity.Identifier,
                        Name = identity.Name,
                        Accounts = identity.Accounts,
                        OldColour = previous,
                        NewColour = colour,
                        Score = result.Score,
                        Reasons = result.Reasons,
                        RuleVersion = run.RuleVersion,
                        EffectiveAt = asOf,
                    }, _json), NpgsqlDbType.Jsonb);
                }
                else
                {
                    writer.WriteNull();
                    writer.WriteNull();
                }
            }

            writer.Complete();
        }, cancellationToken);
    }

    private async Task<(long Written, long Changed)> ApplyStagedAsync(NpgsqlConnection connection, ReevaluationRunInfo run, CancellationToken cancellationToken)
    {
        // A temporary table has no statistics until analysed: without them the join below is planned blind.
        await using (var analyze = new NpgsqlCommand("ANALYZE reevaluation_stage", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        // Only subjects untouched since they were read are written: an event graded meanwhile wins (its grade is newer).
        await using var apply = new NpgsqlCommand(
            $"""
            WITH applied AS (
                UPDATE subjects s
                SET "Score" = st.score, "Colour" = st.colour, "RuleVersion" = @version, "GradedAt" = @asOf,
                    "LastRedOrBlackAt" = st.last_red_or_black_at
                FROM reevaluation_stage st
                WHERE s."Id" = st.subject_id AND s."GradedAt" = st.old_graded_at AND s."Score" = st.old_score AND s."Colour" = st.old_colour
                RETURNING st.subject_id, st.score, st.colour, st.reasons, st.grade_id, st.outbox_id, st.outbox_body),
            history AS (
                INSERT INTO grades ("Id", "SubjectId", "Colour", "Score", "RuleVersion", "Reasons", "EffectiveAt", "Cause")
                SELECT grade_id, subject_id, colour, score, @version, reasons, @asOf, @cause FROM applied),
            outbox AS (
                INSERT INTO {OutboxTable} (id, message_type, body, trace_parent, created_at, attempts)
                SELECT outbox_id, @messageType, outbox_body, @traceParent, @now, 0 FROM applied WHERE outbox_body IS NOT NULL)
            SELECT count(*), count(outbox_body) FROM applied
            """, connection);
        apply.CommandTimeout = BulkCommandTimeoutSeconds;
        apply.Parameters.AddWithValue("version", run.RuleVersion);
        apply.Parameters.AddWithValue("asOf", run.AsOf);
        apply.Parameters.AddWithValue("cause", run.Cause);
        apply.Parameters.AddWithValue("messageType", _gradeChangedType);
        apply.Parameters.AddWithValue("traceParent", (object?)Activity.Current?.Id ?? DBNull.Value);
        apply.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await apply.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private const string OutboxTable = ServiceDefaults.Messaging.OutboxModelBuilderExtensions.OutboxTable;

    private static T Skip<T>(NpgsqlBinaryExporter reader, T value)
    {
        reader.Skip();
        return value;
    }

    private static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    private sealed record SubjectIdentity(SubjectKind Kind, string Identifier, string Name, string[] Accounts);

    /// <summary>
    /// A range's working memory, reused from range to range: its column lists reach the large-object heap, and
    /// allocating them afresh for every range would let the process grow with garbage only a full GC returns.
    /// </summary>
    private sealed class Workspace : IDisposable
    {
        private static readonly ConcurrentBag<Workspace> _free = [];

        public SubjectColumns Subjects { get; } = new();
        public ChangeSet Changes { get; } = new();
        public EventBuffer Events { get; } = new();
        public List<Guid> Ids { get; } = [];
        public Dictionary<Guid, SubjectIdentity> Identities { get; } = [];

        public static Workspace Rent() => _free.TryTake(out var workspace) ? workspace : new Workspace();

        public void Dispose()
        {
            Subjects.Clear();
            Changes.Clear();
            Events.Clear();
            Ids.Clear();
            Identities.Clear();
            _free.Add(this);
        }
    }

    /// <summary>The range's subjects, column by column.</summary>
    private sealed class SubjectColumns
    {
        public List<Guid> Id { get; } = [];
        public List<long> Since { get; } = [];
        public List<int> Colour { get; } = [];
        public List<int> Score { get; } = [];
        public List<bool> SameVersion { get; } = [];
        public List<long> GradedAt { get; } = [];
        public List<long?> LastRedOrBlack { get; } = [];

        /// <summary>
        /// The subject has a record under objection (异议处理中): that record is left out of the score, and the
        /// subject is not upgraded while it is pending, so the freeze of DOMAIN.md §10 holds in bulk runs too.
        /// </summary>
        public List<bool> Frozen { get; } = [];

        public int Count => Id.Count;

        public void Clear()
        {
            Id.Clear();
            Since.Clear();
            Colour.Clear();
            Score.Clear();
            SameVersion.Clear();
            GradedAt.Clear();
            LastRedOrBlack.Clear();
            Frozen.Clear();
        }

        public void Add(Guid id, long since, int colour, int score, bool sameVersion, long gradedAt, long? lastRedOrBlack, bool frozen)
        {
            Frozen.Add(frozen);
            Id.Add(id);
            Since.Add(since);
            Colour.Add(colour);
            Score.Add(score);
            SameVersion.Add(sameVersion);
            GradedAt.Add(gradedAt);
            LastRedOrBlack.Add(lastRedOrBlack);
        }
    }
}

/// <summary>One subject's events as parallel arrays, reused from subject to subject.</summary>
internal sealed class EventBuffer
{
    private int[] _types = new int[64];
    private long[] _occurredAt = new long[64];
    private long[] _expiresAt = new long[64];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Types => _types.AsSpan(0, Count);
    public ReadOnlySpan<long> OccurredAt => _occurredAt.AsSpan(0, Count);
    public ReadOnlySpan<long> ExpiresAt => _expiresAt.AsSpan(0, Count);

    public void Add(int type, long occurredAt, long expiresAt)
    {
        if (Count == _types.Length)
        {
            Array.Resize(ref _types, Count * 2);
            Array.Resize(ref _occurredAt, Count * 2);
            Array.Resize(ref _expiresAt, Count * 2);
        }

        _types[Count] = type;
        _occurredAt[Count] = occurredAt;
        _expiresAt[Count] = expiresAt;
        Count++;
    }

    public void Clear() => Count = 0;
}

/// <summary>The changed subjects of a range and copies of their known-type events, to derive the reasons when staging.</summary>
internal sealed class ChangeSet
{
    private readonly List<int> _eventStart = [];
    private readonly List<int> _types = [];
    private readonly List<long> _occurredAt = [];
    private readonly List<long> _expiresAt = [];

    public List<int> Subject { get; } = [];
    public List<int> Score { get; } = [];
    public List<CreditColour> Colour { get; } = [];

    public int Count => Subject.Count;

    public void Clear()
    {
        Subject.Clear();
        Score.Clear();
        Colour.Clear();
        _eventStart.Clear();
        _types.Clear();
        _occurredAt.Clear();
        _expiresAt.Clear();
    }

    public void Add(int subject, int score, CreditColour colour, EventBuffer events)
    {
        Subject.Add(subject);
        Score.Add(score);
        Colour.Add(colour);
        _eventStart.Add(_types.Count);
        for (var e = 0; e < events.Count; e++)
        {
            if (events.Types[e] >= 0)
            {
                _types.Add(events.Types[e]);
                _occurredAt.Add(events.OccurredAt[e]);
                _expiresAt.Add(events.ExpiresAt[e]);
            }
        }
    }

    public void Events(int change, Action<int, long, long> each)
    {
        var end = change + 1 < _eventStart.Count ? _eventStart[change + 1] : _types.Count;
        for (var e = _eventStart[change]; e < end; e++)
        {
            each(_types[e], _occurredAt[e], _expiresAt[e]);
        }
    }
}
