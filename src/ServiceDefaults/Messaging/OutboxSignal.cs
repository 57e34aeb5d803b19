using Microsoft.EntityFrameworkCore;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>Wakes the outbox relay as soon as outbox rows are committed.</summary>
public sealed class OutboxSignal : CommitSignal;

internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : CommitSignalInterceptor<OutboxSignal>(signal)
{
    protected override bool HasWork(DbContext context) =>
        context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
}
