using CreditPower.ServiceDefaults.Data;
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
    /// (<see cref="MessagingOptions"/>), one subject at a time; a group-commit consumer's endpoint is set up by its
    /// definition instead (<see cref="AddGroupCommitConsumer{TConsumer, TDefinition, TMessage, TApplier}"/>). Call after
    /// the service's database is added so migrations run before the bus starts.
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
                if (context.GetServices<GroupCommitEndpoint>().Any(group => group.Name(context, endpointNames) == name))
                {
                    // No subject partition (AddGroupCommitConsumer says why); a message that fails is retried on its own.
                    endpoint.UseMessageRetry(Backoff);
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
    /// Adds <typeparamref name="TConsumer"/>, whose <c>Consume</c> hands each message to
    /// <see cref="GroupCommit{TMessage, TApplier}"/> (added here, with <typeparamref name="TApplier"/> scoped and the
    /// <paramref name="limits"/> of its groups), set up by <typeparamref name="TDefinition"/>, its endpoint left out
    /// of the subject partition. The partition would let one message per partition wait for its group at a time, so a
    /// group could never hold more than <see cref="MessagingOptions.ConcurrentMessageLimit"/> messages; one group applied
    /// at a time keeps one subject's messages apart instead. The definition sets the endpoint's concurrency: every
    /// message waiting for its group takes a slot.
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddGroupCommitConsumer<TConsumer, TDefinition, TMessage, TApplier>(
        this IBusRegistrationConfigurator bus, Func<IServiceProvider, GroupCommitLimits> limits)
        where TConsumer : class, IConsumer<TMessage>
        where TDefinition : class, IConsumerDefinition<TConsumer>
        where TMessage : class
        where TApplier : class, IGroupApplier<TMessage>
    {
        bus.AddScoped<TApplier>();
        bus.AddSingleton(services => ActivatorUtilities.CreateInstance<GroupCommit<TMessage, TApplier>>(services, limits(services)));
        bus.AddHostedService(services => services.GetRequiredService<GroupCommit<TMessage, TApplier>>());
        bus.AddSingleton(new GroupCommitEndpoint((services, names) => services.GetRequiredService<IConsumerDefinition<TConsumer>>().GetEndpointName(names)));
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

/// <summary>The endpoint of a group-commit consumer, by the name its definition gives it.</summary>
internal sealed record GroupCommitEndpoint(Func<IServiceProvider, IEndpointNameFormatter, string> Name);
