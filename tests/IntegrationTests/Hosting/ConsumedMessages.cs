using System.Collections.Concurrent;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// Which messages each service's consumers have finished with, by MessageId, so a test can wait until a duplicate
/// has really been delivered (and dropped) instead of sleeping; also the subject header each carried.
/// </summary>
public sealed class ConsumedMessages
{
    private readonly ConcurrentDictionary<(string Service, Guid MessageId), int> _completed = new();
    private readonly ConcurrentDictionary<(string Service, Guid MessageId), string?> _subjects = new();

    public int Completed(string service, Guid messageId) => _completed.GetValueOrDefault((service, messageId));

    /// <summary>The subject header (<see cref="PartitionKey.Header"/>) of a message <paramref name="service"/> finished.</summary>
    public string? SubjectOf(string service, Guid messageId) => _subjects.GetValueOrDefault((service, messageId));

    internal void Record(string service, Guid messageId, string? subject)
    {
        _subjects[(service, messageId)] = subject;
        _completed.AddOrUpdate((service, messageId), 1, (_, count) => count + 1);
    }
}

internal sealed class ConsumeRecorder(string service, ConsumedMessages consumed) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            consumed.Record(service, id, context.Headers.Get<string>(PartitionKey.Header));
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
