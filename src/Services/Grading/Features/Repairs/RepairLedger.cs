using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Repairs;

internal static class RepairLedger
{
    /// <summary>
    /// The events repair looks at, tracked so an approval can mark them: in force ones (what is repaired), those under
    /// objection (not cleared yet) and expired ones (an expired veto tells that a lock has ended).
    /// </summary>
    public static async Task<List<CreditEvent>> ReadAsync(GradingDbContext db, Guid subjectId, CancellationToken cancellationToken) =>
        await db.CreditEvents
            .Where(e => e.SubjectId == subjectId && (e.Status == CreditEventStatus.InForce || e.Status == CreditEventStatus.UnderObjection || e.Status == CreditEventStatus.Expired))
            .ToListAsync(cancellationToken);
}
