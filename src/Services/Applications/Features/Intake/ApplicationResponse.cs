using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Subjects;

namespace CreditPower.Applications.Features.Intake;

public sealed record ApplicationResponse(
    Guid Id, SubjectKind SubjectKind, string Identifier, string ApplicantName, ApplicationType Type,
    ApplicationStage Stage, DateTimeOffset SubmittedAt, bool GreenChannel)
{
    internal static ApplicationResponse From(ConnectionApplication application) => new(
        application.Id,
        application.SubjectKind,
        SubjectIdentifier.Display(application.SubjectKind, application.Identifier),
        application.ApplicantName,
        application.Type,
        application.Stage,
        application.SubmittedAt,
        application.GreenChannel);
}
