namespace CreditPower.Applications.Domain;

/// <summary>
/// One numbered batch of commitment letters reported to the DRC. The files are stored byte for byte, so a batch sent
/// again is the same batch with the same checksum, and the DRC can tell a re-send from a new one by its sequence.
/// </summary>
public sealed class DrcBatch
{
    public Guid Id { get; init; }

    /// <summary>1, 2, 3… without gaps: the DRC notices a missing batch by its number.</summary>
    public int Sequence { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    /// <summary>The Beijing date a scheduled batch was for; null for one made on demand. Unique: one scheduled batch a day.</summary>
    public DateOnly? ScheduledFor { get; init; }

    public int LetterCount { get; init; }
    public required string Json { get; init; }
    public required string Csv { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 bytes of <see cref="Json"/>.</summary>
    public required string JsonSha256 { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 bytes of <see cref="Csv"/>.</summary>
    public required string CsvSha256 { get; init; }
}
