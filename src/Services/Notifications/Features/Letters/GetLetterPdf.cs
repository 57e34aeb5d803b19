using CreditPower.Notifications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Letters;

internal static class GetLetterPdf
{
    /// <summary>The letter as an A4 PDF, shown inline (the portal previews it); viewing does not count as printing.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> Handle(
        Guid id, NotificationsDbContext db, LetterPdfRenderer renderer, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return letter is null ? TypedResults.NotFound() : TypedResults.File(renderer.Render([letter]), "application/pdf");
    }
}
