using CreditPower.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Consumes like our services' consumers do (Applications' CreditGradeChangedConsumer): in the execution strategy, one
/// transaction holding the inbox row and a read-model insert-or-update; the arrival is recorded after the commit.
/// </summary>
internal sealed class ProbeConsumer(BenchDbContext db, TimeProvider clock, CurrentRun current) : IConsumer<PipelineProbe>
{
    public async Task Consume(ConsumeContext<PipelineProbe> context)
    {
        var probe = context.Message;
        var applied = false;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
            applied = await db.TryStartConsumingAsync<ProbeConsumer>(context, clock);
            if (applied)
            {
                var state = await db.States.FirstOrDefaultAsync(s => s.SubjectId == probe.SubjectId, context.CancellationToken);
                if (state is null)
                {
                    state = new ProbeState { SubjectId = probe.SubjectId };
                    db.States.Add(state);
                }

                state.Score = probe.Score;
                state.LastSequence = probe.Sequence;
                state.EffectiveAt = probe.EffectiveAt;
                await db.SaveChangesAsync(context.CancellationToken);
            }

            await transaction.CommitAsync(context.CancellationToken);
        });

        if (current.Recorder is { } recorder && recorder.Run == probe.Run)
        {
            if (applied)
            {
                recorder.Arrived(probe.Sequence);
            }
            else
            {
                recorder.RedeliveryDropped();
            }
        }
    }
}
