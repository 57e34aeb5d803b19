using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.TestSupport;
using Npgsql;
using RabbitMQ.Client;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Issue 4's full path (`-- --full-path`): a billing fact posted to Grading (records the arrears, re-grades the
/// subject, CreditGradeChanged into the outbox in the same commit) → the outbox relay → RabbitMQ → Notifications
/// (contact log entry, dispatcher woken by the commit) → the SMS at the gateway simulator. Grading, Notifications and
/// the simulator run as Release processes wired as the AppHost wires them. Each fact is due at the fixed rate and sent
/// in a request of its own, or with a feed window (`--feed-window MS`) in one batch with the others due within the
/// window, as an upstream billing system sends them; its latency runs from its due time (the wait for the window
/// included) to the simulator's ReceivedAt of the SMS to its subject's mobile.
/// </summary>
internal sealed class FullPath : IDisposable
{
    private const string Source = "bench";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Before any run the facts go through at half the lowest rate for this long, batched as the runs batch them, so the
    /// runs measure services that have compiled their hot paths at tier 1, as a service running for days has. Counted
    /// with dotnet-counters: with 300 facts sent one at a time first, Grading and Notifications each still compiled
    /// 5,000–7,000 methods during a 30-second run at 500/s (about 3 s of JIT per 5 s of wall time, on 2 cores).
    /// </summary>
    private const int PrimingSeconds = 40;

    private readonly NotificationsAndSimulator _sms;
    private readonly ServiceProcess _grading;
    private readonly string _gradingDb;
    private readonly string _notificationsDb;
    private readonly string _rabbitMq;
    private readonly HttpClient _feed;
    private readonly HttpClient _control;
    private readonly long _anchorTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _anchorTime = DateTimeOffset.UtcNow;
    private int _nextSubject;
    private long _read;
    private (Dictionary<string, double> Groups, long At) _idleFrom;
    private readonly TimeSpan _feedWindow;
    private readonly Lock _pendingLock = new();
    private List<(int Index, TaskCompletionSource Sent)>? _pending;
    // The open window's closing time, for the thread that closes the windows (CloseWindows).
    private readonly BlockingCollection<(long ClosesAt, CancellationToken Token)> _closing = [];
    private long _requests;
    private long _factsSent;

    private FullPath(NotificationsAndSimulator sms, ServiceProcess grading, string gradingDb, string notificationsDb, string rabbitMq, string apiKey,
        TimeSpan feedWindow)
    {
        _feedWindow = feedWindow;
        (_sms, _grading) = (sms, grading);
        (_gradingDb, _notificationsDb, _rabbitMq) = (gradingDb, notificationsDb, rabbitMq);
        _feed = new HttpClient { BaseAddress = new Uri(grading.Url), Timeout = TimeSpan.FromSeconds(30) };
        _feed.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        _control = sms.Control(TimeSpan.FromSeconds(30));
        if (feedWindow > TimeSpan.Zero)
        {
            new Thread(CloseWindows) { IsBackground = true, Name = "feed windows" }.Start();
        }
    }

    /// <summary>Builds and starts the three processes and seeds <paramref name="subjects"/> subjects, each good for one fact.</summary>
    public static async Task<FullPath> StartAsync(
        RealServers servers, int subjects, int primingRate, IReadOnlyList<KeyValuePair<string, string?>> settings, bool noBuild,
        int feedWindowMilliseconds, CancellationToken cancellationToken)
    {
        // One after another: two Release builds at once on 2 cores are no faster and race on the shared projects.
        var smsDlls = await NotificationsAndSimulator.BuildAsync(noBuild, cancellationToken);
        var gradingDll = await ServiceProcess.BuildAsync(Path.Combine("src", "Services", "Grading"), "CreditPower.Grading", noBuild, cancellationToken);
        const string gradingDatabase = "grading_full_path_bench";
        const string notificationsDatabase = "notifications_full_path_bench";
        await servers.CreateDatabaseAsync(gradingDatabase, cancellationToken);
        await servers.CreateDatabaseAsync(notificationsDatabase, cancellationToken);
        var (gradingDb, notificationsDb) = (servers.CreateDatabaseConnectionString(gradingDatabase), servers.CreateDatabaseConnectionString(notificationsDatabase));

        var apiKey = ServiceProcess.Secret();
        var shared = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{ResourceNames.RabbitMq}"] = servers.RabbitMqConnectionString,
            [$"ConnectionStrings__{ResourceNames.Redis}"] = servers.RedisConnectionString,
            ["ServiceTokens__SigningKey"] = ServiceProcess.Secret(),
        };
        foreach (var (name, value) in settings)
        {
            shared[name.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        NotificationsAndSimulator? sms = null;
        ServiceProcess? grading = null;
        try
        {
            // Notifications before Grading: its queue is bound to CreditGradeChanged before the first one is published.
            sms = await NotificationsAndSimulator.StartAsync(smsDlls, new Dictionary<string, string>(shared)
            {
                [$"ConnectionStrings__{ResourceNames.NotificationsDb}"] = notificationsDb,
            }, cancellationToken);
            grading = await ServiceProcess.StartAsync("grading", gradingDll, ServiceProcess.FreePort(), new Dictionary<string, string>(shared)
            {
                [$"ConnectionStrings__{ResourceNames.GradingDb}"] = gradingDb,
                ["BillingFeed__ApiKey"] = apiKey,
            }, cancellationToken);
            var path = new FullPath(sms, grading, gradingDb, notificationsDb, servers.RabbitMqConnectionString, apiKey,
                TimeSpan.FromMilliseconds(feedWindowMilliseconds));
            Console.WriteLine($"Gateway simulator pid {sms.Simulator.Id}, Notifications pid {sms.Notifications.Id}, Grading pid {grading.Id} (Release, quiet hours off)"
                + string.Concat(settings.Select(s => $"; {s.Key}={s.Value}"))
                + (feedWindowMilliseconds > 0 ? $"; the feed batches the facts due within {feedWindowMilliseconds} ms" : "; one fact a request"));

            var seeding = Stopwatch.StartNew();
            var primingFacts = primingRate * PrimingSeconds;
            await FullPathSeeder.SeedAsync(gradingDb, notificationsDb, primingFacts + subjects, cancellationToken);
            Console.WriteLine(FormattableString.Invariant(
                $"[{DateTime.Now:HH:mm:ss}] {subjects:N0} blue subjects at 76 (3 in-force events), accounts and contacts seeded by binary COPY in {seeding.Elapsed.TotalSeconds:F1} s; load average {Machine.LoadAverage()}"));
            await path.PrimeAsync(primingRate, cancellationToken);
            path._idleFrom = (ProcessCpu.Sample(path.Named()), Stopwatch.GetTimestamp());
            return path;
        }
        catch
        {
            grading?.Dispose();
            sms?.Dispose();
            throw;
        }
    }

    /// <summary>One run: <paramref name="rate"/> facts a second, each for a subject of its own; the SMS are collected as they arrive.</summary>
    public async Task<RunResult> RunAsync(int run, int rate, int seconds, int warmupSeconds, bool statementStats, CancellationToken cancellationToken)
    {
        if (statementStats)
        {
            await StatementStats.ResetAsync(_gradingDb, cancellationToken);
        }

        var count = rate * (seconds + warmupSeconds);
        var first = _nextSubject;
        _nextSubject += count;
        var recorder = new LatencyRecorder(run, count);
        var stages = new StageSampler(_gradingDb, _notificationsDb, await ConnectRabbitAsync(cancellationToken));

        using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poller = PollAsync(recorder, first, polling.Token);
        var sampler = stages.RunAsync(warmupSeconds + seconds, polling.Token);
        var idleUntil = (Groups: ProcessCpu.Sample(Named()), At: Stopwatch.GetTimestamp());
        // The services' own background work (pollers, relays, health) while they had no facts, e.g. during the raw run.
        Console.WriteLine("    services idle before this run, cores: " + ProcessCpu.Describe(
            _idleFrom.Groups, idleUntil.Groups, Stopwatch.GetElapsedTime(_idleFrom.At, idleUntil.At).TotalSeconds, messages: null));
        // CPU per fact in the steady state: from the end of the warm-up (JIT) to the last send, not the drain.
        var measured = MeasureCpuAsync(rate, warmupSeconds, seconds, polling.Token);
        var (requestsBefore, factsBefore) = (_requests, _factsSent);
        var result = await RateDriver.RunAsync(
            "full path: fact → SMS at the simulator", rate, seconds, warmupSeconds, recorder, sequence => SendFactAsync(first + sequence, recorder.DueAt(sequence), cancellationToken), cancellationToken);
        var cpu = await measured;
        await polling.CancelAsync();
        await Task.WhenAll(poller, sampler);
        // One more look: a duplicate sent late is still a duplicate.
        await PollOnceAsync(recorder, first, cancellationToken);
        result = result with { Duplicates = recorder.Duplicates };
        _idleFrom = (ProcessCpu.Sample(Named()), Stopwatch.GetTimestamp());

        Console.WriteLine(FormattableString.Invariant(
            $"    CPU while sending after the warm-up, cores: machine {cpu.Machine:F2} of {Environment.ProcessorCount}; {cpu.ByProcess}"));
        Console.WriteLine("    " + stages.Summary());
        Console.WriteLine(FormattableString.Invariant(
            $"    the feed: {_requests - requestsBefore:N0} requests, {(double)(_factsSent - factsBefore) / Math.Max(1, _requests - requestsBefore):F1} facts a request"));
        Console.WriteLine("    " + await StageLatenciesAsync(recorder, first, rate * warmupSeconds, cancellationToken));
        Console.WriteLine("    " + MedianByMinute(recorder, rate, warmupSeconds));
        if (statementStats)
        {
            Console.WriteLine("    " + await StatementStats.TopAsync(_gradingDb, count, 25, cancellationToken));
        }

        if (result.SendErrors > 0 || result.Missing != 0 || result.Duplicates > 0)
        {
            foreach (var service in new[] { _grading, _sms.Notifications, _sms.Simulator })
            {
                Console.WriteLine($"    {service.Name}'s last output lines:\n{service.Tail()}");
            }
        }

        return result;
    }

    public void Dispose()
    {
        _closing.CompleteAdding();
        _feed.Dispose();
        _control.Dispose();
        _grading.Dispose();
        _sms.Dispose();
    }

    /// <summary>
    /// Fact <paramref name="index"/> in a request of its own, or, with a feed window, in the batch of the facts due within
    /// the window its first fact opened, sent when the window closes; completes when its request has been answered. The
    /// window closes a window's length after that first fact was due, not after the driver let it go: timed from the
    /// release, the driver's lag and the timer's overshoot lengthened every window (8 facts a request at 500 a second
    /// with a 10 ms window instead of 5, and some 3 ms more waiting for each fact).
    /// </summary>
    private Task SendFactAsync(int index, long dueAt, CancellationToken cancellationToken)
    {
        if (_feedWindow <= TimeSpan.Zero)
        {
            return PostFactsAsync([index], cancellationToken);
        }

        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pendingLock)
        {
            if (_pending is { } open)
            {
                open.Add((index, sent));
                return sent.Task;
            }

            _pending = [(index, sent)];
        }

        _closing.Add((dueAt + (long)(_feedWindow.TotalSeconds * Stopwatch.Frequency), cancellationToken), cancellationToken);
        return sent.Task;
    }

    /// <summary>
    /// Closes each window when it is due, on a thread of its own that sleeps to that moment (PreciseSleep): Task.Delay
    /// counts whole milliseconds and fires late on a busy machine, which lengthened every window by about a millisecond.
    /// </summary>
    private void CloseWindows()
    {
        foreach (var (closesAt, cancellationToken) in _closing.GetConsumingEnumerable())
        {
            PreciseSleep.Until(closesAt);
            List<(int Index, TaskCompletionSource Sent)> batch;
            lock (_pendingLock)
            {
                (batch, _pending) = (_pending!, null);
            }

            _ = PostWindowAsync(batch, cancellationToken);
        }
    }

    private async Task PostWindowAsync(List<(int Index, TaskCompletionSource Sent)> batch, CancellationToken cancellationToken)
    {
        try
        {
            await PostFactsAsync([.. batch.Select(b => b.Index)], cancellationToken);
            batch.ForEach(b => b.Sent.SetResult());
        }
        catch (Exception ex)
        {
            batch.ForEach(b => b.Sent.SetException(ex));
        }
    }

    /// <summary>One request: the bill of each subject <paramref name="indexes"/>' account, due ten days ago, is overdue.</summary>
    private async Task PostFactsAsync(int[] indexes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _factsSent, indexes.Length);
        var dueDate = ChinaDates.Today(TimeProvider.System).AddDays(-10);
        var facts = indexes.Select(index => new
        {
            Source,
            ExternalId = string.Create(CultureInfo.InvariantCulture, $"overdue-{index}"),
            AccountNumber = FullPathSeeder.Account(index),
            Kind = "billOverdue",
            BillId = string.Create(CultureInfo.InvariantCulture, $"BENCH-{index:D8}"),
            DueDate = dueDate,
            Amount = 1280.50m,
        }).ToArray();
        using var response = await _feed.PostAsJsonAsync("/api/billing/facts", new { Facts = facts }, _json, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || JsonSerializer.Deserialize<FeedResponse>(body, _json) is not { } answer || answer.Created != indexes.Length)
        {
            throw new InvalidOperationException($"POST /api/billing/facts answered {(int)response.StatusCode}: {body}");
        }
    }

    private async Task PrimeAsync(int rate, CancellationToken cancellationToken)
    {
        var priming = Stopwatch.StartNew();
        var recorder = new LatencyRecorder(0, rate * PrimingSeconds);
        using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poller = PollAsync(recorder, 0, polling.Token);
        var result = await RateDriver.RunAsync("priming", rate, PrimingSeconds, 0, recorder, sequence => SendFactAsync(sequence, recorder.DueAt(sequence), cancellationToken), cancellationToken);
        await polling.CancelAsync();
        await poller;
        _nextSubject = recorder.Count;
        Console.WriteLine(FormattableString.Invariant(
            $"[{DateTime.Now:HH:mm:ss}] primed: {recorder.Arrivals:N0} of {recorder.Count:N0} facts through to the simulator at {rate}/s in {priming.Elapsed.TotalSeconds:F1} s (p50 {result.Percentile(50):F1} ms)"));
    }

    private async Task<(double Machine, string ByProcess)> MeasureCpuAsync(int rate, int warmupSeconds, int seconds, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds), cancellationToken);
        var (groups, machine, at) = (ProcessCpu.Sample(Named()), ProcessCpu.MachineBusy(), Stopwatch.GetTimestamp());
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(at).TotalSeconds;
        return ((ProcessCpu.MachineBusy() - machine) / elapsed, ProcessCpu.Describe(groups, ProcessCpu.Sample(Named()), elapsed, (int)(elapsed * rate)));
    }

    private Dictionary<int, string> Named() => new()
    {
        [_grading.Id] = "grading",
        [_sms.Notifications.Id] = "notifications",
        [_sms.Simulator.Id] = "simulator",
    };

    private async Task<IConnection> ConnectRabbitAsync(CancellationToken cancellationToken) =>
        await new ConnectionFactory { Uri = new Uri(_rabbitMq) }.CreateConnectionAsync("pipeline-bench-full-path-sampler", cancellationToken);

    private async Task PollAsync(LatencyRecorder recorder, int first, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await PollOnceAsync(recorder, first, cancellationToken);
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the run is over
        }
    }

    /// <summary>Reads the simulator's messages not read yet; each SMS to a bench mobile is the arrival of that subject's fact.</summary>
    private async Task PollOnceAsync(LatencyRecorder recorder, int first, CancellationToken cancellationToken)
    {
        var messages = (await _control.GetFromJsonAsync<List<ReceivedMessage>>($"/simulator/messages?after={_read}", _json, cancellationToken))!;
        _read = messages.Count > 0 ? messages[^1].Sequence : _read;
        foreach (var message in messages.Where(m => m.Channel == "sms"))
        {
            var sequence = FullPathSeeder.IndexOf(message.To) - first;
            if (sequence >= 0 && sequence < recorder.Count)
            {
                recorder.Arrived(sequence, _anchorTimestamp + (long)((message.ReceivedAt - _anchorTime).TotalSeconds * Stopwatch.Frequency));
            }
        }
    }

    /// <summary>
    /// The median of each minute of the measured run (of each 10 s in a shorter one): whether the run slows as its tables
    /// grow, or only wobbles.
    /// </summary>
    private static string MedianByMinute(LatencyRecorder recorder, int rate, int warmupSeconds)
    {
        var from = rate * warmupSeconds;
        var slice = recorder.Count - from >= rate * 120 ? rate * 60 : rate * 10;
        var medians = new List<string>();
        for (var start = from; start + slice <= recorder.Count; start += slice)
        {
            var sorted = recorder.LatenciesMs(start, start + slice);
            medians.Add(string.Create(CultureInfo.InvariantCulture, $"{RunResult.Percentile(sorted, 50):F1}"));
        }

        return $"p50 by {(slice == rate * 60 ? "minute" : "10 s")}: {string.Join(" / ", medians)} ms";
    }

    /// <summary>
    /// Where a measured fact's time went, stage by stage, from the times the services wrote down: due → Grading's
    /// CreditGradeChanged written to its outbox (the feed window, the request, the re-grading) → published (the relay:
    /// commit, wake-up, claim, publish with confirm) → Notifications' SMS entry written (the broker, the group commit)
    /// → the SMS at the simulator (commit, the dispatcher's wake-up, claim, signing and sending). Percentiles of each
    /// stage on its own, so they do not add up to the end-to-end ones.
    /// </summary>
    private async Task<string> StageLatenciesAsync(LatencyRecorder recorder, int first, int from, CancellationToken cancellationToken)
    {
        var (mobiles, entries) = (new Dictionary<Guid, int>(), new Dictionary<int, DateTimeOffset>());
        await using (var notifications = new NpgsqlConnection(_notificationsDb))
        {
            await notifications.OpenAsync(cancellationToken);
            await using var read = new NpgsqlCommand(
                """
                SELECT c."SubjectId", c."Mobile", l."CreatedAt" FROM subject_contacts c
                JOIN contact_log l ON l."SubjectId" = c."SubjectId" AND l."Channel" = 'Sms'
                WHERE c."Mobile" >= @from AND c."Mobile" <= @to
                """, notifications);
            read.Parameters.AddWithValue("from", FullPathSeeder.Mobile(first + from));
            read.Parameters.AddWithValue("to", FullPathSeeder.Mobile(first + recorder.Count - 1));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sequence = FullPathSeeder.IndexOf(reader.GetString(1)) - first;
                mobiles[reader.GetGuid(0)] = sequence;
                entries[sequence] = reader.GetFieldValue<DateTimeOffset>(2);
            }
        }

        var (graded, published) = (new Dictionary<int, DateTimeOffset>(), new Dictionary<int, DateTimeOffset>());
        await using (var grading = new NpgsqlConnection(_gradingDb))
        {
            await grading.OpenAsync(cancellationToken);
            // This run's measured facts only: the outbox also keeps every earlier run's and the priming's.
            await using var read = new NpgsqlCommand(
                """
                SELECT (body->>'subjectId')::uuid, created_at, sent_at FROM outbox_messages
                WHERE message_type LIKE 'CreditPower.Contracts.CreditGradeChanged,%' AND sent_at IS NOT NULL AND (body->>'subjectId')::uuid = ANY(@subjects)
                """, grading);
            read.Parameters.AddWithValue("subjects", mobiles.Keys.ToArray());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (mobiles.TryGetValue(reader.GetGuid(0), out var sequence))
                {
                    graded[sequence] = reader.GetFieldValue<DateTimeOffset>(1);
                    published[sequence] = reader.GetFieldValue<DateTimeOffset>(2);
                }
            }
        }

        var stages = new List<double>[4];
        for (var s = 0; s < stages.Length; s++)
        {
            stages[s] = [];
        }

        for (var sequence = from; sequence < recorder.Count; sequence++)
        {
            if (recorder.ArrivedAt(sequence) is var arrived and not 0 && graded.TryGetValue(sequence, out var gradedAt) && entries.TryGetValue(sequence, out var entryAt))
            {
                DateTimeOffset[] times = [WallClock(recorder.DueAt(sequence)), gradedAt, published[sequence], entryAt, WallClock(arrived)];
                for (var s = 0; s < stages.Length; s++)
                {
                    stages[s].Add((times[s + 1] - times[s]).TotalMilliseconds);
                }
            }
        }

        string[] names = ["due → graded", "→ published", "→ SMS entry", "→ at the simulator"];
        return $"stages of {stages[0].Count:N0} facts (p50 / p90 / p99 ms): " + string.Join("; ", names.Select((name, s) =>
        {
            var sorted = stages[s].Order().ToArray();
            return sorted.Length == 0
                ? $"{name} —"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{name} {RunResult.Percentile(sorted, 50):F1} / {RunResult.Percentile(sorted, 90):F1} / {RunResult.Percentile(sorted, 99):F1}");
        }));

        DateTimeOffset WallClock(long timestamp) => _anchorTime + Stopwatch.GetElapsedTime(_anchorTimestamp, timestamp);
    }

    private sealed record FeedResponse(int Created);

    private sealed record ReceivedMessage(long Sequence, string Channel, string To, DateTimeOffset ReceivedAt);

    /// <summary>
    /// Where a backlog would sit, sampled once a second: Grading's unsent outbox rows, the messages ready in
    /// Notifications' CreditGradeChanged queue, and Notifications' SMS entries still queued for the dispatcher.
    /// </summary>
    private sealed class StageSampler(string gradingDb, string notificationsDb, IConnection rabbit)
    {
        private const string GradeChangedQueue = "notifications-credit-grade-changed";
        private readonly List<long> _outbox = [];
        private readonly List<long> _queue = [];
        private readonly List<long> _queued = [];

        /// <summary>Samples while the facts are sent (<paramref name="samples"/> seconds), not during the drain after.</summary>
        public async Task RunAsync(int samples, CancellationToken cancellationToken)
        {
            await using var connection = rabbit;
            await using var channel = await rabbit.CreateChannelAsync(cancellationToken: cancellationToken);
            await using var grading = new NpgsqlConnection(gradingDb);
            await using var notifications = new NpgsqlConnection(notificationsDb);
            await grading.OpenAsync(cancellationToken);
            await notifications.OpenAsync(cancellationToken);
            await using var unsent = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", grading);
            await using var queued = new NpgsqlCommand("""SELECT count(*) FROM contact_log WHERE "Status" = 'Queued' AND "Channel" = 'Sms'""", notifications);
            try
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                while (_outbox.Count < samples && await timer.WaitForNextTickAsync(cancellationToken))
                {
                    _outbox.Add((long)(await unsent.ExecuteScalarAsync(cancellationToken))!);
                    _queue.Add((await channel.QueueDeclarePassiveAsync(GradeChangedQueue, cancellationToken)).MessageCount);
                    _queued.Add((long)(await queued.ExecuteScalarAsync(cancellationToken))!);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // the run is over
            }
        }

        public string Summary() => "backlog by stage (max / end / slope per s over the second half): "
            + $"Grading outbox unsent {Describe(_outbox)}; {GradeChangedQueue} ready {Describe(_queue)}; Notifications SMS queued {Describe(_queued)}";

        private static string Describe(List<long> samples) => samples.Count == 0
            ? "—"
            : string.Create(CultureInfo.InvariantCulture, $"{samples.Max()} / {samples[^1]} / {RunResult.SecondHalfSlope(samples):+0.0;-0.0}");
    }
}
