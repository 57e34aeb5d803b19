using CreditPower.GatewaySimulator.Received;
using Xunit;

namespace CreditPower.UnitTests.Simulators;

public sealed class MessageLogTests
{
    private readonly MessageLog _log = new(TimeProvider.System);

    [Fact]
    public void A_poll_after_a_sequence_gets_only_what_came_after_it_also_across_a_clear()
    {
        Add("13900000001", "13900000002", "13900000003");
        Assert.Equal(["13900000002", "13900000003"], _log.After(1).Select(m => m.To));

        _log.Clear();
        Add("13900000004", "13900000005");

        Assert.Equal([4L, 5L], _log.After(0).Select(m => m.Sequence));
        Assert.Equal(["13900000005"], _log.After(4).Select(m => m.To));
        Assert.Empty(_log.After(5));
    }

    [Fact]
    public void Counts_and_the_newest_messages_follow_what_was_added_and_cleared()
    {
        Add("13900000001", "13900000002");
        _log.Add(MessageLog.WeChat, "openid-1", null, "TPL", new Dictionary<string, string>(), null, "wx-1", null);

        Assert.Equal(2, _log.Count(MessageLog.Sms));
        Assert.Equal(1, _log.Count(MessageLog.WeChat));
        Assert.Equal(["openid-1", "13900000002"], _log.Latest(2).Select(m => m.To));

        _log.Clear();
        Assert.Equal(0, _log.Count(MessageLog.Sms));
        Assert.Empty(_log.Latest(5));
    }

    private void Add(params string[] mobiles)
    {
        foreach (var mobile in mobiles)
        {
            _log.Add(MessageLog.Sms, mobile, "淮阴供电", "SMS_1", new Dictionary<string, string>(), null, $"biz-{mobile}", null);
        }
    }
}
