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
}
