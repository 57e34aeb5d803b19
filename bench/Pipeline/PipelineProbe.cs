namespace CreditPower.Bench.Pipeline;

/// <summary>
/// The message the bench sends through every hop: a subject, where it is in the run, and a payload of the size and
/// shape of a CreditGradeChanged (a Chinese name, accounts, reasons), so serialisation costs what it costs there.
/// </summary>
public sealed record PipelineProbe
{
    public required int Run { get; init; }
    public required int Sequence { get; init; }
    public required Guid SubjectId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Accounts { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required int Score { get; init; }
    public required DateTimeOffset EffectiveAt { get; init; }
}
