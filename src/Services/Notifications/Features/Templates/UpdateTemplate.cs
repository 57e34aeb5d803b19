using System.Security.Claims;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Templates;

public sealed record UpdateTemplateRequest
{
    public required string Body { get; init; }

    /// <summary>Why the wording changed, for the history.</summary>
    public string? Note { get; init; }

    /// <summary>The version the editor started from; a newer one saved meanwhile makes this edit a conflict.</summary>
    public required int BasedOnVersion { get; init; }
}

internal static class UpdateTemplate
{
    public const int MaxBodyLength = 2000;

    /// <summary>
    /// Saves a new wording as the next version; the old ones stay. A placeholder the sender does not fill in is refused,
    /// since the customer would read an empty gap.
    /// </summary>
    public static async Task<Results<Created<TemplateVersionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        string code, UpdateTemplateRequest request, ClaimsPrincipal user, NotificationsDbContext db, TemplatesInForce templatesInForce, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var definition = TemplateCatalog.Find(code);
        if (definition is null)
        {
            return TypedResults.NotFound();
        }

        var body = request.Body?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (body.Length == 0)
        {
            errors["body"] = ["模板内容不能为空。"];
        }
        else if (body.Length > MaxBodyLength)
        {
            errors["body"] = [$"模板内容不能超过 {MaxBodyLength} 个字符。"];
        }
        else if (TemplateText.Problems(body, [.. definition.Placeholders]) is { Count: > 0 } problems)
        {
            errors["body"] = [.. problems];
        }

        var note = request.Note?.Trim();
        if (note is { Length: > 500 })
        {
            errors["note"] = ["修改说明不能超过 500 个字符。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var current = await db.Templates.Where(t => t.Code == code).MaxAsync(t => t.Version, cancellationToken);
        if (request.BasedOnVersion != current)
        {
            return TypedResults.Problem(
                title: "模板已被他人修改",
                detail: $"您编辑的是第 {request.BasedOnVersion} 版，当前已是第 {current} 版。请刷新后在最新版本上修改。",
                statusCode: StatusCodes.Status409Conflict);
        }

        var version = new NoticeTemplate
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Version = current + 1,
            Body = body,
            CreatedBy = user.Identity?.Name ?? "unknown",
            CreatedAt = clock.GetUtcNow(),
            Note = string.IsNullOrEmpty(note) ? null : note,
        };
        db.Templates.Add(version);
        // A concurrent save of the same version number hits the unique index: 409 from the exception handler.
        await db.SaveChangesAsync(cancellationToken);
        templatesInForce.Invalidate();
        return TypedResults.Created($"/api/templates/{code}/versions", TemplateVersionResponse.From(version));
    }
}
