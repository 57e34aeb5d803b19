using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Data;
using System.Diagnostics;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Where the time went: streaming and scoring; staging (the guarded subjects update from arrays); applying (reasons
    /// and binary COPY of grade history and outbox references).
    /// </summary>
    public TimeSpan Reading { get; set; }

    public TimeSpan Staging { get; set; }

    public TimeSpan Applying { get; set; }

    /// <summary>Events whose time ran out, marked expired, and how long that took.</summary>
    public long Expired { get; set; }

    public TimeSpan Expiring { get; set; }

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
        Expired += other.Expired;
        Expiring += other.Expiring;
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
/// subjects and their events in force out of PostgreSQL with binary COPY (one snapshot), group the events by subject
/// in memory (<see cref="RangeEvents"/>) and score each subject over arrays; then, in one transaction, update the
/// changed subjects set-based from arrays (guarded, see <see cref="UpdateSubjectsAsync"/>) and binary COPY the grade
/// history and the outbox (claim checks of the colour changes' <see cref="CreditGradeChanged"/>, one per chunk of grade
/// rows, docs/adr/0006) of those updated straight into their append-only tables, expire events and record progress. No per-subject round
/// trip, no change tracking, no staging table.
/// </summary>
internal sealed class ReevaluationEngine(TimeProvider clock)
{
    // Set-based statements over a range of a million-subject table take longer than a request's 30 s default.
    private const int BulkCommandTimeoutSeconds = 600;

    private static readonly string[] _colourNames = ["", .. Enum.GetValues<CreditColour>().Select(c => c.ToString())];

    // A stored colour's value (0 for none); matched exactly, as the text it is stored as.
    private static readonly FrozenDictionary<string, int> _colourValues =
        _colourNames.Skip(1).Select((name, i) => KeyValuePair.Create(name, i + 1)).ToFrozenDictionary(StringComparer.Ordinal);

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
        ScanEvents(connection, scorer, subjects, workspace, range, upgradeAllowed: true, expired: null, (i, _, colour, _) =>
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
            ScanEvents(connection, scorer, subjects, workspace, range, run.UpgradeAllowed, workspace.Expired, (i, score, colour, events) =>
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
        // Memoize would cache every subject looked up once each (a third of the update's time).
        await using (var settings = new NpgsqlCommand($"{BulkSettings} SET LOCAL enable_memoize = off;", connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        if (changes.Count > 0)
        {
            watch.Restart();
            var applied = new bool[changes.Count];
            outcome.Written = await UpdateSubjectsAsync(connection, run, range, subjects, changes, workspace.Update, applied, cancellationToken);
            outcome.Staging = watch.Elapsed;
            watch.Restart();
            outcome.Changed = await WriteHistoryAndOutboxAsync(connection, run, scorer, subjects, changes, applied, workspace.GradeIds, cancellationToken);
            outcome.Applying = watch.Elapsed;
        }

        // Events whose time is up leave the ledger's in-force set (the scoring above already left them out). By the ids
        // the scan saw, through the primary key: a range condition here made PostgreSQL walk every in-force event of
        // the range again (a sixth of a full run). The guards keep an event that changed since the snapshot (put under
        // objection, revoked, its expiry moved) as it is; one recorded after the snapshot is the next run's.
        if (workspace.Expired.Count > 0)
        {
            watch.Restart();
            await using var expire = new NpgsqlCommand(
                $"""
                UPDATE credit_events SET "Status" = '{nameof(CreditEventStatus.Expired)}'
                WHERE "Id" = ANY(@ids) AND "Status" = '{nameof(CreditEventStatus.InForce)}' AND "ExpiresAt" <= @asOf
                """, connection, transaction);
            expire.CommandTimeout = BulkCommandTimeoutSeconds;
            expire.Parameters.AddWithValue("asOf", run.AsOf);
            expire.Parameters.Add(new NpgsqlParameter<List<Guid>>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = workspace.Expired });
            outcome.Expired = await expire.ExecuteNonQueryAsync(cancellationToken);
            outcome.Expiring = watch.Elapsed;
        }

        await finishWork(connection, transaction, outcome);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static async Task<NpgsqlTransaction> BeginSnapshotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // One snapshot for both streams, so every event's subject is in the subject stream. Bitmap scans, not index scans:
        // a range's events lie all over the ledger (recorded as they happen), and an index scan looked up the buffer of
        // each of its 600,000 events one by one; a bitmap scan visits each page once for all its events (perf).
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var readOnly = new NpgsqlCommand(
            $"SET TRANSACTION READ ONLY; {BulkSettings} SET LOCAL enable_indexscan = off;", connection, transaction);
        await readOnly.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    // For the run's transactions only (the cut of the ranges too: SubjectRange.CutAsync). No JIT: every bulk statement
    // costs more than jit_above_cost and compiled its expressions afresh (tens of ms a statement, per range). No parallel
    // workers: ranges already run side by side on every core, and a Gather only adds processes and a merge. 64 MB to
    // sort and hash in memory (EXPLAIN ANALYZE: the default 4 MB sent each to disk, every row written out and read
    // back): a range's subjects by id (about 120 bytes each, 7.4 MB for 62,500), the guarded update's hash of the
    // range's changes, all the ids for the cut; and it keeps the events' bitmap exact on a ledger whose pages hold every
    // range's events, where a lossy page has all its rows read and the range condition checked on each.
    internal const string BulkSettings = "SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL work_mem = '64MB';";

    private static async Task ReadSubjectsAsync(
        NpgsqlConnection connection, SubjectRange range, string ruleVersion, SubjectColumns subjects, CancellationToken cancellationToken)
    {
        // The range on both sides of the join: PostgreSQL does not carry a range condition across it, and without it
        // every range would look through the whole ledger for records under objection. The colour as stored, its value
        // given here: array_position() per subject compared it with the colour names one by one.
        var sql = $"""
            COPY (SELECT s."Id", s."CreatedAt", s."Colour", s."Score",
                         s."RuleVersion" = {Literal(ruleVersion)}, s."GradedAt", s."LastRedOrBlackAt", f."SubjectId" IS NOT NULL
                  FROM subjects s
                  LEFT JOIN (SELECT DISTINCT "SubjectId" FROM credit_events
                             WHERE "Status" = '{nameof(CreditEventStatus.UnderObjection)}' AND {range.Where("\"SubjectId\"")}) f
                    ON f."SubjectId" = s."Id"
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
                var colour = reader.IsNull ? Skip(reader, 0) : _colourValues.GetValueOrDefault(reader.Read<string>(NpgsqlDbType.Varchar));
                var score = reader.Read<int>(NpgsqlDbType.Integer);
                var sameVersion = reader.Read<bool>(NpgsqlDbType.Boolean);
                var gradedAt = reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                long? lastRedOrBlack = reader.IsNull ? Skip(reader, (long?)null) : reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                var frozen = reader.Read<bool>(NpgsqlDbType.Boolean);
                subjects.Add(id, since, colour, score, sameVersion, gradedAt, lastRedOrBlack, frozen);
            }
        }, cancellationToken);
    }

    // The events in force of the range, in the order PostgreSQL reads them, each put with its subject by position
    // (every event's subject is in the subject stream: one snapshot); then each subject scored in the range's order.
    private static void ScanEvents(
        NpgsqlConnection connection,
        BulkScorer scorer,
        SubjectColumns subjects,
        Workspace workspace,
        SubjectRange range,
        bool upgradeAllowed,
        List<Guid>? expired,
        Action<int, int, CreditColour, EventBuffer> onSubject,
        CancellationToken cancellationToken)
    {
        var (events, scanned, position) = (workspace.Events, workspace.Scanned, workspace.Positions);
        for (var i = 0; i < subjects.Count; i++)
        {
            position[subjects.Id[i]] = i;
        }

        // The id only of an event whose time is up (null otherwise, four bytes on the wire): those the run expires.
        var expiredId = expired is null
            ? ""
            : $""", CASE WHEN e."ExpiresAt" <= '{scorer.AsOf.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffff}Z'::timestamptz THEN e."Id" END""";

        // The event type as stored, given its rule's position here (BulkScorer.TypeIndex): PostgreSQL only sends the text.
        // Mapping it there cost it per event: array_position() compared the text with the types one by one (half the
        // read), and a hash join on the types as VALUES was still a twentieth of PostgreSQL's time in a full run (perf).
        var sql = $"""
            COPY (SELECT e."SubjectId", e."EventType", e."OccurredAt", e."ExpiresAt"{expiredId}
                  FROM credit_events e
                  WHERE e."Status" = '{nameof(CreditEventStatus.InForce)}' AND {range.Where("e.\"SubjectId\"")}) TO STDOUT (FORMAT BINARY)
            """;
        using (var reader = connection.BeginBinaryExport(sql))
        {
            reader.Timeout = TimeSpan.FromSeconds(BulkCommandTimeoutSeconds);
            while (reader.StartRow() != -1)
            {
                if ((scanned.Count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var subjectId = reader.Read<Guid>(NpgsqlDbType.Uuid);
                if (!position.TryGetValue(subjectId, out var subject))
                {
                    throw new InvalidOperationException($"Credit event of subject {subjectId} is outside the subject stream of {range}.");
                }

                var type = reader.IsNull ? Skip(reader, -1) : scorer.TypeIndex(reader.Read<string>(NpgsqlDbType.Varchar));
                var occurred = reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                var expires = reader.IsNull ? Skip(reader, BulkScorer.NoExpiry) : reader.Read<DateTime>(NpgsqlDbType.TimestampTz).Ticks;
                if (expired is not null)
                {
                    if (reader.IsNull)
                    {
                        reader.Skip();
                    }
                    else
                    {
                        expired.Add(reader.Read<Guid>(NpgsqlDbType.Uuid));
                    }
                }

                scanned.Add(subject, type, occurred, expires);
            }
        }

        scanned.Group(subjects.Count);
        for (var i = 0; i < subjects.Count; i++)
        {
            scanned.CopyTo(i, events);
            var previous = subjects.Colour[i] == 0 ? (CreditColour?)null : (CreditColour)subjects.Colour[i];
            var (score, colour) = scorer.Score(events.Types, events.OccurredAt, events.ExpiresAt,
                subjects.Since[i], previous, subjects.LastRedOrBlack[i], upgradeAllowed && !subjects.Frozen[i]);
            onSubject(i, score, colour, events);
            events.Clear();
        }
    }

    // The reasons of change c, written into reasons (reset first): CreditScoring's reasons (unit-tested), which must
    // lead to the array scorer's grade.
    private static ReadOnlyMemory<byte> WriteReasons(
        ReevaluationRunInfo run, BulkScorer scorer, SubjectColumns subjects, ChangeSet changes, int c, ArrayBufferWriter<byte> reasons, Utf8JsonWriter json)
    {
        var i = changes.Subject[c];
        var previous = subjects.Colour[i] == 0 ? (CreditColour?)null : (CreditColour)subjects.Colour[i];
        changes.Events(c, out var types, out var occurredAt, out var expiresAt);
        reasons.ResetWrittenCount();
        json.Reset();
        var (score, colour) = scorer.WriteReasons(json, types, occurredAt, expiresAt,
            subjects.Since[i], previous, subjects.LastRedOrBlack[i], run.UpgradeAllowed && !subjects.Frozen[i]);
        json.Flush();
        if (score != changes.Score[c] || colour != changes.Colour[c])
        {
            throw new InvalidOperationException(
                $"Bulk scorer and its reasons disagree on subject {subjects.Id[i]}: {changes.Score[c]}/{changes.Colour[c]} vs {score}/{colour}.");
        }

        return reasons.WrittenMemory;
    }

    /// <summary>
    /// The guarded update of the range's changed subjects, from arrays: only subjects untouched since they were read
    /// are written (an event graded meanwhile wins, its grade is newer). Marks <paramref name="applied"/>; the rows stay
    /// locked until the range commits, so the history and outbox written next belong to exactly these.
    /// </summary>
    private static async Task<int> UpdateSubjectsAsync(
        NpgsqlConnection connection,
        ReevaluationRunInfo run,
        SubjectRange range,
        SubjectColumns subjects,
        ChangeSet changes,
        UpdateColumns update,
        bool[] applied,
        CancellationToken cancellationToken)
    {
        var count = changes.Count;
        var (ids, oldGradedAt, oldScore, oldColour, score, colour, lastRedOrBlackAt) =
            (update.Ids, update.OldGradedAt, update.OldScore, update.OldColour, update.Score, update.Colour, update.LastRedOrBlackAt);
        update.Clear();
        var asOfUtc = run.AsOf.UtcDateTime;
        for (var c = 0; c < count; c++)
        {
            var i = changes.Subject[c];
            var previous = subjects.Colour[i] == 0 ? (CreditColour?)null : (CreditColour)subjects.Colour[i];
            var next = changes.Colour[c];
            ids.Add(subjects.Id[i]);
            oldGradedAt.Add(new DateTime(subjects.GradedAt[i], DateTimeKind.Utc));
            oldScore.Add(subjects.Score[i]);
            oldColour.Add(_colourNames[subjects.Colour[i]]);
            score.Add(changes.Score[c]);
            colour.Add(_colourNames[(int)next]);

            // The 12-month green gate reads the last time a subject was red or black: also the moment it leaves.
            lastRedOrBlackAt.Add(next >= CreditColour.Red || previous >= CreditColour.Red
                ? asOfUtc
                : subjects.LastRedOrBlack[i] is { } kept ? new DateTime(kept, DateTimeKind.Utc) : null);
        }

        // The range bound as well (every id is in it): a plan that joins the whole table costs a full scan per range. The
        // arrays unnested in the select list stream row by row; unnest() in FROM first copied them into a tuple store.
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE subjects s
            SET "Score" = st.score, "Colour" = st.colour, "RuleVersion" = @version, "GradedAt" = @asOf, "LastRedOrBlackAt" = st.last_red_or_black_at
            FROM (SELECT unnest(@ids) AS subject_id, unnest(@oldGradedAt) AS old_graded_at, unnest(@oldScore) AS old_score,
                         unnest(@oldColour) AS old_colour, unnest(@score) AS score, unnest(@colour) AS colour,
                         unnest(@lastRedOrBlackAt) AS last_red_or_black_at, generate_subscripts(@ids, 1) AS n) st
            WHERE s."Id" = st.subject_id AND s."GradedAt" = st.old_graded_at AND s."Score" = st.old_score AND s."Colour" = st.old_colour
              AND {range.Where("s.\"Id\"")}
            RETURNING st.n
            """, connection);
        command.CommandTimeout = BulkCommandTimeoutSeconds;
        command.Parameters.AddWithValue("version", run.RuleVersion);
        command.Parameters.AddWithValue("asOf", run.AsOf);
        command.Parameters.Add(new NpgsqlParameter<List<Guid>>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<List<DateTime>>("oldGradedAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = oldGradedAt });
        command.Parameters.Add(new NpgsqlParameter<List<int>>("oldScore", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = oldScore });
        command.Parameters.Add(new NpgsqlParameter<List<string>>("oldColour", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = oldColour });
        command.Parameters.Add(new NpgsqlParameter<List<int>>("score", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = score });
        command.Parameters.Add(new NpgsqlParameter<List<string>>("colour", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = colour });
        command.Parameters.Add(new NpgsqlParameter<List<DateTime?>>("lastRedOrBlackAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = lastRedOrBlackAt });
        var written = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt64(0) - 1] = true;
            written++;
        }

        return written;
    }

    /// <summary>
    /// Binary COPY of the applied subjects' grades into the history, and of the claim checks of their colour changes into
    /// the outbox, one per chunk of grade rows (<see cref="GradeChangedReference"/>: the relay builds each
    /// <see cref="CreditGradeChanged"/> from the grade row when it publishes), straight into both append-only tables
    /// inside the range's transaction; returns the messages the claim checks stand for.
    /// </summary>
    private async Task<long> WriteHistoryAndOutboxAsync(
        NpgsqlConnection connection,
        ReevaluationRunInfo run,
        BulkScorer scorer,
        SubjectColumns subjects,
        ChangeSet changes,
        bool[] applied,
        List<Guid> gradeIds,
        CancellationToken cancellationToken)
    {
        var asOf = run.AsOf;
        var asOfUtc = asOf.UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        var traceParent = Activity.Current?.Id;
        var messages = 0L;
        await Task.Run(() =>
        {
            var reasons = new ArrayBufferWriter<byte>(4096);
            using var reasonsJson = new Utf8JsonWriter(reasons, StoredReasons.WriterOptions);
            using (var grades = connection.BeginBinaryImport(
                """COPY grades ("Id", "SubjectId", "Colour", "Score", "RuleVersion", "Reasons", "EffectiveAt", "Cause", "RunId") FROM STDIN (FORMAT BINARY)"""))
            {
                grades.Timeout = TimeSpan.FromSeconds(BulkCommandTimeoutSeconds);
                var newGradeId = new RisingGuids(clock.GetUtcNow());
                for (var c = 0; c < changes.Count; c++)
                {
                    gradeIds.Add(applied[c] ? newGradeId.Next() : Guid.Empty);
                    if (!applied[c])
                    {
                        continue;
                    }

                    if ((c & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    grades.StartRow();
                    grades.Write(gradeIds[c], NpgsqlDbType.Uuid);
                    grades.Write(subjects.Id[changes.Subject[c]], NpgsqlDbType.Uuid);
                    grades.Write(_colourNames[(int)changes.Colour[c]], NpgsqlDbType.Text);
                    grades.Write(changes.Score[c], NpgsqlDbType.Integer);
                    grades.Write(run.RuleVersion, NpgsqlDbType.Text);
                    grades.Write(WriteReasons(run, scorer, subjects, changes, c, reasons, reasonsJson), NpgsqlDbType.Text);
                    grades.Write(asOfUtc, NpgsqlDbType.TimestampTz);
                    grades.Write(run.Cause, NpgsqlDbType.Text);
                    grades.Write(run.Id, NpgsqlDbType.Uuid);
                }

                grades.Complete();
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var outbox = connection.BeginBinaryImport(
                $"COPY {OutboxTable} (id, message_type, body, trace_parent, created_at, attempts) FROM STDIN (FORMAT BINARY)");
            outbox.Timeout = TimeSpan.FromSeconds(BulkCommandTimeoutSeconds);
            var body = new ArrayBufferWriter<byte>(1024);
            var newMessageId = new RisingGuids(clock.GetUtcNow());
            using var json = new Utf8JsonWriter(body);
            var oldColours = new char[GradeChangedReference.ChunkSize];
            var (inChunk, firstGradeId, changedInChunk) = (0, Guid.Empty, 0);
            for (var c = 0; c <= changes.Count; c++)
            {
                // A claim check per chunk of consecutive grade rows that has a colour change in it.
                if (c == changes.Count || (applied[c] && inChunk == oldColours.Length))
                {
                    if (changedInChunk > 0)
                    {
                        body.ResetWrittenCount();
                        json.Reset();
                        GradeChangedReference.WriteChunk(json, firstGradeId, oldColours.AsSpan(0, inChunk));
                        json.Flush();
                        outbox.StartRow();
                        outbox.Write(newMessageId.Next(), NpgsqlDbType.Uuid);
                        outbox.Write(GradeChangedReference.MessageType, NpgsqlDbType.Text);
                        outbox.Write(body.WrittenMemory, NpgsqlDbType.Jsonb);
                        if (traceParent is null)
                        {
                            outbox.WriteNull();
                        }
                        else
                        {
                            outbox.Write(traceParent, NpgsqlDbType.Text);
                        }

                        outbox.Write(now, NpgsqlDbType.TimestampTz);
                        outbox.Write(0, NpgsqlDbType.Integer);
                        messages += changedInChunk;
                    }

                    (inChunk, changedInChunk) = (0, 0);
                }

                if (c == changes.Count || !applied[c])
                {
                    continue;
                }

                if (inChunk == 0)
                {
                    firstGradeId = gradeIds[c];
                }

                var previous = subjects.Colour[changes.Subject[c]] == 0 ? (CreditColour?)null : (CreditColour)subjects.Colour[changes.Subject[c]];
                var changed = previous != changes.Colour[c];
                oldColours[inChunk++] = changed ? GradeChangedReference.Changed(previous) : GradeChangedReference.Unchanged;
                changedInChunk += changed ? 1 : 0;
            }

            outbox.Complete();
        }, cancellationToken);
        return messages;
    }

    private const string OutboxTable = ServiceDefaults.Messaging.OutboxModelBuilderExtensions.OutboxTable;

    private static T Skip<T>(NpgsqlBinaryExporter reader, T value)
    {
        reader.Skip();
        return value;
    }

    private static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

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
        public RangeEvents Scanned { get; } = new();
        public Dictionary<Guid, int> Positions { get; } = [];
        public List<Guid> Expired { get; } = [];
        public List<Guid> GradeIds { get; } = [];
        public UpdateColumns Update { get; } = new();

        public static Workspace Rent() => _free.TryTake(out var workspace) ? workspace : new Workspace();

        public void Dispose()
        {
            Subjects.Clear();
            Changes.Clear();
            Events.Clear();
            Scanned.Clear();
            Positions.Clear();
            Expired.Clear();
            GradeIds.Clear();
            Update.Clear();
            _free.Add(this);
        }
    }

    /// <summary>The parameters of the guarded subjects update, as lists kept from range to range (Npgsql sends a list as an array).</summary>
    private sealed class UpdateColumns
    {
        public List<Guid> Ids { get; } = [];
        public List<DateTime> OldGradedAt { get; } = [];
        public List<int> OldScore { get; } = [];
        public List<string> OldColour { get; } = [];
        public List<int> Score { get; } = [];
        public List<string> Colour { get; } = [];
        public List<DateTime?> LastRedOrBlackAt { get; } = [];

        public void Clear()
        {
            Ids.Clear();
            OldGradedAt.Clear();
            OldScore.Clear();
            OldColour.Clear();
            Score.Clear();
            Colour.Clear();
            LastRedOrBlackAt.Clear();
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

    public void Events(int change, out ReadOnlySpan<int> types, out ReadOnlySpan<long> occurredAt, out ReadOnlySpan<long> expiresAt)
    {
        var start = _eventStart[change];
        var end = change + 1 < _eventStart.Count ? _eventStart[change + 1] : _types.Count;
        types = CollectionsMarshal.AsSpan(_types)[start..end];
        occurredAt = CollectionsMarshal.AsSpan(_occurredAt)[start..end];
        expiresAt = CollectionsMarshal.AsSpan(_expiresAt)[start..end];
    }
}
