using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.ServiceDefaults.Api;

/// <summary>Problem details that name the one field at fault, so a form can show the reason beside it.</summary>
public static class Problems
{
    /// <summary>The title of every 400 that blames the caller's input.</summary>
    public const string InvalidTitle = "请求数据无效";

    /// <summary>A 400 naming <paramref name="field"/> and why it is wrong.</summary>
    public static ValidationProblem Field(string field, string reason, string title = InvalidTitle) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] }, title: title);

    /// <summary>
    /// A refusal other than bad input (409 conflict, 403) that still names <paramref name="field"/>: the detail says what
    /// happened, the field's reason (the detail unless given) is what the form shows beside it.
    /// </summary>
    public static ProblemHttpResult FieldRefused(int status, string field, string title, string detail, string? reason = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason ?? detail] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        });

    /// <summary>A 409 naming <paramref name="field"/>: the request was well formed, but the records stand against it.</summary>
    public static ProblemHttpResult FieldConflict(string field, string title, string detail, string? reason = null) =>
        FieldRefused(StatusCodes.Status409Conflict, field, title, detail, reason);
}
