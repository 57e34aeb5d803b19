using CreditPower.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Letters;

/// <summary>
/// Takes the next serial of a year. One statement on the year's row, inside the caller's transaction: the row stays
/// locked until that transaction ends, so concurrent letters queue on it, a rolled-back letter gives its number back
/// (no gap), and a committed one keeps it for good (no reuse).
/// </summary>
internal static class LetterNumbering
{
    public static async Task<int> NextSerialAsync(this NotificationsDbContext db, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A letter serial must be taken inside the transaction that stores the letter.");
        }

        var serials = await db.Database.SqlQuery<int>($"""
            INSERT INTO letter_sequences (year, last_serial) VALUES ({year}, 1)
            ON CONFLICT (year) DO UPDATE SET last_serial = letter_sequences.last_serial + 1
            RETURNING last_serial AS "Value"
            """).ToListAsync(cancellationToken);
        return serials.Single();
    }
}
