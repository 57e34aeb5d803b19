using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Data;

/// <summary>
/// Serialises the two writers of a subject's green channel: taking an application and applying a new colour.
/// Without it each could miss the other's uncommitted row (the application saved as not green while the
/// consumer found no application to move), and an honest customer's application would stay out of the channel.
/// </summary>
internal static class SubjectLock
{
    /// <summary>Holds a transaction-scoped advisory lock on <paramref name="identifier"/> until the caller commits.</summary>
    public static Task LockSubjectAsync(this ApplicationsDbContext db, string identifier, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({identifier}, 0))", cancellationToken);
}
