using System.Text.Json;
using System.Text.RegularExpressions;
using CreditPower.ServiceDefaults.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.ServiceDefaults.Api;

/// <summary>
/// Turns the failures that reach the pipeline into problem details a caller can act on: which field,
/// and why. Malformed or oversized bodies never reach a handler, so nothing is stored.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "请求体过大",
                Detail = $"请求体超过 {ApiDefaults.MaxRequestBodyBytes / 1024} KB 的上限。",
            },
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "请求无效", Detail = bad.Message },
            DbUpdateException db when db.IsUniqueViolation() => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "记录已存在",
                Detail = "同一标识的记录已经存在。",
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var message = json.Message;
        var errors = new Dictionary<string, string[]>();
        var missing = MissingPropertiesPattern().Match(message);
        if (missing.Success)
        {
            foreach (Match name in QuotedNamePattern().Matches(missing.Groups[1].Value))
            {
                errors[name.Groups[1].Value] = ["缺少必填字段。"];
            }
        }
        else if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            errors[FieldName(json.Path)] = ["未知字段，接口不接受此字段。"];
        }
        else
        {
            errors[FieldName(json.Path)] = ["JSON 格式错误或字段类型不正确。"];
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Problems.InvalidTitle,
            Detail = string.Join("；", errors.Select(e => $"{e.Key}：{e.Value[0]}")),
        };
    }

    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    [GeneratedRegex("missing required properties including: (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingPropertiesPattern();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNamePattern();
}
