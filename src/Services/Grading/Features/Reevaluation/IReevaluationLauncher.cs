using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>Starts a bulk re-evaluation of every subject in the background and returns the run to follow.</summary>
internal interface IReevaluationLauncher
{
    Task<Guid> StartAsync(ReevaluationKind kind, string ruleVersion, string startedBy, CancellationToken cancellationToken);
}
