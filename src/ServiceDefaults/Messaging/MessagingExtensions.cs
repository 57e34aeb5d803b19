using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreditPower.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The one messaging set-up: MassTransit on RabbitMQ from the Aspire connection string, kebab-case
    /// endpoints prefixed with <paramref name="serviceName"/> (each service gets its own queue per
    /// consumer, so every service sees every event), retries with back-off before a message goes to its <c>_error</c> queue, and the
    /// outbox relay of <typeparamref name="TContext"/>. Each endpoint prefetches and consumes several messages at once
    /// (<see cref="MessagingOptions"/>), one subject at a time. Call after the service's database is added so
    /// migrations run before the bus starts.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers = null) where TContext : DbContext
    {
        var section = builder.Configuration.GetSection(MessagingOptions.SectionName);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        if (options.PrefetchCount is < 1 or > ushort.MaxValue || options.ConcurrentMessageLimit < 1 || options.RelayBatchSize < 1 || options.MaxHolds < 1)
        {
            throw new InvalidOperationException(
                $"{MessagingOptions.SectionName}: PrefetchCount must be 1–65535, ConcurrentMessageLimit, RelayBatchSize and MaxHolds at least 1.");
        }

        builder.Services.Configure<MessagingOptions>(section);
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Outermost, so a message being retried holds back the later messages of its subject, not others.
                if (options.PartitionBySubject)
                {
                    endpoint.UsePartitioner<ConsumeContext>(options.ConcurrentMessageLimit, PartitionKey.Of);
                }

                endpoint.UseMessageRetry(retry => retry.Exponential(
                    retryLimit: 6,
                    minInterval: TimeSpan.FromMilliseconds(100),
                    maxInterval: TimeSpan.FromSeconds(10),
                    intervalDelta: TimeSpan.FromMilliseconds(200)));
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(RabbitMqConnectionString(builder.Configuration)));
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static string RabbitMqConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ResourceNames.RabbitMq)
        ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.RabbitMq} is not set.");
}
