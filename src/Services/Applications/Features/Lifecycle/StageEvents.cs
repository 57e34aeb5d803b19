using CreditPower.Applications.Domain;
using CreditPower.Contracts;

namespace CreditPower.Applications.Features.Lifecycle;

/// <summary>The <see cref="ApplicationStageChanged"/> message for a move, every field filled from the application.</summary>
internal static class StageEvents
{
    public static ApplicationStageChanged Changed(ConnectionApplication application, ApplicationStage? from, DateTimeOffset at) => new()
    {
        ApplicationId = application.Id,
        SubjectId = application.SubjectId,
        SubjectKind = application.SubjectKind,
        Identifier = application.Identifier,
        ApplicantName = application.ApplicantName,
        FromStage = from is { } f ? Stages.Code(f) : null,
        ToStage = Stages.Code(application.Stage),
        ToStageName = Stages.Name(application.Stage),
        DueAt = application.StageDueAt,
        GreenChannel = application.GreenChannel,
        ChangedAt = at,
    };
}
