using CreditPower.Notifications.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Notifications.Features.Letters;

internal static class ListLetters
{
    private const int MaxListed = 500;

    /// <summary>Notice letters, newest number first; optionally only those not yet printed, or one subject's.</summary>
    public static async Task<Ok<List<LetterResponse>>> Handle(bool? printed, Guid? subjectId, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var letters = db.Letters.AsQueryable();
        if (printed is { } wanted)
        {
            letters = wanted ? letters.Where(l => l.PrintedAt != null) : letters.Where(l => l.PrintedAt == null);
        }

        if (subjectId is { } subject)
        {
            letters = letters.Where(l => l.SubjectId == subject);
        }

        var listed = await db.ReadAsync(letters.OrderByDescending(l => l.Year).ThenByDescending(l => l.Serial).Take(MaxListed), cancellationToken);
        return TypedResults.Ok(listed);
    }
}
