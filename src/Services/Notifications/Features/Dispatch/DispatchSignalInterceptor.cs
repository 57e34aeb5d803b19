using System.Data.Common;
using System.Runtime.CompilerServices;
using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// Signals the dispatcher after a save that added SMS or WeChat entries — whoever added them (grade changes,
/// application notices). Noticed before the save (when they are still "Added"), signalled once it has committed: after
/// the save itself, or after the caller's transaction when the save ran inside one (consumers that issue letters
/// and call tasks do) — a signal before the commit would find nothing the dispatcher can see yet.
/// </summary>
internal sealed class DispatchSignalInterceptor(DispatchSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

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
        Signal(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Notice(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<ContactLogEntry>()
                .Any(e => e.State == EntityState.Added && ContactDispatcher.Dispatches(e.Entity.Channel)))
        {
            _pending.AddOrUpdate(context, context);
        }
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

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private void Signal(DbContext? context, bool committed = false)
    {
        if (context is not null && (committed || context.Database.CurrentTransaction is null) && _pending.Remove(context))
        {
            signal.Notify();
        }
    }
}
