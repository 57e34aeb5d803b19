using CreditPower.Contracts;
using CreditPower.ValueAdded.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.ValueAdded.Features.Eligibility;

public sealed record EligibilityResponse(Guid SubjectId, CreditColour Colour, bool Eligible, DateTimeOffset EffectiveAt);

internal static class GetEligibility
{
    public static async Task<Results<Ok<EligibilityResponse>, NotFound>> Handle(Guid subjectId, ValueAddedDbContext db, CancellationToken cancellationToken)
    {
        var eligibility = await db.Eligibility.AsNoTracking()
            .Where(e => e.SubjectId == subjectId)
            .Select(e => new EligibilityResponse(e.SubjectId, e.Colour, e.Eligible, e.EffectiveAt))
            .FirstOrDefaultAsync(cancellationToken);
        return eligibility is null ? TypedResults.NotFound() : TypedResults.Ok(eligibility);
    }
}
