using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Letters;

internal static class LetterReads
{
    /// <summary><paramref name="letters"/> with the status of their contact log entries.</summary>
    public static async Task<List<LetterResponse>> ReadAsync(this NotificationsDbContext db, IQueryable<Letter> letters, CancellationToken cancellationToken)
    {
        var rows = await (
            from l in letters.AsNoTracking()
            join e in db.ContactLog on l.ContactLogEntryId equals e.Id
            select new { Letter = l, e.Status })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => LetterResponse.From(r.Letter, r.Status))];
    }
}
