namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// How hard each receive endpoint and the outbox relay work, from the <c>Messaging</c> configuration section. The
/// defaults are the ones bench/Pipeline measured (see its README): MassTransit's own defaults on a 2-core machine
/// (prefetch 4, so 4 messages at a time) let a consumer that commits to PostgreSQL fall behind 500 messages a second.
/// </summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Unacknowledged messages the broker hands each endpoint ahead of time.</summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>Messages an endpoint consumes at once; also its number of partitions.</summary>
    public int ConcurrentMessageLimit { get; set; } = 32;

    /// <summary>
    /// Consume the messages of one subject one at a time, so two messages of one subject never race to insert the same
    /// read-model row (which costs a failed transaction and a retry of 100 ms or more). One at a time, not strictly in
    /// order: MassTransit's partition is a lock the concurrently received messages queue on, so consumers keep
    /// ignoring a grade older than the one they hold.
    /// </summary>
    public bool PartitionBySubject { get; set; } = true;

    /// <summary>Outbox rows the relay claims per transaction; the subjects among them are published concurrently.</summary>
    public int RelayBatchSize { get; set; } = 200;
}
