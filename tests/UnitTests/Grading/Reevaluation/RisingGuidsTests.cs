using CreditPower.Grading.Features.Reevaluation;
using Xunit;

namespace CreditPower.UnitTests.Grading.Reevaluation;

public sealed class RisingGuidsTests
{
    [Fact]
    public void Ids_rise_in_PostgreSQLs_byte_order_and_stay_version_7_of_the_given_time()
    {
        var now = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
        var ids = new RisingGuids(now);

        var made = Enumerable.Range(0, 100_000).Select(_ => ids.Next()).ToList();

        var bytes = made.Select(id => id.ToByteArray(bigEndian: true)).ToList();
        for (var i = 1; i < bytes.Count; i++)
        {
            Assert.True(bytes[i - 1].AsSpan().SequenceCompareTo(bytes[i]) < 0, $"id {i} does not rise: {made[i - 1]} then {made[i]}");
        }

        Assert.All(made, id => Assert.Equal(7, id.Version));
        Assert.All(made, id => Assert.Equal(0b10, id.ToByteArray(bigEndian: true)[8] >> 6));
        var millis = (long)bytes[0][0] << 40 | (long)bytes[0][1] << 32 | (long)bytes[0][2] << 24 | (long)bytes[0][3] << 16 | (long)bytes[0][4] << 8 | bytes[0][5];
        Assert.Equal(now.ToUnixTimeMilliseconds(), millis);
    }

    [Fact]
    public void The_id_a_number_of_places_after_the_first_is_the_one_the_sequence_made_there()
    {
        var ids = new RisingGuids(DateTimeOffset.UtcNow);
        var made = Enumerable.Range(0, 70_000).Select(_ => ids.Next()).ToList();

        // Across carries from the low byte into the next ones, as a claim check's chunk of grade rows needs.
        foreach (var offset in new[] { 0, 1, 255, 256, 257, 65_535, 65_536, 69_999 })
        {
            Assert.Equal(made[offset], RisingGuids.After(made[0], offset));
        }

        Assert.Equal(made[69_999], RisingGuids.After(made[65_000], 4_999));
    }
}
