using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Commitments;

internal static class ListCommitments
{
    private const int PageSize = 200;

    /// <summary>
    /// The commitment ledger, soonest deadline first; <c>overdue=true</c> is the staff's to-do list: pending promises
    /// past their deadline, waiting to be verified kept or broken.
    /// </summary>
    public static async Task<Results<Ok<List<CommitmentResponse>>, ValidationProblem>> Handle(
        string? identifier, string? state, bool? overdue, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Commitments.AsNoTracking().Join(db.CommitmentLetters.AsNoTracking(), c => c.LetterId, l => l.Id, (c, l) => new { c, l });
        if (!string.IsNullOrWhiteSpace(identifier))
        {
            var normalized = SubjectIdentifier.Normalize(identifier);
            query = query.Where(x => x.c.Identifier == normalized);
        }

        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<CommitmentState>(state, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
            {
                return Problems.Field("state", $"未知的承诺状态“{state}”，应为 pending、kept 或 broken。");
            }

            query = query.Where(x => x.c.State == wanted);
        }

        if (overdue == true)
        {
            query = query.Where(x => x.c.State == CommitmentState.Pending && x.c.Deadline < now);
        }

        var rows = await query.OrderBy(x => x.c.Deadline).ThenBy(x => x.c.Id).Take(PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(x => CommitmentResponse.From(x.c, x.l, now)).ToList());
    }
}
