using CreditPower.Applications.Data;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditPower.Applications.Features.DrcReport;

internal static class GetReconciliation
{
    private const int MaxDays = 366;

    /// <summary>
    /// Every letter signed between <paramref name="from"/> and <paramref name="to"/>, the batch that carried it, and
    /// whether any is missing or late against the configured deadline; <c>complete</c> says none is.
    /// </summary>
    public static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem>> Handle(
        DateOnly from, DateOnly to, ApplicationsDbContext db, IOptionsMonitor<DrcReportOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return Problems.Field("to", $"截止日期不能早于起始日期，且区间不超过 {MaxDays} 天。");
        }

        var now = clock.GetUtcNow();
        var deadlineHours = options.CurrentValue.DeadlineHours;
        var start = ChinaDates.StartOf(from);
        var end = ChinaDates.StartOf(to.AddDays(1));
        var rows = await db.CommitmentLetters.AsNoTracking()
            .Where(l => l.SignedAt >= start && l.SignedAt < end)
            .GroupJoin(db.DrcBatches.AsNoTracking(), l => l.DrcBatchId, b => b.Id, (l, b) => new { l, b })
            .SelectMany(x => x.b.DefaultIfEmpty(), (x, b) => new
            {
                x.l.Number, x.l.Identifier, x.l.SubjectName, SignedAt = x.l.SignedAt!.Value, x.l.ReportedAt, Sequence = (int?)b!.Sequence,
            })
            .OrderBy(x => x.SignedAt).ThenBy(x => x.Number)
            .ToListAsync(cancellationToken);

        var letters = rows.Select(r =>
        {
            var deadline = r.SignedAt.AddHours(deadlineHours);
            var (status, name) = r.ReportedAt switch
            {
                { } reported when reported <= deadline => ("onTime", "按时报送"),
                not null => ("late", "逾期报送"),
                null when now <= deadline => ("pending", "待报送"),
                null => ("missing", "漏报"),
            };
            return new ReconciledLetter(r.Number, r.Identifier, r.SubjectName, r.SignedAt, deadline, r.Sequence, r.ReportedAt, status, name);
        }).ToList();

        int Count(string status) => letters.Count(l => l.Status == status);
        return TypedResults.Ok(new ReconciliationResponse(
            from, to, deadlineHours, letters.Count, Count("onTime"), Count("late"), Count("pending"), Count("missing"),
            Count("late") == 0 && Count("missing") == 0, letters));
    }
}
