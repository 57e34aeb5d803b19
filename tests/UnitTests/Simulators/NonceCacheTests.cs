using CreditPower.GatewaySimulator.Sms;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CreditPower.UnitTests.Simulators;

/// <summary>
/// The simulator's SignatureNonce memory against its timestamp check (|now − Timestamp| ≤ tolerance is accepted): a
/// replay the timestamp check would still let through must always find its nonce remembered.
/// </summary>
public sealed class NonceCacheTests
{
    private static readonly DateTimeOffset _start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    // tolerance (min), Timestamp relative to the first use (s), replay after the first use (s): the last second it passes the timestamp check.
    [InlineData(15, 0, 15 * 60)]
    [InlineData(30, 0, 30 * 60)]
    [InlineData(5, 0, 5 * 60)]
    [InlineData(15, 15 * 60, 30 * 60)]
    [InlineData(15, -15 * 60, 0)]
    public void A_replay_the_timestamp_check_still_accepts_is_refused(int toleranceMinutes, int timestampSeconds, int replaySeconds)
    {
        var clock = new FakeTimeProvider(_start);
        var nonces = new NonceCache(clock);
        var tolerance = TimeSpan.FromMinutes(toleranceMinutes);
        var timestamp = _start.AddSeconds(timestampSeconds);
        Assert.True(nonces.TryUse("first", timestamp, tolerance));

        // Other requests meanwhile, each a chance to sweep.
        for (var at = 60; at < replaySeconds; at += 60)
        {
            clock.SetUtcNow(_start.AddSeconds(at));
            Assert.True(nonces.TryUse($"other-{at}", clock.GetUtcNow(), tolerance));
        }

        clock.SetUtcNow(_start.AddSeconds(replaySeconds));
        Assert.True((clock.GetUtcNow() - timestamp).Duration() <= tolerance, "the replay is one the timestamp check accepts");
        Assert.False(nonces.TryUse("first", timestamp, tolerance));
    }

    [Fact]
    public void A_nonce_is_forgotten_once_its_timestamp_is_older_than_the_tolerance()
    {
        var clock = new FakeTimeProvider(_start);
        var nonces = new NonceCache(clock);
        var tolerance = TimeSpan.FromMinutes(10);
        Assert.True(nonces.TryUse("old", _start, tolerance));

        clock.SetUtcNow(_start + tolerance + TimeSpan.FromSeconds(1));
        Assert.True(nonces.TryUse("new", clock.GetUtcNow(), tolerance));

        Assert.Equal(1, nonces.Count);
    }

    [Fact]
    public void A_tolerance_raised_at_run_time_keeps_nonces_used_under_the_shorter_one()
    {
        var clock = new FakeTimeProvider(_start);
        var nonces = new NonceCache(clock);
        Assert.True(nonces.TryUse("first", _start, TimeSpan.FromMinutes(5)));

        clock.SetUtcNow(_start.AddMinutes(12));

        Assert.False(nonces.TryUse("first", _start, TimeSpan.FromMinutes(15)));
    }
}
