using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// The baseline: RabbitMQ.Client alone, a persistent message published with a publisher confirm into a durable queue
/// and consumed with a manual ack, publisher and consumer on connections of their own (as two services would be).
/// The same probe is serialised with System.Text.Json, so only MassTransit and the database differ from the hop.
/// </summary>
internal sealed class RawRabbitHop : IAsyncDisposable
{
    private const string Queue = "pipeline-bench-raw";
    private readonly IConnection _publisherConnection;
    private readonly IConnection _consumerConnection;
    private readonly IChannel _publisher;
    private readonly IChannel _consumer;
    private readonly CurrentRun _current = new();
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private RawRabbitHop(IConnection publisherConnection, IConnection consumerConnection, IChannel publisher, IChannel consumer)
    {
        _publisherConnection = publisherConnection;
        _consumerConnection = consumerConnection;
        _publisher = publisher;
        _consumer = consumer;
    }

    public static async Task<RawRabbitHop> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        var publisherConnection = await factory.CreateConnectionAsync("pipeline-bench-raw-publisher", cancellationToken);
        var consumerConnection = await factory.CreateConnectionAsync("pipeline-bench-raw-consumer", cancellationToken);
        var publisher = await publisherConnection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var consumer = await consumerConnection.CreateChannelAsync(cancellationToken: cancellationToken);
        await consumer.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await consumer.BasicQosAsync(0, 100, global: false, cancellationToken);
        var hop = new RawRabbitHop(publisherConnection, consumerConnection, publisher, consumer);
        var handler = new AsyncEventingBasicConsumer(consumer);
        handler.ReceivedAsync += hop.OnReceivedAsync;
        await consumer.BasicConsumeAsync(Queue, autoAck: false, handler, cancellationToken);
        return hop;
    }

    public async Task<RunResult> RunAsync(int run, int rate, int seconds, int warmupSeconds, Guid[] subjects, CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder(run, rate * (seconds + warmupSeconds));
        _current.Recorder = recorder;
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        return await RateDriver.RunAsync("raw RabbitMQ.Client", rate, seconds, warmupSeconds, recorder, async sequence =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(Probes.Make(run, sequence, subjects[sequence], DateTimeOffset.UtcNow), _json);
            await _publisher.BasicPublishAsync(string.Empty, Queue, mandatory: false, properties, body, cancellationToken);
        }, cancellationToken);
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var probe = JsonSerializer.Deserialize<PipelineProbe>(delivery.Body.Span, _json)!;
        if (_current.Recorder is { } recorder && recorder.Run == probe.Run)
        {
            recorder.Arrived(probe.Sequence);
        }

        await _consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _consumer.DisposeAsync();
        await _publisherConnection.DisposeAsync();
        await _consumerConnection.DisposeAsync();
    }
}
