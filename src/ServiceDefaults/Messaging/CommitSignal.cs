using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// Wakes a background loop (the outbox relay, Notifications' dispatcher) as soon as work it waits for is committed, so
/// it need not poll fast. One wake-up stands for any number of notifications; each loop has its own subclass (its DI key).
/// </summary>
public abstract class CommitSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread signalled first; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// Notifies <typeparamref name="TSignal"/> once a save that added work for its loop has committed: right after the save,
/// or — when the save ran inside the caller's transaction (consumers with an inbox, per-subject locks) — after that
/// transaction commits; a wake-up before the commit finds nothing the loop can see and leaves the rows to its poll.
/// </summary>
public abstract class CommitSignalInterceptor<TSignal>(TSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
    where TSignal : CommitSignal
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    /// <summary>Whether the context is about to save work for the loop (entries still in their pre-save state).</summary>
    protected abstract bool HasWork(DbContext context);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Notice(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context, committed: false);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context, committed: false);
        return base.SavedChanges(eventData, result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Notice(DbContext? context)
    {
        if (context is not null && HasWork(context))
        {
            _pending.AddOrUpdate(context, context);
        }
    }

    private void Signal(DbContext? context, bool committed)
    {
        if (context is not null && (committed || context.Database.CurrentTransaction is null) && _pending.Remove(context))
        {
            signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
