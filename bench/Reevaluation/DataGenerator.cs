using CreditPower.Grading.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Bench.Reevaluation;

/// <summary>
/// Deterministic data: subjects registered over five years (blue, 100 points: their state before any event was
/// graded), one power account each, and events in force with a mix a district would see — mostly bonuses and short
/// late payments, a tail of arrears, hazards, penalties and a few vetoes — plus 1% whose time ran out before now,
/// for the run to expire. Everything goes in by binary COPY, in subject-id order.
/// </summary>
internal static class DataGenerator
{
    private static readonly (string Type, double Weight)[] _mix =
    [
        ("late-payment-1-15", 24), ("late-payment-16-30", 7), ("late-payment-over-30", 2.5), ("arrears-outstanding", 1.2),
        ("repayment-agreement-broken", 0.3), ("payment-returned", 3), ("supply-suspended", 0.3), ("contract-violation", 0.4),
        ("inspection-refused", 0.8), ("hazard-notice-overdue", 0.8), ("major-hazard-overdue", 0.15), ("grid-trip-caused", 0.5),
        ("orderly-use-ignored", 1), ("penalty-general", 1), ("penalty-safety", 0.3), ("abnormal-operation-list", 0.4),
        ("auto-debit", 14), ("no-late-24-months", 5), ("demand-response", 15), ("commitment-kept", 12), ("honour", 8),
        ("electricity-theft", 0.04), ("serious-dishonesty-list", 0.02), ("dishonest-judgement-debtor", 0.03),
        ("commitment-broken", 0.04), ("facility-damage", 0.01), ("grid-accident", 0.01), ("arrears-3-months", 0.05),
        ("forged-materials", 0.01),
    ];

    public static async Task GenerateAsync(NpgsqlDataSource database, int subjects, long events, int seed, DateTimeOffset asOf)
    {
        var random = new Random(seed);
        var rules = DefaultRuleSet.Instance;
        var ids = new Guid[subjects];
        var bytes = new byte[16];
        for (var i = 0; i < subjects; i++)
        {
            random.NextBytes(bytes);
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            ids[i] = new Guid(bytes, bigEndian: true);
        }

        // PostgreSQL's uuid order: the table is laid out the way the bulk path reads it, and so is the yardstick's.
        Array.Sort(ids, (a, b) => a.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(b.ToByteArray(bigEndian: true)));

        await using var connection = await database.OpenConnectionAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            // Skips the per-row foreign-key triggers while loading (needs a superuser; without one it just loads slower).
            try
            {
                await replica.ExecuteNonQueryAsync();
            }
            catch (PostgresException)
            {
            }
        }

        var created = new DateTime[subjects];
        using (var writer = connection.BeginBinaryImport(
            """COPY subjects ("Id", "Kind", "Identifier", "Name", "CreatedAt", "Colour", "Score", "RuleVersion", "GradedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < subjects; i++)
            {
                created[i] = asOf.UtcDateTime.AddMinutes(-random.Next(60, 60 * 24 * 365 * 5));
                writer.StartRow();
                writer.Write(ids[i], NpgsqlDbType.Uuid);
                writer.Write("LegalEntity", NpgsqlDbType.Text);
                writer.Write($"91{i:D16}", NpgsqlDbType.Text);
                writer.Write($"淮阴区测试企业{i}号有限公司", NpgsqlDbType.Text);
                writer.Write(created[i], NpgsqlDbType.TimestampTz);
                writer.Write("Blue", NpgsqlDbType.Text);
                writer.Write(100, NpgsqlDbType.Integer);
                writer.Write(rules.Version, NpgsqlDbType.Text);
                writer.Write(created[i], NpgsqlDbType.TimestampTz);
            }

            writer.Complete();
        }

        using (var writer = connection.BeginBinaryImport(
            """COPY power_accounts ("Id", "SubjectId", "Number") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < subjects; i++)
            {
                writer.StartRow();
                writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                writer.Write(ids[i], NpgsqlDbType.Uuid);
                writer.Write((3_200_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            }

            writer.Complete();
        }

        // Events per subject: uniform from 1 to twice the mean, then nudged so the total is exact.
        var mean = (double)events / subjects;
        var counts = new int[subjects];
        long total = 0;
        for (var i = 0; i < subjects; i++)
        {
            counts[i] = random.Next(1, Math.Max(2, (int)Math.Round(2 * mean)));
            total += counts[i];
        }

        while (total != events)
        {
            var i = random.Next(subjects);
            if (total < events)
            {
                counts[i]++;
                total++;
            }
            else if (counts[i] > 0)
            {
                counts[i]--;
                total--;
            }
        }

        var cumulative = new double[_mix.Length];
        var sum = 0.0;
        for (var t = 0; t < _mix.Length; t++)
        {
            sum += _mix[t].Weight;
            cumulative[t] = sum;
        }

        var asOfUtc = asOf.UtcDateTime;
        using (var writer = connection.BeginBinaryImport(
            """
            COPY credit_events ("Id", "SubjectId", "EventType", "Points", "OccurredAt", "RecordedAt", "ExpiresAt", "Source", "RuleVersion", "RecordedBy", "Status")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < subjects; i++)
            {
                var lapsed = counts[i] > 0 && random.Next(10) == 0 ? 1 : 0;
                for (var e = 0; e < counts[i] + lapsed; e++)
                {
                    var pick = random.NextDouble() * sum;
                    var t = Array.FindIndex(cumulative, c => pick < c);
                    var rule = rules.EventTypes[_mix[t < 0 ? 0 : t].Type];
                    DateTime occurred;
                    DateTime? expires;
                    if (e == counts[i])
                    {
                        // The extra tenth-of-subjects event whose time ran out a few days ago: the run marks it expired.
                        var months = rule.MonthsInForce ?? 12;
                        occurred = asOfUtc.AddMonths(-months).AddMinutes(-random.Next(1, 60 * 24 * 20));
                        expires = occurred.AddMonths(months);
                    }
                    else if (rule.MonthsInForce is { } months)
                    {
                        occurred = asOfUtc.AddMinutes(-random.Next(60, Math.Max(120, ((months * 30) - 2) * 24 * 60)));
                        expires = occurred.AddMonths(months);
                    }
                    else
                    {
                        occurred = asOfUtc.AddMinutes(-random.Next(60, 60 * 24 * 365 * 3));
                        expires = null;
                    }

                    occurred = occurred < created[i] ? created[i].AddMinutes(1) : occurred;
                    if (expires is { } end && end <= occurred)
                    {
                        expires = occurred.AddMonths(rule.MonthsInForce ?? 12);
                    }

                    writer.StartRow();
                    writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    writer.Write(ids[i], NpgsqlDbType.Uuid);
                    writer.Write(rule.Code, NpgsqlDbType.Text);
                    writer.Write(rule.Points, NpgsqlDbType.Integer);
                    writer.Write(occurred, NpgsqlDbType.TimestampTz);
                    writer.Write(occurred, NpgsqlDbType.TimestampTz);
                    if (expires is { } at)
                    {
                        writer.Write(at, NpgsqlDbType.TimestampTz);
                    }
                    else
                    {
                        writer.WriteNull();
                    }

                    writer.Write("billing", NpgsqlDbType.Text);
                    writer.Write(rules.Version, NpgsqlDbType.Text);
                    writer.Write("bench", NpgsqlDbType.Text);
                    writer.Write(nameof(CreditEventStatus.InForce), NpgsqlDbType.Text);
                }
            }

            writer.Complete();
        }
    }
}
