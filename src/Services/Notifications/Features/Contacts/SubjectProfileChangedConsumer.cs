using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Contacts;

/// <summary>
/// Keeps the contact read model (identifier, name, mobile, accounts) the dispatcher sends to. A message older than what
/// is held (the bus does not keep order across retries) changes nothing. Applicant notices recorded while the applicant
/// was unknown join the newly known subject's contact log (still unsent: they are records, not a queue).
/// </summary>
internal sealed class SubjectProfileChangedConsumer(NotificationsDbContext db, TimeProvider clock) : IConsumer<SubjectProfileChanged>
{
    public async Task Consume(ConsumeContext<SubjectProfileChanged> context)
    {
        if (!await db.TryStartConsumingAsync<SubjectProfileChangedConsumer>(context, clock))
        {
            return;
        }

        var profile = context.Message;
        var contact = await db.SubjectContacts.SingleOrDefaultAsync(c => c.SubjectId == profile.SubjectId, context.CancellationToken);
        if (contact is null)
        {
            db.SubjectContacts.Add(new SubjectContact
            {
                SubjectId = profile.SubjectId,
                Identifier = profile.Identifier,
                Name = profile.Name,
                Mobile = profile.Mobile,
                Accounts = [.. profile.Accounts],
                ChangedAt = profile.ChangedAt,
            });
        }
        else if (profile.ChangedAt >= contact.ChangedAt)
        {
            contact.Identifier = profile.Identifier;
            contact.Name = profile.Name;
            contact.Mobile = profile.Mobile;
            contact.Accounts = [.. profile.Accounts];
            contact.ChangedAt = profile.ChangedAt;
        }

        var unclaimed = await db.ContactLog.Where(e => e.Identifier == profile.Identifier).ToListAsync(context.CancellationToken);
        foreach (var entry in unclaimed)
        {
            entry.SubjectId = profile.SubjectId;
            entry.Identifier = null;
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
