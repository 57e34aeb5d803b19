using CreditPower.ServiceDefaults.Data;
using MassTransit;
using MassTransit.Configuration;
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
    /// (<see cref="MessagingOptions"/>), one subject at a time; a batch consumer's endpoint is set up by its definition
    /// instead (<see cref="AddBatchConsumer{TConsumer, TDefinition}"/>). Call after the service's database is added so
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
        builder.AddQueueTable<TContext>(OutboxModelBuilderExtensions.OutboxTable);
        builder.Services.AddMassTransit(bus =>
        {
            var endpointNames = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
            bus.SetEndpointNameFormatter(endpointNames);
            addConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                if (context.GetServices<BatchEndpoint>().Any(batch => batch.Name(context, endpointNames) == name))
                {
                    // No subject partition (AddBatchConsumer says why). And no UseMessageRetry: for a batch consumer
                    // MassTransit wraps it around the whole batch, so a batch that fails its last retry sends every message
                    // of it to the _error queue. Retried here, in front of the batch, each message of a failed batch is
                    // retried on its own (MassTransit hands a retried message over as a batch of one): its batch-mates
                    // commit on their first retry, and only a message that keeps failing reaches _error.
                    var retry = new ConsumeContextRetryPipeSpecification();
                    Backoff(retry);
                    endpoint.AddPipeSpecification(retry);
                    return;
                }

                // Outermost, so a message being retried holds back the later messages of its subject, not others.
                if (options.PartitionBySubject)
                {
                    endpoint.UsePartitioner<ConsumeContext>(options.ConcurrentMessageLimit, PartitionKey.Of);
                }

                endpoint.UseMessageRetry(Backoff);
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

    /// <summary>
    /// Adds <typeparamref name="TConsumer"/>, a consumer of <see cref="Batch{T}"/> set up by <typeparamref name="TDefinition"/>
    /// (its <see cref="BatchOptions"/>), its endpoint left out of the subject partition and retrying message by message.
    /// In front of a batch the partition would hold each message's partition until its whole batch is done: a batch
    /// could never hold more than one message per partition, and every batch would wait out its time limit. So the
    /// consumer must keep one subject's messages apart itself: one batch at a time
    /// (<see cref="BatchOptions.ConcurrencyLimit"/> 1), its messages applied in the order the broker delivered them.
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddBatchConsumer<TConsumer, TDefinition>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        bus.AddSingleton(new BatchEndpoint((services, names) => services.GetRequiredService<IConsumerDefinition<TConsumer>>().GetEndpointName(names)));
        return bus.AddConsumer<TConsumer, TDefinition>();
    }

    private static void Backoff(IRetryConfigurator retry) => retry.Exponential(
        retryLimit: 6,
        minInterval: TimeSpan.FromMilliseconds(100),
        maxInterval: TimeSpan.FromSeconds(10),
        intervalDelta: TimeSpan.FromMilliseconds(200));

    private static string RabbitMqConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ResourceNames.RabbitMq)
        ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.RabbitMq} is not set.");
}

/// <summary>The endpoint of a batch consumer, by the name its definition gives it.</summary>
internal sealed record BatchEndpoint(Func<IServiceProvider, IEndpointNameFormatter, string> Name);
