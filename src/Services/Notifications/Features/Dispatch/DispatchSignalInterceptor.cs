using System.Runtime.CompilerServices;
using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// Signals the dispatcher after a save that added SMS or WeChat entries — whoever added them (grade changes,
/// application notices). Noticed before the save (when they are still "Added"), signalled after it has committed.
/// </summary>
internal sealed class DispatchSignalInterceptor(DispatchSignal signal) : SaveChangesInterceptor
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

    // A save inside a caller's transaction is not committed yet: the fallback poll picks those rows up.
    private void Signal(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            signal.Notify();
        }
    }
}
