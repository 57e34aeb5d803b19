using System.Security.Claims;
using System.Text.RegularExpressions;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.Dispatch;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Bindings;

public sealed record BindWeChatRequest
{
    /// <summary>The customer's openid under our Official Account (28 characters).</summary>
    public string? OpenId { get; init; }

    /// <summary>When the customer agreed to receive notices by WeChat; not in the future.</summary>
    public DateTimeOffset? ConsentedAt { get; init; }
}

internal static partial class BindWeChat
{
    /// <summary>Binds (or re-binds) a subject to a WeChat follower with the time of consent.</summary>
    public static async Task<Results<Ok<WeChatBindingResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid subjectId, BindWeChatRequest request, NotificationsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var openId = request.OpenId?.Trim() ?? "";
        if (!OpenIdShape().IsMatch(openId))
        {
            errors["openId"] = ["openid 应为 28 位字母、数字、下划线或连字符（公众号下的用户标识）。"];
        }

        if (request.ConsentedAt is not { } consentedAt)
        {
            errors["consentedAt"] = ["请填写客户同意接收微信通知的时间。"];
        }
        else if (consentedAt > now.AddMinutes(5))
        {
            errors["consentedAt"] = ["同意时间不能晚于当前时间。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var by = user.Identity?.Name ?? "unknown";
        var binding = await db.WeChatBindings.SingleOrDefaultAsync(b => b.SubjectId == subjectId, cancellationToken);
        if (binding is null)
        {
            binding = new WeChatBinding { SubjectId = subjectId, OpenId = openId, BoundBy = by };
            db.WeChatBindings.Add(binding);
        }

        binding.OpenId = openId;
        binding.ConsentedAt = request.ConsentedAt!.Value.ToUniversalTime();
        binding.BoundAt = now;
        binding.BoundBy = by;
        // The unique openid index is the one check: a look-up first would still race a concurrent binding of the same follower.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(WeChatBindingConfiguration.OpenIdIndex))
        {
            return Problems.FieldConflict("openId", "该微信用户已绑定其他信用主体", "该微信用户已绑定其他信用主体，请先解除原绑定。");
        }

        return TypedResults.Ok(new WeChatBindingResponse(subjectId, Recipients.MaskOpenId(openId), binding.ConsentedAt, binding.BoundAt, binding.BoundBy));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{28}$")]
    private static partial Regex OpenIdShape();
}
