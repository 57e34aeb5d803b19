using CreditPower.Notifications.Data;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Contacts;

internal static class GetContact
{
    public sealed record ContactResponse(Guid SubjectId, string Name, string? Mobile, IReadOnlyList<string> Accounts, DateTimeOffset ChangedAt);

    /// <summary>What Notifications will send to (mobile masked): lets staff see why an SMS did or did not go.</summary>
    public static async Task<Results<Ok<ContactResponse>, NotFound>> Handle(Guid subjectId, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var contact = await db.SubjectContacts.AsNoTracking().SingleOrDefaultAsync(c => c.SubjectId == subjectId, cancellationToken);
        return contact is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ContactResponse(contact.SubjectId, contact.Name, contact.Mobile is null ? null : PersonalData.MaskMobile(contact.Mobile),
                contact.Accounts, contact.ChangedAt));
    }
}
