using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ValueAdded.Data;
using CreditPower.ValueAdded.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.ValueAdded.Features.Eligibility;

/// <summary>Records whether the subject may order value-added services; late, older grades are ignored.</summary>
internal sealed class CreditGradeChangedConsumer(ValueAddedDbContext db, TimeProvider clock) : IConsumer<CreditGradeChanged>
{
    public async Task Consume(ConsumeContext<CreditGradeChanged> context)
    {
        if (!await db.TryStartConsumingAsync<CreditGradeChangedConsumer>(context, clock))
        {
            return;
        }

        var change = context.Message;
        var eligibility = await db.Eligibility.FirstOrDefaultAsync(e => e.SubjectId == change.SubjectId, context.CancellationToken);
        if (eligibility is null)
        {
            eligibility = new SubjectEligibility { SubjectId = change.SubjectId };
            db.Eligibility.Add(eligibility);
        }

        if (eligibility.EffectiveAt <= change.EffectiveAt)
        {
            eligibility.Apply(change.NewColour, change.EffectiveAt);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
