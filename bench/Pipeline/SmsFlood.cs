using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.ServiceDefaults;
using CreditPower.TestSupport;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Issue 4's "100,000 SMS" figure (`-- --sms100k`): Notifications and the gateway simulator run as Release processes,
/// <c>count</c> queued SMS entries and their subjects' contact rows (with mobiles) go into Notifications' tables by
/// one binary COPY, and the dispatcher — which looks for due rows every <c>Dispatch:PollInterval</c> — sends them under
/// the provider cap. The simulator's own per-second request counts give the max rate; its ReceivedAt times the total.
/// The baseline from the same run is the cap itself: <c>count</c> / cap seconds is the fastest the provider allows.
/// </summary>
internal static class SmsFlood
{
    private const string TemplateCode = "grade-yellow-sms";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static async Task<bool> RunAsync(RealServers servers, int count, int capPerSecond, IReadOnlyList<KeyValuePair<string, string?>> settings, bool noBuild, CancellationToken cancellationToken)
    {
        var dlls = await NotificationsAndSimulator.BuildAsync(noBuild, cancellationToken);
        const string database = "notifications_sms_bench";
        await servers.CreateDatabaseAsync(database, cancellationToken);
        var connectionString = servers.CreateDatabaseConnectionString(database);

        var environment = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{ResourceNames.NotificationsDb}"] = connectionString,
            [$"ConnectionStrings__{ResourceNames.RabbitMq}"] = servers.RabbitMqConnectionString,
            [$"ConnectionStrings__{ResourceNames.Redis}"] = servers.RedisConnectionString,
            ["ServiceTokens__SigningKey"] = ServiceProcess.Secret(),
            ["Dispatch__SmsPerSecond"] = capPerSecond.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in settings)
        {
            environment[name.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        using var services = await NotificationsAndSimulator.StartAsync(dlls, environment, cancellationToken);
        var (simulator, notifications) = (services.Simulator, services.Notifications);
        Console.WriteLine($"Gateway simulator pid {simulator.Id} at {simulator.Url}; Notifications pid {notifications.Id} at {notifications.Url} (Release, quiet hours off, SMS cap {capPerSecond}/s)"
            + string.Concat(settings.Select(s => $"; {s.Key}={s.Value}")));

        using var http = services.Control(TimeSpan.FromMinutes(2));
        var seeding = Stopwatch.StartNew();
        var ids = await SeedAsync(connectionString, count, cancellationToken);
        var committedAt = DateTimeOffset.UtcNow;
        var cpuBefore = (notifications.CpuTime(), simulator.CpuTime());
        Console.WriteLine(FormattableString.Invariant(
            $"[{DateTime.Now:HH:mm:ss}] {count:N0} queued SMS + {count:N0} contacts (mobiles) committed by binary COPY in {seeding.Elapsed.TotalSeconds:F1} s; load average {Machine.LoadAverage()}"));

        // Wait, sampling once a second, until the simulator has them all or nothing has moved for 30 s.
        var (received, lastChange, last) = (0, Stopwatch.StartNew(), -1);
        var limit = TimeSpan.FromSeconds(Math.Max(120, 3.0 * count / capPerSecond));
        var waited = Stopwatch.StartNew();
        while (received < count && lastChange.Elapsed < TimeSpan.FromSeconds(30) && waited.Elapsed < limit)
        {
            await Task.Delay(1000, cancellationToken);
            received = (await http.GetFromJsonAsync<Stats>("/simulator/stats", _json, cancellationToken))!.Sms;
            if (received != last)
            {
                (last, lastChange) = (received, Stopwatch.StartNew());
            }
        }

        var cpuAfter = (notifications.CpuTime(), simulator.CpuTime());
        var stats = (await http.GetFromJsonAsync<Stats>("/simulator/stats", _json, cancellationToken))!;
        var messages = (await http.GetFromJsonAsync<List<Message>>("/simulator/messages?channel=sms", _json, cancellationToken))!;

        var expected = ids.Select(id => id.ToString("N")).ToHashSet(StringComparer.Ordinal);
        var byReference = messages.Where(m => m.Reference is not null).GroupBy(m => m.Reference!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = expected.Count(id => !byReference.ContainsKey(id));
        var duplicates = byReference.Where(p => expected.Contains(p.Key)).Sum(p => p.Value - 1);
        var strangers = byReference.Keys.Count(k => !expected.Contains(k));
        var requests = stats.PerSecond.Where(p => p.Channel == "sms").ToList();
        var accepted = messages.GroupBy(m => m.ReceivedAt.ToUnixTimeSeconds()).Select(g => g.Count()).DefaultIfEmpty(0).ToList();
        var first = messages.Count > 0 ? messages.Min(m => m.ReceivedAt) : committedAt;
        var lastAt = messages.Count > 0 ? messages.Max(m => m.ReceivedAt) : committedAt;
        var total = (lastAt - committedAt).TotalSeconds;
        var sending = (lastAt - first).TotalSeconds;
        var fullSeconds = requests.Count > 2 ? requests.Skip(1).SkipLast(1).Select(p => p.Count).ToList() : [];

        var (sent, queued, other) = await StatusesAsync(connectionString, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"100,000-SMS figure ({count:N0} SMS, provider cap {capPerSecond}/s; fastest the cap allows: {(double)count / capPerSecond:F1} s):"));
        Console.WriteLine(FormattableString.Invariant($"  total from the COPY's commit to the last SMS at the simulator: {total:F1} s (target ≤ 60 s){(total <= 60 ? "" : "  OVER TARGET")}"));
        Console.WriteLine(FormattableString.Invariant($"  first SMS {(first - committedAt).TotalSeconds:F1} s after the commit (dispatcher poll); first to last {sending:F1} s = {(sending > 0 ? messages.Count / sending : 0):F0} SMS/s on average"));
        Console.WriteLine(FormattableString.Invariant(
            $"  max per second at the simulator: {stats.MaxPerSecond.GetValueOrDefault("sms")} requests (cap {capPerSecond}){(stats.MaxPerSecond.GetValueOrDefault("sms") > capPerSecond ? "  OVER THE CAP" : "")}, {accepted.Max()} accepted; ")
            + FormattableString.Invariant($"full seconds min/median {(fullSeconds.Count > 0 ? fullSeconds.Min() : 0)}/{(fullSeconds.Count > 0 ? fullSeconds.Order().ElementAt(fullSeconds.Count / 2) : 0)}"));
        Console.WriteLine(FormattableString.Invariant(
            $"  received {messages.Count:N0}; missing {missing}, duplicates {duplicates}, unknown {strangers}; contact log: sent or delivered {sent:N0}, still queued {queued:N0}, other {other:N0}"));
        Console.WriteLine(FormattableString.Invariant(
            $"  CPU during the drain: Notifications {(cpuAfter.Item1 - cpuBefore.Item1).TotalSeconds:F1} s, simulator {(cpuAfter.Item2 - cpuBefore.Item2).TotalSeconds:F1} s; load average now {Machine.LoadAverage()}"));
        Console.WriteLine("  requests per second (simulator's count): " + string.Join(' ', requests.Select(p => p.Count.ToString(CultureInfo.InvariantCulture))));
        return missing == 0 && duplicates == 0 && strangers == 0 && stats.MaxPerSecond.GetValueOrDefault("sms") <= capPerSecond && total <= 60;
    }

    /// <summary>
    /// Contact read-model rows (what SubjectProfileChanged would have left) and queued SMS entries (what
    /// CreditGradeChanged would have queued), in one transaction so the dispatcher sees them all at once. Columns as
    /// Notifications' migrations made them (Data/ContactLogEntryConfiguration.cs, SubjectContactConfiguration.cs).
    /// </summary>
    private static async Task<Guid[]> SeedAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var subjects = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var entries = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var contacts = await connection.BeginBinaryImportAsync(
            """COPY subject_contacts ("SubjectId", "Name", "Mobile", "Accounts", "ChangedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                await contacts.StartRowAsync(cancellationToken);
                await contacts.WriteAsync(subjects[i], NpgsqlDbType.Uuid, cancellationToken);
                await contacts.WriteAsync(Name(i), NpgsqlDbType.Varchar, cancellationToken);
                await contacts.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"139{i:D8}"), NpgsqlDbType.Varchar, cancellationToken);
                await contacts.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"[\"39{i:D10}\"]"), NpgsqlDbType.Jsonb, cancellationToken);
                await contacts.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await contacts.CompleteAsync(cancellationToken);
        }

        await using (var log = await connection.BeginBinaryImportAsync(
            """
            COPY contact_log ("Id", "SubjectId", "Channel", "Trigger", "DedupeKey", "TemplateCode", "TemplateVersion", "Parameters", "Content",
                "Status", "CreatedAt", "NextAttemptAt", "Attempts") FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                var trigger = string.Create(CultureInfo.InvariantCulture, $"grade-changed:bench-{i:D7}");
                var parameters = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = Name(i), ["colour"] = "黄色", ["score"] = "68" }, _json);
                await log.StartRowAsync(cancellationToken);
                await log.WriteAsync(entries[i], NpgsqlDbType.Uuid, cancellationToken);
                await log.WriteAsync(subjects[i], NpgsqlDbType.Uuid, cancellationToken);
                await log.WriteAsync("Sms", NpgsqlDbType.Varchar, cancellationToken);
                await log.WriteAsync(trigger, NpgsqlDbType.Varchar, cancellationToken);
                await log.WriteAsync(trigger + ":sms", NpgsqlDbType.Varchar, cancellationToken);
                await log.WriteAsync(TemplateCode, NpgsqlDbType.Varchar, cancellationToken);
                await log.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await log.WriteAsync(parameters, NpgsqlDbType.Jsonb, cancellationToken);
                await log.WriteAsync($"【淮阴供电】尊敬的{Name(i)}，您的信用等级已由蓝色调整为黄色（68 分），请及时缴清电费。", NpgsqlDbType.Varchar, cancellationToken);
                await log.WriteAsync("Queued", NpgsqlDbType.Varchar, cancellationToken);
                await log.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await log.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await log.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await log.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await using var analyze = new NpgsqlCommand("ANALYZE subject_contacts; ANALYZE contact_log", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return entries;
    }

    private static async Task<(long Sent, long Queued, long Other)> StatusesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """SELECT count(*) FILTER (WHERE "Status" IN ('Sent', 'Delivered')), count(*) FILTER (WHERE "Status" = 'Queued'), count(*) FILTER (WHERE "Status" NOT IN ('Sent', 'Delivered', 'Queued')) FROM contact_log""",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"基准测试电力用户有限公司{i:D7}");

    private sealed record Stats(int Sms, Dictionary<string, int> MaxPerSecond, List<PerSecondCount> PerSecond);

    private sealed record PerSecondCount(string Channel, long Second, int Count);

    private sealed record Message(string Channel, string To, string? Reference, DateTimeOffset ReceivedAt);
}
