namespace CreditPower.TestSupport;

internal interface IServerHost : IAsyncDisposable
{
    string PostgresConnectionString { get; }

    string RabbitMqConnectionString { get; }

    string RedisConnectionString { get; }

    /// <summary>Starts all three servers in parallel and returns how long each took to become ready.</summary>
    Task<IReadOnlyDictionary<string, TimeSpan>> StartAsync(CancellationToken cancellationToken);

    Task StopRabbitMqAsync();

    Task StartRabbitMqAsync(CancellationToken cancellationToken);
}
