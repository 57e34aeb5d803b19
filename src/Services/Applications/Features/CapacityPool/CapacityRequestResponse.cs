using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Subjects;

namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>
/// A capacity request with its application's applicant (identifier masked), channel and submission time as they are
/// now; <see cref="Position"/> is its place in the offer order while it waits (1 is offered first).
/// </summary>
public sealed record CapacityRequestResponse(
    Guid Id, Guid PoolId, Guid ApplicationId, string ApplicantName, string Identifier, bool GreenChannel,
    DateTimeOffset SubmittedAt, int Amount, int Held, CapacityRequestStatus Status, int? Position,
    DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? AllocatedAt, DateTimeOffset? EndedAt)
{
    internal static CapacityRequestResponse From(CapacityRequest request, ConnectionApplication application, int? position) => new(
        request.Id,
        request.PoolId,
        request.ApplicationId,
        application.ApplicantName,
        SubjectIdentifier.Display(application.SubjectKind, application.Identifier),
        application.GreenChannel,
        application.SubmittedAt,
        request.Amount,
        request.Held,
        request.Status,
        position,
        request.RequestedAt,
        request.RequestedBy,
        request.AllocatedAt,
        request.EndedAt);
}
