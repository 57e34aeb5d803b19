using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Subjects;

namespace CreditPower.Applications.Features.Intake;

/// <summary>
/// An application in a work queue; a natural person's ID number is masked. Not sealed: the detail answer is the same
/// fields and more, so a client reads <c>id</c>, <c>stage</c> and <c>greenChannel</c> the same way from both.
/// </summary>
public record ApplicationResponse(
    Guid Id, SubjectKind SubjectKind, string Identifier, string ApplicantName, ApplicationType Type, string TypeName,
    int CapacityKva, string Address, ApplicationStage Stage, string StageName, DateTimeOffset StageEnteredAt,
    DateTimeOffset? StageDueAt, bool Overdue, ApplicationStage? NextStage, string? NextStageName, string? NextStageBy,
    DateTimeOffset SubmittedAt, bool GreenChannel, bool CreditPath)
{
    internal static ApplicationResponse From(ConnectionApplication application, DateTimeOffset now)
    {
        var next = Stages.Next(application.Stage);
        return new(
            application.Id,
            application.SubjectKind,
            SubjectIdentifier.Display(application.SubjectKind, application.Identifier),
            application.ApplicantName,
            application.Type,
            ApplicationTypes.Name(application.Type),
            application.CapacityKva,
            application.Address,
            application.Stage,
            Stages.Name(application.Stage),
            application.StageEnteredAt,
            application.StageDueAt,
            application.IsOverdue(now),
            next,
            next is null ? null : Stages.Name(next.Value),
            next is null ? null : Stages.CompletedByNames(application.Stage),
            application.SubmittedAt,
            application.GreenChannel,
            application.CreditPath);
    }
}
