using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CreditPower.ServiceDefaults.Api;

/// <summary>
/// Chinese titles for the problems that bring none of their own. A bare status (<c>TypedResults.NotFound()</c>, the 401
/// of a missing token, the 403 of a refused role, an unhandled exception's 500) reaches the caller titled with the
/// framework's English reason phrase ("Not Found"), and the portal shows titles to staff. A title an endpoint set is kept.
/// </summary>
public static class ProblemTitles
{
    private static readonly FrozenDictionary<int, string> _titles = new Dictionary<int, string>
    {
        [StatusCodes.Status400BadRequest] = "请求无效",
        [StatusCodes.Status401Unauthorized] = "未登录或登录已过期",
        [StatusCodes.Status403Forbidden] = "无权访问",
        [StatusCodes.Status404NotFound] = "未找到相应记录",
        [StatusCodes.Status405MethodNotAllowed] = "不支持该请求方式",
        [StatusCodes.Status406NotAcceptable] = "无法提供所要求的格式",
        [StatusCodes.Status408RequestTimeout] = "请求超时",
        [StatusCodes.Status409Conflict] = "数据冲突",
        [StatusCodes.Status410Gone] = "记录已不存在",
        [StatusCodes.Status412PreconditionFailed] = "数据已被修改，请刷新后重试",
        [StatusCodes.Status413PayloadTooLarge] = "提交的内容过大",
        [StatusCodes.Status415UnsupportedMediaType] = "不支持的内容类型",
        [StatusCodes.Status422UnprocessableEntity] = "请求数据无法处理",
        [StatusCodes.Status429TooManyRequests] = "请求过于频繁，请稍后再试",
        [StatusCodes.Status500InternalServerError] = "服务器内部错误",
        [StatusCodes.Status501NotImplemented] = "暂不支持该功能",
        [StatusCodes.Status502BadGateway] = "关联服务出错",
        [StatusCodes.Status503ServiceUnavailable] = "服务暂时不可用",
        [StatusCodes.Status504GatewayTimeout] = "关联服务响应超时",
    }.ToFrozenDictionary();

    /// <summary>The Chinese title of <paramref name="status"/>, or a general one for a status without its own.</summary>
    public static string For(int status) =>
        _titles.TryGetValue(status, out var title) ? title : status >= StatusCodes.Status500InternalServerError ? "服务暂时无法处理请求" : "请求未能完成";

    /// <summary>
    /// The <c>CustomizeProblemDetails</c> hook: a problem titled by the framework, or not at all, gets its status's
    /// Chinese title; field errors without a title of their own read as <see cref="Problems.InvalidTitle"/>.
    /// </summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (IsFrameworkTitle(problem.Title, status))
        {
            problem.Title = problem is HttpValidationProblemDetails ? Problems.InvalidTitle : For(status);
        }
    }

    // The framework's own defaults are internal; an untitled problem result and validation problem carry them, so
    // asking those keeps the check right whatever a later framework version writes.
    private static bool IsFrameworkTitle(string? title, int status) =>
        string.IsNullOrWhiteSpace(title)
        || title == ReasonPhrases.GetReasonPhrase(status)
        || title == TypedResults.Problem(statusCode: status).ProblemDetails.Title
        || title == new HttpValidationProblemDetails().Title;
}
