using CreditPower.Applications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.DrcReport;

internal static class ListDrcBatches
{
    public static async Task<Ok<List<DrcBatchResponse>>> Handle(ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        var batches = await db.DrcBatches.AsNoTracking().OrderByDescending(b => b.Sequence).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(batches.Select(DrcBatchResponse.From).ToList());
    }
}
