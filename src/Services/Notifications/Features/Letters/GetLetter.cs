using CreditPower.Notifications.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Notifications.Features.Letters;

internal static class GetLetter
{
    public static async Task<Results<Ok<LetterResponse>, NotFound>> Handle(Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var letter = (await db.ReadAsync(db.Letters.Where(l => l.Id == id), cancellationToken)).SingleOrDefault();
        return letter is null ? TypedResults.NotFound() : TypedResults.Ok(letter);
    }
}
