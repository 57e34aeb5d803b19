using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>A waiting request, its application, and its place in the offer order (1 is offered first).</summary>
internal sealed record WaitingRequest(CapacityRequest Request, ConnectionApplication Application, int Position)
{
    public CapacityCandidate Candidate => new(Request.Id, Request.Amount, Application.GreenChannel, Application.SubmittedAt, Request.RequestedAt);
}
