using CreditPower.Applications.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Applications.Features.Intake;

internal static class GetApplication
{
    public static async Task<Results<Ok<ApplicationDetailResponse>, NotFound>> Handle(
        Guid id, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ApplicationDetailResponse.FindAsync(db, id, clock.GetUtcNow(), cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.NotFound();
}
