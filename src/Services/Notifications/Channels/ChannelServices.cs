namespace CreditPower.Notifications.Channels;

internal static class ChannelServices
{
    /// <summary>
    /// The two providers' clients from configuration (<c>Sms:*</c>, <c>WeChat:*</c>), without the default HTTP resilience
    /// handler: its retries could send one SMS twice, and the dispatcher owns retrying.
    /// </summary>
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmsOptions>().Bind(builder.Configuration.GetSection(SmsOptions.SectionName))
            .Validate(o => o.BaseUrl is not null && o.AccessKeyId.Length > 0 && o.AccessKeySecret.Length > 0, "Sms: BaseUrl, AccessKeyId and AccessKeySecret are required.")
            .ValidateOnStart();
        builder.Services.AddOptions<WeChatOptions>().Bind(builder.Configuration.GetSection(WeChatOptions.SectionName))
            .Validate(o => o.BaseUrl is not null && o.AppId.Length > 0 && o.AppSecret.Length > 0, "WeChat: BaseUrl, AppId and AppSecret are required.")
            .Validate(o => o.RefreshAtFraction is > 0 and < 1, "WeChat: RefreshAtFraction must be between 0 and 1.")
            .ValidateOnStart();

        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out of the defaults.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<AliyunSmsClient>(ConfigurePool).RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<WeChatClient>(ConfigurePool).RemoveAllResilienceHandlers();
        builder.Services.AddSingleton<WeChatTokenCopy>();
        builder.Services.AddHttpClient<WeChatTokenCache>(ConfigurePool).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<ProviderRateLimiter>();
        return builder;
    }

    // The per-message timeout is the clients' own (options); HttpClient's 100 s default is only a backstop.
    private static void ConfigurePool(HttpClient http) => http.Timeout = TimeSpan.FromSeconds(30);
}
