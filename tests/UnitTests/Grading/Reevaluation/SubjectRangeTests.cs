using CreditPower.Grading.Features.Reevaluation;
using Xunit;

namespace CreditPower.UnitTests.Grading.Reevaluation;

/// <summary>
/// A run's ranges are cut at the quantiles of the subjects' ids, which PostgreSQL computes (percentile_disc); here the
/// quantiles are taken the way it takes them, from ids made as the API makes them.
/// </summary>
public sealed class SubjectRangeTests
{
    private const string Column = "s.\"Id\"";
    private static readonly DateTimeOffset _firstRegistered = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1_000, 16)]
    [InlineData(300, 4)]
    [InlineData(17, 16)]
    public void Time_ordered_ids_are_cut_into_ranges_of_nearly_equal_count(int subjects, int partitions)
    {
        var ids = VersionSevenIds(subjects, seed: subjects);

        var ranges = SubjectRange.Cut(Quantiles(ids, partitions));

        // Within one of an equal share: the bound is the id at row ⌈k/n × count⌉, so the first range can be one short.
        Assert.Equal(partitions, ranges.Count);
        Assert.All(ranges, r => Assert.InRange(ids.Count(id => r.Holds(id)), subjects / partitions - 1, subjects / partitions + 1));
        Assert.Equal(subjects, ranges.Sum(r => ids.Count(id => r.Holds(id))));
    }

    [Fact]
    public void Every_id_falls_in_exactly_one_range_in_postgresql_order_including_ids_made_after_the_cut()
    {
        var ranges = SubjectRange.Cut(Quantiles(VersionSevenIds(500, seed: 7), 16));
        var later = Enumerable.Range(0, 1_000).Select(k => Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(k)));
        var anywhere = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid());

        foreach (var id in later.Concat(anywhere).Append(Guid.Empty).Append(Guid.AllBitsSet))
        {
            Assert.Single(ranges, r => r.Holds(id));
        }

        // The ranges are numbered in id order and each starts where the one before it ends, open at both ends.
        Assert.Equal(Enumerable.Range(0, 16), ranges.Select(r => r.Index));
        Assert.All(ranges, r => Assert.Equal(16, r.Of));
        Assert.Null(ranges[0].From);
        Assert.Null(ranges[^1].To);
        Assert.All(ranges.Skip(1), r => Assert.Equal(ranges[r.Index - 1].To, r.From));
        Assert.All(ranges.Skip(1).SkipLast(1), r => Assert.True(Compare(r.From!.Value, r.To!.Value) < 0, $"range {r.Index} is not empty by its bounds"));
        Assert.True(ranges[^1].Holds(Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(1))), "a subject registered after the cut is in the last range");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(15)]
    public void Fewer_subjects_than_ranges_give_a_range_a_subject_and_no_repeated_bounds(int subjects)
    {
        var ids = VersionSevenIds(subjects, seed: 3);

        var ranges = SubjectRange.Cut(Quantiles(ids, 16));

        Assert.Equal(subjects, ranges.Count);
        Assert.All(ranges, r => Assert.Single(ids, id => r.Holds(id)));
        Assert.Equal(ranges.Count - 1, ranges.Select(r => r.To).OfType<Guid>().Distinct().Count());
    }

    [Fact]
    public void No_subjects_give_one_range_over_everything()
    {
        var range = Assert.Single(SubjectRange.Cut([]));

        Assert.Equal(new SubjectRange(0, 1, null, null), range);
        Assert.Equal("TRUE", range.Where(Column));
    }

    [Fact]
    public void A_range_is_a_primary_key_range_condition_with_its_bounds_as_literals()
    {
        var (from, to) = (Guid.Parse("019ac9a0-1000-7000-8000-000000000000"), Guid.Parse("019ac9b0-2000-7000-8000-000000000000"));

        var ranges = SubjectRange.Cut([Guid.Parse("019ac990-0000-7000-8000-000000000000"), from, to]);

        Assert.Equal("""s."Id" < '019ac9a0-1000-7000-8000-000000000000'::uuid""", ranges[0].Where(Column));
        Assert.Equal(
            """s."Id" >= '019ac9a0-1000-7000-8000-000000000000'::uuid AND s."Id" < '019ac9b0-2000-7000-8000-000000000000'::uuid""",
            ranges[1].Where(Column));
        Assert.Equal("""s."Id" >= '019ac9b0-2000-7000-8000-000000000000'::uuid""", ranges[2].Where(Column));
    }

    // Subjects registered over ten months, about four to a millisecond (a bulk registration), sorted as PostgreSQL sorts them.
    private static List<Guid> VersionSevenIds(int count, int seed)
    {
        var random = new Random(seed);
        var instants = Enumerable.Range(0, Math.Max(1, count / 4))
            .Select(_ => _firstRegistered.AddMilliseconds(random.NextInt64(0, 300L * 24 * 3600 * 1000)))
            .ToArray();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7(instants[random.Next(instants.Length)])).ToList();
        ids.Sort(Compare);
        return ids;
    }

    // percentile_disc(ARRAY[0, 1/n, …, (n−1)/n]) WITHIN GROUP (ORDER BY "Id"): the value at row ⌈f × count⌉, the first for 0.
    private static Guid[] Quantiles(List<Guid> sorted, int partitions) =>
        sorted.Count == 0
            ? []
            : [.. Enumerable.Range(0, partitions).Select(k => sorted[Math.Max(0, (int)Math.Ceiling((double)k / partitions * sorted.Count) - 1)])];

    // PostgreSQL compares uuids byte by byte, in the big-endian (RFC) order.
    private static int Compare(Guid a, Guid b) => a.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(b.ToByteArray(bigEndian: true));
}

file static class SubjectRangeExtensions
{
    public static bool Holds(this SubjectRange range, Guid id) =>
        (range.From is not { } from || Compare(id, from) >= 0) && (range.To is not { } to || Compare(id, to) < 0);

    private static int Compare(Guid a, Guid b) => a.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(b.ToByteArray(bigEndian: true));
}
