using CreditPower.Notifications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.ContactLog;

internal static class GetContactLog
{
    /// <summary>Every contact attempt with one subject, newest first.</summary>
    public static async Task<Ok<List<ContactLogEntryResponse>>> Handle(Guid subjectId, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.ContactLog.AsNoTracking()
            .Where(e => e.SubjectId == subjectId)
            .OrderByDescending(e => e.CreatedAt)
            .Select(e => new ContactLogEntryResponse(e.Id, e.SubjectId, e.Channel, e.TemplateCode, e.TemplateVersion, e.Content, e.Status, e.CreatedAt,
                e.Attempts, e.NextAttemptAt, e.Recipient, e.ProviderMessageId, e.LastError, e.SentAt, e.DeliveredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
