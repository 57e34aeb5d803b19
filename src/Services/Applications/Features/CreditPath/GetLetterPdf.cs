using CreditPower.Applications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CreditPath;

internal static class GetLetterPdf
{
    /// <summary>The commitment letter as an A4 PDF to print and sign (and, once signed, with the signing recorded).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> Handle(Guid id, ApplicationsDbContext db, LetterPdf pdf, CancellationToken cancellationToken)
    {
        var letter = await db.CommitmentLetters.AsNoTracking().FirstOrDefaultAsync(l => l.ApplicationId == id, cancellationToken);
        if (letter is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(pdf.Render(letter), "application/pdf", $"信用承诺书-{letter.Number}.pdf");
    }
}
