using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

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
/// Tells <typeparamref name="TSignal"/> once a save that added work for its loop has committed: right after the save,
/// or — when the save ran inside the caller's transaction (consumers with an inbox, per-subject locks) — after that
/// transaction commits; a wake-up before the commit finds nothing the loop can see and leaves the rows to its poll.
/// The work is what <see cref="WorkOf"/> saw as the save began, kept by the transaction it was saved in: a transaction
/// rolled back, or disposed without committing (an exception, then a retry of the execution strategy on the same pooled
/// context), takes its work with it, so <see cref="Committed"/> is never handed rows that were not committed.
/// </summary>
public abstract class CommitSignalInterceptor<TSignal, TWork>(TSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
    where TSignal : CommitSignal
{
    private readonly ConditionalWeakTable<DbContext, List<TWork>> _saving = [];
    private readonly ConditionalWeakTable<IDbContextTransaction, List<TWork>> _pending = [];

    protected TSignal Signal { get; } = signal;

    /// <summary>The work for the loop a save is about to store (entries still in their pre-save state); empty if none.</summary>
    protected abstract List<TWork> WorkOf(DbContext context);

    /// <summary>Called once <paramref name="work"/> is committed; wakes the loop unless overridden.</summary>
    protected virtual void Committed(DbContext context, List<TWork> work) => Signal.Notify();

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
        Saved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => CommittedTransaction(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CommittedTransaction(eventData);
        return Task.CompletedTask;
    }

    private void Notice(DbContext? context)
    {
        if (context is not null && WorkOf(context) is { Count: > 0 } work)
        {
            _saving.AddOrUpdate(context, work);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var work))
        {
            return;
        }

        _saving.Remove(context);
        if (context.Database.CurrentTransaction is { } transaction)
        {
            _pending.GetOrCreateValue(transaction).AddRange(work);
        }
        else
        {
            Committed(context, work);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }

    // The transaction is still the context's current one while its commit is reported (EF clears it afterwards).
    private void CommittedTransaction(TransactionEndEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: { } transaction } context
            && transaction.TransactionId == eventData.TransactionId
            && _pending.TryGetValue(transaction, out var work))
        {
            _pending.Remove(transaction);
            Committed(context, work);
        }
    }
}
