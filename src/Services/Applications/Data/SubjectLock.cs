using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Data;

/// <summary>
/// Serialises the writers of a subject's applications: taking an application, applying a new colour, and learning the
/// subject's profile. Without it each could miss the other's uncommitted row (the application saved as not green, or
/// without its subject id, while the consumer found no application to update), and an honest customer's application
/// would stay out of the channel, or its notices would go out without the subject.
/// </summary>
internal static class SubjectLock
{
    /// <summary>Holds a transaction-scoped advisory lock on <paramref name="identifier"/> until the caller commits.</summary>
    public static Task LockSubjectAsync(this ApplicationsDbContext db, string identifier, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({identifier}, 0))", cancellationToken);
}
