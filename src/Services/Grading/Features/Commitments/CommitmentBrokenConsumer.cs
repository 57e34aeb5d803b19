using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;

namespace CreditPower.Grading.Features.Commitments;

/// <summary>A broken credit commitment is a veto: the subject turns black for the rule's lock period.</summary>
internal sealed class CommitmentBrokenConsumer(GradingDbContext db, CommitmentEvent commitments, TimeProvider clock) : IConsumer<CommitmentBroken>
{
    public async Task Consume(ConsumeContext<CommitmentBroken> context)
    {
        if (!await db.TryStartConsumingAsync<CommitmentBrokenConsumer>(context, clock))
        {
            return;
        }

        var broken = context.Message;
        await commitments.RecordAsync(
            broken.SubjectId, broken.Identifier, "commitment-broken", $"{broken.CommitmentId}:broken", broken.VerifiedAt,
            $"违背信用承诺：{broken.Promise}（申请 {broken.ApplicationId}）", broken.VerifiedBy,
            context.CancellationToken);
    }
}
