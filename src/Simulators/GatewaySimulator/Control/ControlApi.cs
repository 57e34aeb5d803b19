using CreditPower.GatewaySimulator.Received;
using CreditPower.GatewaySimulator.Sms;
using CreditPower.GatewaySimulator.WeChat;
using CreditPower.ServiceDefaults.Api;

namespace CreditPower.GatewaySimulator.Control;

/// <summary>
/// The simulator's own API, for tests, the benchmark and developers: what was received, and how the providers should
/// misbehave next. Not a provider protocol; it exists only in the simulator, and only for holders of its key.
/// </summary>
internal static class ControlApi
{
    private static readonly HashSet<string> _channels = [MessageLog.Sms, MessageLog.WeChat];

    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/simulator").WithTags("Simulator").AddEndpointFilter<ControlKeyFilter>();

        // after: the last Sequence the caller has read, so a poller fetches only what is new (bench/Pipeline --full-path
        // polls while hundreds of SMS a second arrive); it holds across a clear of the log and with the other filters.
        api.MapGet("/messages", (MessageLog log, string? to, string? channel, long? after) =>
            TypedResults.Ok(log.After(after ?? 0).Where(m => (to is null || m.To == to) && (channel is null || m.Channel == channel)).ToList()));
        api.MapDelete("/messages", (MessageLog log) =>
        {
            log.Clear();
            return TypedResults.NoContent();
        });
        api.MapGet("/stats", (MessageLog log, TokenStore tokens) =>
        {
            var perSecond = log.PerSecond.ToList();
            return TypedResults.Ok(new
            {
                Sms = log.Count(MessageLog.Sms),
                WeChat = log.Count(MessageLog.WeChat),
                TokensIssued = tokens.Issued,
                TokenRequests = tokens.Requests,
                MaxPerSecond = _channels.ToDictionary(c => c, c => perSecond.Where(p => p.Channel == c).Select(p => p.Count).DefaultIfEmpty(0).Max()),
                PerSecond = perSecond.Select(p => new { p.Channel, p.Second, p.Count }),
            });
        });

        api.MapPost("/faults", IResult (FaultRequest fault, Behaviour behaviour) =>
        {
            if (!_channels.Contains(fault.Channel) || fault.Count < 1 || string.IsNullOrWhiteSpace(fault.Code))
            {
                return Problems.Field("fault", "channel 应为 sms 或 wechat，count ≥ 1，code 不能为空。");
            }

            if (fault.Channel == MessageLog.WeChat && !int.TryParse(fault.Code, out _))
            {
                return Problems.Field("code", "微信的故障码应为数字 errcode 或 HTTP 状态码。");
            }

            behaviour.AddFault(fault.Channel, fault.To, fault.Code, fault.Count);
            return TypedResults.NoContent();
        });
        api.MapPut("/latency", IResult (LatencyRequest latency, Behaviour behaviour) =>
        {
            if (latency.Channel is { } channel && !_channels.Contains(channel))
            {
                return Problems.Field("channel", "channel 应为 sms、wechat，或不填（两个渠道）。");
            }

            foreach (var each in latency.Channel is null ? _channels : [latency.Channel])
            {
                behaviour.SetLatency(each, TimeSpan.FromMilliseconds(Math.Max(0, latency.Milliseconds)));
            }

            return TypedResults.NoContent();
        });
        api.MapPut("/throttle", (ThrottleRequest throttle, Behaviour behaviour) =>
        {
            behaviour.ThrottlePerSecond = throttle.PerSecond;
            return TypedResults.NoContent();
        });
        api.MapPost("/wechat/tokens/invalidate", IResult (TokenInvalidationRequest request, TokenStore tokens) =>
        {
            if (request.Errcode is not (40001 or 42001))
            {
                return Problems.Field("errcode", "只能是 40001（无效）或 42001（过期）。");
            }

            tokens.InvalidateAll(request.Errcode);
            return TypedResults.NoContent();
        });
        api.MapPut("/wechat/subscriptions", (SubscriptionRequest request, Behaviour behaviour) =>
        {
            behaviour.SetSubscribed(request.OpenId, request.Subscribed);
            return TypedResults.NoContent();
        });
        api.MapPut("/sms/receipt-callback", (ReceiptCallbackRequest request, ReceiptSettings receipts) =>
        {
            receipts.CallbackUrl = request.CallbackUrl;
            return TypedResults.NoContent();
        });
        api.MapPut("/sms/deliverability", (DeliverabilityRequest request, ReceiptSettings receipts) =>
        {
            receipts.SetUndeliverable(request.PhoneNumber, !request.Deliverable);
            return TypedResults.NoContent();
        });
        api.MapPut("/wechat/event-callback", (WeChatEventCallbackRequest request, TemplateEventSettings events) =>
        {
            events.ServerUrl = request.ServerUrl;
            return TypedResults.NoContent();
        });
        api.MapPut("/wechat/delivery", IResult (WeChatDeliveryRequest request, TemplateEventSettings events) =>
        {
            if (!TemplateEventSettings.Outcomes.Contains(request.Status))
            {
                return Problems.Field("status", $"应为 {string.Join("、", TemplateEventSettings.Outcomes)} 之一。");
            }

            events.SetOutcome(request.OpenId, request.Status);
            return TypedResults.NoContent();
        });
        api.MapPost("/reset", (Behaviour behaviour, ReceiptSettings receipts, TemplateEventSettings events, TokenStore tokens) =>
        {
            behaviour.Reset();
            receipts.Reset();
            events.Reset();
            tokens.Reset();
            return TypedResults.NoContent();
        });

        return app;
    }
}
