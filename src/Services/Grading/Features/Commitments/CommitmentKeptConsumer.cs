using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;

namespace CreditPower.Grading.Features.Commitments;

/// <summary>A credit commitment verified kept earns the rule's bonus.</summary>
internal sealed class CommitmentKeptConsumer(GradingDbContext db, CommitmentEvent commitments, TimeProvider clock) : IConsumer<CommitmentKept>
{
    public async Task Consume(ConsumeContext<CommitmentKept> context)
    {
        if (!await db.TryStartConsumingAsync<CommitmentKeptConsumer>(context, clock))
        {
            return;
        }

        var kept = context.Message;
        await commitments.RecordAsync(
            kept.SubjectId, kept.Identifier, "commitment-kept", $"{kept.CommitmentId}:kept", kept.VerifiedAt,
            $"信用承诺已履行：{kept.Promise}（申请 {kept.ApplicationId}）", kept.VerifiedBy,
            context.CancellationToken);
    }
}
