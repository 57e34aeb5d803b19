using System.Collections.Concurrent;
using MassTransit;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// Which messages each service's consumers have finished with, by MessageId, so a test can wait until a duplicate
/// has really been delivered (and dropped) instead of sleeping.
/// </summary>
public sealed class ConsumedMessages
{
    private readonly ConcurrentDictionary<(string Service, Guid MessageId), int> _completed = new();

    public int Completed(string service, Guid messageId) => _completed.GetValueOrDefault((service, messageId));

    internal void Record(string service, Guid messageId) => _completed.AddOrUpdate((service, messageId), 1, (_, count) => count + 1);
}

internal sealed class ConsumeRecorder(string service, ConsumedMessages consumed) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            consumed.Record(service, id);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
