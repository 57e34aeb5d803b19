using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.DrcReport;

public sealed record DrcBatchResponse(
    int Sequence, DateTimeOffset CreatedAt, string CreatedBy, DateOnly? ScheduledFor, int LetterCount, string JsonSha256, string CsvSha256)
{
    internal static DrcBatchResponse From(DrcBatch batch) =>
        new(batch.Sequence, batch.CreatedAt, batch.CreatedBy, batch.ScheduledFor, batch.LetterCount, batch.JsonSha256, batch.CsvSha256);
}
