namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// How hard each receive endpoint and the outbox relay work, from the <c>Messaging</c> configuration section
/// (bench/Pipeline tries other values with <c>--set Messaging:…</c>). MassTransit's own default on a 2-core machine is a
/// prefetch of 4, so 4 messages at a time, which let a consumer that commits to PostgreSQL fall behind 500 messages a
/// second. Not much higher either: every message in progress holds a PostgreSQL connection, and every service's
/// endpoints share one server's 100 (max_connections) — a burst after a broker outage must not exhaust them.
/// </summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Unacknowledged messages the broker hands each endpoint ahead of time.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Messages an endpoint consumes at once; also its number of partitions.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>
    /// Consume the messages of one subject one at a time, so two messages of one subject never race to insert the same
    /// read-model row (which costs a failed transaction and a retry of 100 ms or more). One at a time, not strictly in
    /// order: MassTransit's partition is a lock the concurrently received messages queue on, so consumers keep
    /// ignoring a grade older than the one they hold. Not on a group-commit consumer's endpoint, which sets its own
    /// prefetch and concurrency and keeps a subject's messages apart by applying one group at a time
    /// (<see cref="MessagingExtensions.AddGroupCommitConsumer{TConsumer, TDefinition, TMessage, TApplier}"/>).
    /// </summary>
    public bool PartitionBySubject { get; set; } = true;

    /// <summary>
    /// Messages the relay publishes per transaction (a claim-check row counts the messages it stands for, and a batch
    /// holds at least one row); the subjects among them are published concurrently.
    /// </summary>
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>
    /// Times the relay tries a row whose message cannot be built (a type this build does not know, a claim check with
    /// nothing behind it) before leaving it unsent with its reason, a dead letter for ops (<c>attempts</c> set back to 0
    /// re-arms it). Without a limit, as many such rows as a batch holds would take every batch and stop the relay. A
    /// broker failure does not count: those rows wait for the broker however long it takes.
    /// </summary>
    public int MaxHolds { get; set; } = 16;
}
