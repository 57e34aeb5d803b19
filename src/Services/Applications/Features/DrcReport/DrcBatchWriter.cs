using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.DrcReport;

/// <summary>
/// Makes the next numbered batch: every signed letter not yet reported, in signing order. One writer at a time (a
/// transaction lock), so sequence numbers have no gaps and no letter travels in two batches.
/// </summary>
internal sealed class DrcBatchWriter(ApplicationsDbContext db, TimeProvider clock)
{
    private const long BatchLockKey = 0x4452434241544348; // "DRCBATCH"

    /// <summary>
    /// The new batch; null when there is nothing to do: on demand with no letter waiting, or a scheduled day that already
    /// has its batch (another replica, or a restart, made it). A scheduled day always gets a batch, empty if need be, so
    /// the DRC can tell "nothing to report" from "report missing".
    /// </summary>
    public async Task<DrcBatch?> WriteAsync(string createdBy, DateOnly? scheduledFor, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BatchLockKey})", cancellationToken);
            if (scheduledFor is { } day && await db.DrcBatches.AnyAsync(b => b.ScheduledFor == day, cancellationToken))
            {
                return null;
            }

            var letters = await db.CommitmentLetters.Include(l => l.Commitments)
                .Where(l => l.SignedAt != null && l.DrcBatchId == null)
                .OrderBy(l => l.SignedAt).ThenBy(l => l.Number)
                .ToListAsync(cancellationToken);
            if (letters.Count == 0 && scheduledFor is null)
            {
                return null;
            }

            var applicationIds = letters.Select(l => l.ApplicationId).ToList();
            var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            var reports = await db.CreditReports.AsNoTracking().Where(r => applicationIds.Contains(r.ApplicationId)).ToDictionaryAsync(r => r.ApplicationId, cancellationToken);

            var now = clock.GetUtcNow();
            var sequence = 1 + (await db.DrcBatches.MaxAsync(b => (int?)b.Sequence, cancellationToken) ?? 0);
            var records = letters.Select(l => DrcBatchFormat.Record(l, applications[l.ApplicationId], reports[l.ApplicationId])).ToList();
            var json = DrcBatchFormat.Json(new DrcBatchDocument(DrcBatchDocument.SchemaName, sequence, DrcBatchFormat.Instant(now), records.Count, records));
            var csv = DrcBatchFormat.Csv(sequence, records);
            var batch = new DrcBatch
            {
                Id = Guid.CreateVersion7(),
                Sequence = sequence,
                CreatedAt = now,
                CreatedBy = createdBy,
                ScheduledFor = scheduledFor,
                LetterCount = records.Count,
                Json = json,
                Csv = csv,
                JsonSha256 = DrcBatchFormat.Sha256(json),
                CsvSha256 = DrcBatchFormat.Sha256(csv),
            };
            db.DrcBatches.Add(batch);
            foreach (var letter in letters)
            {
                letter.DrcBatchId = batch.Id;
                letter.ReportedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return batch;
        });
    }
}
