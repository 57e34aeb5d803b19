using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Subjects;

/// <summary>
/// Keeps the local register of the subjects Grading knows, so an application carries its subject's id from intake on,
/// even before the subject's first colour arrives; applications taken before the subject was known get the id now.
/// An older profile arriving late changes nothing.
/// </summary>
internal sealed class SubjectProfileChangedConsumer(ApplicationsDbContext db, TimeProvider clock) : IConsumer<SubjectProfileChanged>
{
    public async Task Consume(ConsumeContext<SubjectProfileChanged> context)
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

    private async Task<bool> ApplyAsync(ConsumeContext<SubjectProfileChanged> context)
    {
        if (!await db.TryStartConsumingAsync<SubjectProfileChangedConsumer>(context, clock))
        {
            return false;
        }

        var changed = context.Message;
        var profile = await db.SubjectProfiles.FirstOrDefaultAsync(p => p.Identifier == changed.Identifier, context.CancellationToken);
        if (profile is null)
        {
            profile = new SubjectProfile { Identifier = changed.Identifier, Name = changed.Name };
            db.SubjectProfiles.Add(profile);
        }
        else if (profile.ChangedAt > changed.ChangedAt)
        {
            // An older profile arriving late: recorded as consumed, applied to nothing.
            return true;
        }

        profile.SubjectId = changed.SubjectId;
        profile.SubjectKind = changed.SubjectKind;
        profile.Name = changed.Name;
        profile.ChangedAt = changed.ChangedAt;

        var unassigned = await db.Applications
            .Where(a => a.Identifier == changed.Identifier && a.SubjectId == Guid.Empty)
            .ToListAsync(context.CancellationToken);
        foreach (var application in unassigned)
        {
            application.SubjectId = changed.SubjectId;
        }

        return true;
    }
}
