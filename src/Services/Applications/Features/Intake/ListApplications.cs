using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Intake;

internal static class ListApplications
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    /// <summary>
    /// The work queue: open applications, green channel first, then by submission time; narrowed to one subject, one
    /// stage, or the overdue ones (due time passed, against the service clock); a page at a time (page 1 first).
    /// </summary>
    public static async Task<Results<Ok<List<ApplicationResponse>>, ValidationProblem>> Handle(
        string? identifier, string? stage, bool? overdue, int? page, int? pageSize, ApplicationsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (page is < 1)
        {
            return Problems.Field("page", "页码从 1 开始。");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Problems.Field("pageSize", $"每页条数应在 1 到 {MaxPageSize} 之间。");
        }

        var now = clock.GetUtcNow();
        var query = db.Applications.AsNoTracking().Where(a => a.Stage != ApplicationStage.Completed);
        if (!string.IsNullOrWhiteSpace(identifier))
        {
            var normalized = SubjectIdentifier.Normalize(identifier);
            query = query.Where(a => a.Identifier == normalized);
        }

        if (!string.IsNullOrWhiteSpace(stage))
        {
            // Query strings carry the JSON spelling (siteSurvey); enum binding alone would be case-sensitive.
            if (!Enum.TryParse<ApplicationStage>(stage, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
            {
                return Problems.Field("stage", $"未知的环节“{stage}”。");
            }

            query = query.Where(a => a.Stage == wanted);
        }

        if (overdue is { } late)
        {
            query = late ? query.Where(a => a.StageDueAt < now) : query.Where(a => a.StageDueAt == null || a.StageDueAt >= now);
        }

        var applications = await query
            .OrderByDescending(a => a.GreenChannel)
            .ThenBy(a => a.SubmittedAt)
            .ThenBy(a => a.Id)
            .Skip(((page ?? 1) - 1) * (pageSize ?? DefaultPageSize))
            .Take(pageSize ?? DefaultPageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(applications.Select(a => ApplicationResponse.From(a, now)).ToList());
    }
}
