using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.Lifecycle;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.GreenChannel;

/// <summary>
/// Keeps the local colour of each subject and moves its open applications into or out of the green
/// channel at once, the current stage's due time following the channel's limit (counted from when the stage was
/// entered). Older grades arriving late never overwrite newer ones.
/// </summary>
internal sealed class CreditGradeChangedConsumer(ApplicationsDbContext db, StageClock stageClock, TimeProvider clock) : IConsumer<CreditGradeChanged>
{
    public async Task Consume(ConsumeContext<CreditGradeChanged> context)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
            await db.LockSubjectAsync(context.Message.Identifier, context.CancellationToken);
            if (await ApplyAsync(context))
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }

            await transaction.CommitAsync(context.CancellationToken);
        });
    }

    private async Task<bool> ApplyAsync(ConsumeContext<CreditGradeChanged> context)
    {
        if (!await db.TryStartConsumingAsync<CreditGradeChangedConsumer>(context, clock))
        {
            return false;
        }

        var grade = context.Message;
        var colour = await db.SubjectColours.FirstOrDefaultAsync(c => c.Identifier == grade.Identifier, context.CancellationToken);
        if (colour is null)
        {
            colour = new SubjectColour { Identifier = grade.Identifier };
            db.SubjectColours.Add(colour);
        }
        else if (colour.EffectiveAt > grade.EffectiveAt)
        {
            // An older grade arriving late: recorded as consumed, applied to nothing.
            return true;
        }

        colour.SubjectId = grade.SubjectId;
        colour.Colour = grade.NewColour;
        colour.EffectiveAt = grade.EffectiveAt;

        var greenChannel = ConnectionApplication.IsHonest(grade.NewColour);
        var open = await db.Applications
            .Where(a => a.Identifier == grade.Identifier && a.Stage != ApplicationStage.Completed)
            .ToListAsync(context.CancellationToken);
        foreach (var application in open)
        {
            if (application.SubjectId == Guid.Empty)
            {
                application.SubjectId = grade.SubjectId;
            }

            if (application.GreenChannel != greenChannel)
            {
                application.GreenChannel = greenChannel;
                application.StageDueAt = stageClock.DueAt(application.Stage, application.StageEnteredAt, greenChannel);
            }
        }

        return true;
    }
}
