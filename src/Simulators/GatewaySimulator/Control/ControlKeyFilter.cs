using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CreditPower.GatewaySimulator.Control;

/// <summary>
/// The control API changes how the providers behave and lists every message with its recipient: only a caller holding
/// the configured key (<c>Simulator:ControlKey</c>, in <c>X-Simulator-Key</c>) may use it.
/// </summary>
internal sealed class ControlKeyFilter(IOptionsMonitor<ControlOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.CurrentValue.ControlKey;
        var presented = context.HttpContext.Request.Headers[ControlOptions.KeyHeader].ToString();
        if (expected.Length == 0 || presented.Length == 0
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "需要模拟器控制密钥",
                detail: expected.Length == 0
                    ? "模拟器未配置控制密钥（Simulator:ControlKey），控制接口不可用。"
                    : $"请在 {ControlOptions.KeyHeader} 请求头中提供正确的控制密钥。"));
        }

        return next(context);
    }
}
