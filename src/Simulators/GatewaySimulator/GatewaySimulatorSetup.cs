using CreditPower.GatewaySimulator.Control;
using CreditPower.GatewaySimulator.Received;
using CreditPower.GatewaySimulator.Sms;
using CreditPower.GatewaySimulator.WeChat;

namespace CreditPower.GatewaySimulator;

internal static class GatewaySimulatorSetup
{
    public static IHostApplicationBuilder AddGatewaySimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmsSimulatorOptions>().Bind(builder.Configuration.GetSection(SmsSimulatorOptions.SectionName));
        builder.Services.AddOptions<WeChatSimulatorOptions>().Bind(builder.Configuration.GetSection(WeChatSimulatorOptions.SectionName));
        builder.Services.AddOptions<ControlOptions>().Bind(builder.Configuration.GetSection(ControlOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MessageLog>();
        builder.Services.AddSingleton<Behaviour>();
        builder.Services.AddSingleton<NonceCache>();
        builder.Services.AddSingleton<TokenStore>();
        builder.Services.AddSingleton<ReceiptSettings>();
        builder.Services.AddSingleton<ReceiptPusher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReceiptPusher>());
        builder.Services.AddSingleton<TemplateEventSettings>();
        builder.Services.AddSingleton<TemplateEventPusher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TemplateEventPusher>());
        builder.Services.AddHttpClient();
        return builder;
    }

    /// <summary>The two providers' endpoints at the paths the real ones use, the control API, and the page at /.</summary>
    public static WebApplication MapGatewaySimulator(this WebApplication app)
    {
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Post], SendSmsEndpoint.Handle);
        app.MapPost("/cgi-bin/stable_token", WeChatEndpoints.StableToken);
        app.MapPost("/cgi-bin/message/template/send", WeChatEndpoints.SendTemplate);
        app.MapControlApi();
        return app;
    }
}
