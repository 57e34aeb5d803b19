using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Intake;

internal static class ListApplications
{
    private const int PageSize = 100;

    /// <summary>The work queue: open applications, green channel first, then by submission time.</summary>
    public static async Task<Ok<List<ApplicationResponse>>> Handle(string? identifier, ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.Stage != ApplicationStage.Completed);
        if (!string.IsNullOrWhiteSpace(identifier))
        {
            var normalized = SubjectIdentifier.Normalize(identifier);
            query = query.Where(a => a.Identifier == normalized);
        }

        var applications = await query
            .OrderByDescending(a => a.GreenChannel)
            .ThenBy(a => a.SubmittedAt)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(applications.Select(ApplicationResponse.From).ToList());
    }
}
