using CreditPower.Applications.Data;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Intake;

/// <summary>An application with everything a member of staff needs to act on it.</summary>
public sealed record ApplicationDetailResponse : ApplicationResponse
{
    private ApplicationDetailResponse(ApplicationResponse summary)
        : base(summary)
    {
    }

    public string? PropertyDocumentType { get; init; }
    public string? PropertyDocumentNumber { get; init; }
    public required IReadOnlyList<TimelineEntryResponse> Timeline { get; init; }
    public CreditReportResponse? CreditReport { get; init; }
    public LetterResponse? Letter { get; init; }

    internal static async Task<ApplicationDetailResponse?> FindAsync(ApplicationsDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Timeline).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var report = await db.CreditReports.AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == id, cancellationToken);
        var letter = await db.CommitmentLetters.AsNoTracking().Include(l => l.Commitments).FirstOrDefaultAsync(l => l.ApplicationId == id, cancellationToken);
        return new(ApplicationResponse.From(application, now))
        {
            PropertyDocumentType = application.PropertyProof?.DocumentType,
            PropertyDocumentNumber = application.PropertyProof?.DocumentNumber,
            Timeline = [.. application.Timeline.OrderBy(e => e.EnteredAt).ThenBy(e => e.Stage).Select(TimelineEntryResponse.From)],
            CreditReport = report is null ? null : CreditReportResponse.From(report),
            Letter = letter is null ? null : LetterResponse.From(letter, now),
        };
    }

    internal static async Task<ApplicationDetailResponse> LoadAsync(ApplicationsDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await FindAsync(db, id, now, cancellationToken) ?? throw new InvalidOperationException($"Application {id} vanished.");
}
