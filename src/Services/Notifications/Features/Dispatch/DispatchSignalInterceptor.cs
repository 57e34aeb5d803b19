using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>Signals the dispatcher when a save adds SMS or WeChat entries — whoever added them (grade changes, applicant notices).</summary>
internal sealed class DispatchSignalInterceptor(DispatchSignal signal) : CommitSignalInterceptor<DispatchSignal, ContactLogEntry>(signal)
{
    protected override List<ContactLogEntry> WorkOf(DbContext context) =>
    [
        .. context.ChangeTracker.Entries<ContactLogEntry>()
            .Where(e => e.State == EntityState.Added && ContactDispatcher.Dispatches(e.Entity.Channel))
            .Select(e => e.Entity),
    ];
}
