using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace CreditPower.UnitTests.Api;

/// <summary>Problems the framework titles in English (or not at all) read in Chinese; a title an endpoint gave stays.</summary>
public sealed class ProblemTitlesTests
{
    [Theory]
    [InlineData(400, "请求无效")]
    [InlineData(401, "未登录或登录已过期")]
    [InlineData(403, "无权访问")]
    [InlineData(404, "未找到相应记录")]
    [InlineData(409, "数据冲突")]
    [InlineData(500, "服务器内部错误")]
    [InlineData(503, "服务暂时不可用")]
    public void A_problem_with_the_frameworks_default_title_gets_a_chinese_one(int status, string title)
    {
        // What a bare status or an unhandled exception carries: "Not Found", "An error occurred while processing your request.".
        var problem = Microsoft.AspNetCore.Http.TypedResults.Problem(statusCode: status).ProblemDetails;

        Assert.Equal(title, Customized(problem, status).Title);
    }

    [Theory]
    [InlineData(404, "Not Found", "未找到相应记录")]
    [InlineData(429, "Too Many Requests", "请求过于频繁，请稍后再试")]
    [InlineData(429, null, "请求过于频繁，请稍后再试")]
    [InlineData(418, null, "请求未能完成")]
    [InlineData(507, "  ", "服务暂时无法处理请求")]
    public void A_reason_phrase_or_a_missing_title_becomes_the_statuss_chinese_title(int status, string? title, string expected) =>
        Assert.Equal(expected, Customized(new ProblemDetails { Status = status, Title = title }, status).Title);

    [Fact]
    public void A_title_the_endpoint_set_is_kept()
    {
        var problem = new ProblemDetails { Status = 409, Title = "暂不符合信用修复条件", Detail = "该主体当前为诚信客户（绿色或蓝色），无需信用修复。" };

        Assert.Equal("暂不符合信用修复条件", Customized(problem, 409).Title);
    }

    [Fact]
    public void Field_errors_without_a_title_read_as_invalid_input()
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["reason"] = ["不能为空。"] }) { Status = 400 };

        Assert.Equal(Problems.InvalidTitle, Customized(problem, 400).Title);
    }

    [Fact]
    public void The_status_of_the_response_names_the_title_when_the_problem_carries_none()
    {
        var http = new DefaultHttpContext();
        http.Response.StatusCode = 403;
        var context = new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails() };

        ProblemTitles.Apply(context);

        Assert.Equal("无权访问", context.ProblemDetails.Title);
    }

    private static ProblemDetails Customized(ProblemDetails problem, int status)
    {
        var http = new DefaultHttpContext();
        http.Response.StatusCode = status;
        var context = new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem };
        ProblemTitles.Apply(context);
        return context.ProblemDetails;
    }
}
