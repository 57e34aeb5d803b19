namespace CreditPower.Notifications.Features.Dispatch;

internal static class DispatchServices
{
    public static IHostApplicationBuilder AddDispatch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DispatchOptions>().Bind(builder.Configuration.GetSection(DispatchOptions.SectionName))
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1 && o.Concurrency >= 1 && o.Workers >= 1 && o.SmsPerSecond >= 1 && o.WeChatPerSecond >= 1,
                "Dispatch: MaxAttempts, BatchSize, Concurrency, Workers and the provider caps must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddSingleton<DispatchSignalInterceptor>();
        builder.Services.ConfigureDbContext<Data.NotificationsDbContext>((services, db) => db.AddInterceptors(services.GetRequiredService<DispatchSignalInterceptor>()));
        builder.Services.AddScoped<DispatchRound>();
        builder.Services.AddHostedService<ContactDispatcher>();
        return builder;
    }
}
