using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Intake;

internal static class ListApplications
{
    private const int PageSize = 100;

    /// <summary>
    /// The work queue: open applications, green channel first, then by submission time; narrowed to one subject, one
    /// stage, or the overdue ones (due time passed, against the service clock).
    /// </summary>
    public static async Task<Results<Ok<List<ApplicationResponse>>, ValidationProblem>> Handle(
        string? identifier, string? stage, bool? overdue, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
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
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = [$"未知的环节“{stage}”。"] }, title: "请求数据无效");
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
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(applications.Select(a => ApplicationResponse.From(a, now)).ToList());
    }
}
