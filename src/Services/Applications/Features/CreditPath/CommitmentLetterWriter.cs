using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>Makes the letter and its ledger promises for an application taken on the credit path.</summary>
internal sealed class CommitmentLetterWriter(IOptionsMonitor<CommitmentOptions> options)
{
    private const long SerialLockKey = 0x4c45545445520001; // "LETTER" + 1: one numbering sequence for the whole service.

    /// <summary>Adds report, letter and commitments to <paramref name="db"/>; the caller's transaction commits them.</summary>
    public async Task<CommitmentLetter> WriteAsync(
        ApplicationsDbContext db, ConnectionApplication application, CreditPathRequest path, DateTimeOffset now, string clerk,
        CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var report = new CreditReport
        {
            ApplicationId = application.Id,
            Number = path.Report.Number.Trim(),
            IssuedOn = path.Report.IssuedOn,
            Issuer = path.Report.Issuer.Trim(),
            ValidUntil = path.Report.ValidUntil,
            NegativeItems = [.. path.Report.NegativeItems.Select(i => i.Trim())],
        };
        db.CreditReports.Add(report);

        // Numbers run without gaps per year: taken under a transaction lock, so two clerks never draw the same one.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SerialLockKey})", cancellationToken);
        var letterDate = ChinaDates.Day(now);
        var serial = 1 + (await db.CommitmentLetters.Where(l => l.Year == letterDate.Year).MaxAsync(l => (int?)l.Serial, cancellationToken) ?? 0);
        var number = CommitmentLetterTemplate.Number(settings.NumberPrefix, letterDate.Year, serial);
        var legalRepresentative = path.LegalRepresentative.Trim();
        var promises = CommitmentLetterTemplate.Promises(letterDate, settings);
        var letterId = Guid.CreateVersion7();
        var letter = new CommitmentLetter
        {
            Id = letterId,
            ApplicationId = application.Id,
            Number = number,
            Year = letterDate.Year,
            Serial = serial,
            Identifier = application.Identifier,
            SubjectName = application.ApplicantName,
            LegalRepresentative = legalRepresentative,
            Address = application.Address,
            LetterDate = letterDate,
            FullText = string.Join('\n', CommitmentLetterTemplate.Lines(number, application, legalRepresentative, report, promises, letterDate, settings)),
            CreatedAt = now,
            CreatedBy = clerk,
            Commitments =
            [
                .. promises.Select(p => new Commitment
                {
                    Id = Guid.CreateVersion7(),
                    LetterId = letterId,
                    ApplicationId = application.Id,
                    Identifier = application.Identifier,
                    Kind = p.Kind,
                    Promise = p.Promise,
                    // Due by the end of the Beijing day the letter names.
                    Deadline = ChinaDates.At(p.Deadline, new TimeOnly(23, 59, 59)),
                    State = CommitmentState.Pending,
                }),
            ],
        };
        db.CommitmentLetters.Add(letter);
        return letter;
    }
}
