using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.Reevaluation;

public sealed record StartReevaluationRequest
{
    /// <summary>Only <c>monthly</c> is started by hand; activation runs start when a rule set is activated.</summary>
    public required string Kind { get; init; }
}

public sealed record ReevaluationRunResponse(
    Guid Id,
    ReevaluationKind Kind,
    string RuleVersion,
    long Total,
    long Done,
    long Changed,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string StartedBy)
{
    internal static ReevaluationRunResponse From(ReevaluationRun run) => new(
        run.Id, run.Kind, run.RuleVersion, run.Total, run.Done, run.Changed, run.StartedAt, run.FinishedAt, run.Error, run.StartedBy);
}
