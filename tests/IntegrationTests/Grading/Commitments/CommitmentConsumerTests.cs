using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Grading.Commitments;

/// <summary>
/// Applications' verdicts on credit commitments reach the ledger over the bus (DOMAIN.md §4, §7): broken is the
/// veto that turns the subject black, kept earns the bonus; each commitment counts once, however often it arrives.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CommitmentConsumerTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

    [Fact]
    public async Task A_broken_commitment_delivered_twice_turns_the_subject_black_with_one_veto_event()
    {
        var uscc = TestIdentifiers.NewUscc();
        var subjectId = await services.RegisterLegalEntityAsync(uscc, "淮阴区承诺测试有限公司");
        var broken = new CommitmentBroken
        {
            ApplicationId = Guid.NewGuid(),
            SubjectId = subjectId,
            Identifier = uscc,
            CommitmentId = Guid.NewGuid(),
            Promise = "90 日内补齐产权证明",
            Deadline = DateTimeOffset.UtcNow.AddDays(-2),
            VerifiedAt = DateTimeOffset.UtcNow.AddHours(-1),
            VerifiedBy = "clerk",
        };
        var bus = services.Applications.Services.GetRequiredService<IBus>();

        Guid[] deliveries = [NewId.NextGuid(), NewId.NextGuid()];
        foreach (var delivery in deliveries)
        {
            await bus.Publish(broken, c => c.MessageId = delivery, Api.Cancellation);
        }

        var grade = await Eventually.GetAsync(
            () => _clerk.GetJsonAsync($"/api/grades/lookup?identifier={uscc}"),
            g => g.GetProperty("colour").GetString() == "black", "the broken commitment to turn the subject black");
        Assert.Equal("black", grade.GetProperty("colour").GetString());
        var explanation = await _clerk.GetJsonAsync($"/api/subjects/{subjectId}/grade");
        Assert.Contains(explanation.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "commitment-broken");
        await Eventually.UntilAsync(() => deliveries.All(d => services.Consumed.Completed(ResourceNames.Grading, d) >= 1),
            "Grading to have consumed both deliveries");
        Assert.Equal(1, await VetoEventsAsync(subjectId));
    }

    [Fact]
    public async Task A_kept_commitment_earns_the_bonus_once()
    {
        var uscc = TestIdentifiers.NewUscc();
        var subjectId = await services.RegisterLegalEntityAsync(uscc, "淮阴区守诺测试有限公司");
        await services.RecordEventInForceAsync(subjectId, "late-payment-16-30", DateTimeOffset.UtcNow.AddDays(-10));
        var kept = new CommitmentKept
        {
            ApplicationId = Guid.NewGuid(),
            SubjectId = subjectId,
            Identifier = uscc,
            CommitmentId = Guid.NewGuid(),
            Promise = "按期缴纳电费",
            Deadline = DateTimeOffset.UtcNow.AddDays(-1),
            VerifiedAt = DateTimeOffset.UtcNow.AddHours(-2),
            VerifiedBy = "officer",
        };
        var bus = services.Applications.Services.GetRequiredService<IBus>();

        Guid[] deliveries = [NewId.NextGuid(), NewId.NextGuid()];
        foreach (var delivery in deliveries)
        {
            await bus.Publish(kept, c => c.MessageId = delivery, Api.Cancellation);
        }

        var grade = await Eventually.GetAsync(
            () => _clerk.GetJsonAsync($"/api/subjects/{subjectId}/grade"),
            g => g.GetProperty("reasons").EnumerateArray().Any(r => r.GetProperty("code").GetString() == "commitment-kept"),
            "the kept commitment's bonus to be counted");
        Assert.Equal(97, grade.GetProperty("score").GetInt32());
        await Eventually.UntilAsync(() => deliveries.All(d => services.Consumed.Completed(ResourceNames.Grading, d) >= 1),
            "Grading to have consumed both deliveries");
        Assert.Equal(1, await services.Grading.QueryAsync(db => db.Set<CreditEvent>()
            .CountAsync(e => e.SubjectId == subjectId && e.EventType == "commitment-kept", Api.Cancellation)));
    }

    public void Dispose() => _clerk.Dispose();

    private Task<int> VetoEventsAsync(Guid subjectId) => services.Grading.QueryAsync(db => db.Set<CreditEvent>()
        .CountAsync(e => e.SubjectId == subjectId && e.EventType == "commitment-broken" && e.Status == CreditEventStatus.InForce, Api.Cancellation));
}
