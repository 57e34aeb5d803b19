using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Notifications.Features.Receipts;

internal static class VerifyWeChatServer
{
    /// <summary>
    /// WeChat's check when the server URL is saved in the account's settings: a signed GET whose <c>echostr</c> must come
    /// back unchanged (the signature is checked by the callback's scheme before this runs).
    /// </summary>
    public static ContentHttpResult Handle(string? echostr) => TypedResults.Text(echostr ?? "");
}
