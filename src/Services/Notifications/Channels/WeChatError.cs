using System.Globalization;
using System.Text.Json;

namespace CreditPower.Notifications.Channels;

/// <summary>An error WeChat answered, read from its JSON and told to staff in Chinese (the contact log, the logs).</summary>
internal readonly record struct WeChatError(int Code, string? Message)
{
    /// <summary>The <c>errcode</c> and <c>errmsg</c> of an answer; code 0 when WeChat gave none (success).</summary>
    public static WeChatError From(JsonElement answer) => new(
        answer.TryGetProperty("errcode", out var code) ? code.GetInt32() : 0,
        answer.TryGetProperty("errmsg", out var message) ? message.GetString() : null);

    /// <summary>What staff read: the meaning of the codes we meet, WeChat's own code and text for reference.</summary>
    public string Describe() => (Code, Message) switch
    {
        (0, null or "") => "微信未返回错误码",
        (var code, var text) => string.Create(CultureInfo.InvariantCulture,
            $"{Meaning(code)}（微信错误码 {code}{(string.IsNullOrEmpty(text) ? "" : "：" + text)}）"),
    };

    private static string Meaning(int code) => code switch
    {
        40001 or 42001 => "接口凭证无效或已过期",
        40003 => "用户标识（openid）无效",
        40037 => "模板编号无效",
        43004 => "用户未关注公众号",
        43101 => "用户拒绝接收消息",
        45009 => "接口调用次数已达当日上限",
        -1 => "微信系统繁忙",
        >= 500 and < 600 => "微信接口网关出错",
        _ => "微信拒绝了请求",
    };
}
