using CreditPower.Applications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Intake;

internal static class GetApplication
{
    public static async Task<Results<Ok<ApplicationResponse>, NotFound>> Handle(Guid id, ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return application is null ? TypedResults.NotFound() : TypedResults.Ok(ApplicationResponse.From(application));
    }
}
