using CreditPower.Notifications.Features.Receipts;
using Xunit;

namespace CreditPower.UnitTests.Notifications;

/// <summary>WeChat's event signature and delivery statuses, against values worked out independently of the code.</summary>
public sealed class WeChatEventTests
{
    [Theory]
    // Computed with Python: sha1("".join(sorted([token, timestamp, nonce]))).hexdigest()
    [InlineData("creditpower2026", "1767225600", "482913577", "8b352e14630e611895e1c50c26de7e26c318f190")]
    // Upper case sorts before lower case (ordinal, as WeChat sorts), not as a culture-aware comparison would.
    [InlineData("Token123", "1767225600", "abc", "d70ed6e064248b60314446438ab4d06ad41bfa99")]
    public void The_signature_is_the_sha1_of_token_timestamp_and_nonce_sorted(string token, string timestamp, string nonce, string expected)
    {
        Assert.Equal(expected, WeChatEventSignature.Compute(token, timestamp, nonce));
        Assert.True(WeChatEventSignature.Matches(token, timestamp, nonce, expected.ToUpperInvariant()));
        Assert.False(WeChatEventSignature.Matches(token, timestamp, nonce + "0", expected));
    }

    [Theory]
    [InlineData("failed:user block", "用户已拒收本公众号的消息")]
    [InlineData("failed: system failed", "因微信系统原因未送达")]
    [InlineData("failed: unknown", "未送达（failed: unknown）")]
    public void A_failed_status_reads_as_a_reason_in_Chinese_keeping_WeChat_s_own(string status, string reason)
    {
        var text = ReceiveWeChatEvents.FailureReason(status);

        Assert.StartsWith("微信回执：", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Contains(status, text, StringComparison.Ordinal);
    }
}
