using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>The steps the Notifications tests share: events put on the real bus, and waiting until Notifications took them.</summary>
internal static class NotificationSteps
{
    public const string RuleVersion = "2021-huaiyin-default";

    /// <summary>Publishes <paramref name="message"/> as another service would; returns its MessageId.</summary>
    public static async Task<Guid> PublishAsync<T>(this ServicesFixture services, T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await services.Grading.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = id, Api.Cancellation);
        return id;
    }

    /// <summary>Waits until Notifications has finished with <paramref name="messageId"/> <paramref name="times"/> times (duplicates included).</summary>
    public static Task ConsumedAsync(this ServicesFixture services, Guid messageId, int times = 1) =>
        Eventually.UntilAsync(() => services.Consumed.Completed(ResourceNames.Notifications, messageId) >= times,
            $"Notifications to have consumed {messageId} {times} time(s)");

    public static CreditGradeChanged GradeChange(
        Guid subjectId, string name, CreditColour? from, CreditColour to, int score, IReadOnlyList<GradeReason> reasons,
        DateTimeOffset? effectiveAt = null, SubjectKind kind = SubjectKind.LegalEntity, string? identifier = null) => new()
        {
            SubjectId = subjectId,
            SubjectKind = kind,
            Identifier = identifier ?? (kind == SubjectKind.LegalEntity ? TestIdentifiers.NewUscc() : TestIdentifiers.NewResidentId()),
            Name = name,
            Accounts = [TestIdentifiers.NewAccountNumber()],
            OldColour = from,
            NewColour = to,
            Score = score,
            Reasons = reasons,
            RuleVersion = RuleVersion,
            EffectiveAt = effectiveAt ?? DateTimeOffset.UtcNow,
        };

    public static async Task<JsonElement> ContactLogAsync(this ServicesFixture services, Guid subjectId)
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        return await clerk.GetJsonAsync($"/api/subjects/{subjectId}/contact-log");
    }

    public static List<string?> Channels(JsonElement contactLog) =>
        [.. contactLog.EnumerateArray().Select(c => c.GetProperty("channel").GetString()).Order(StringComparer.Ordinal)];

    public static async Task<JsonElement> SingleLetterAsync(this ServicesFixture services, Guid subjectId)
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        var letters = await clerk.GetJsonAsync($"/api/letters?subjectId={subjectId}");
        Assert.Equal(1, letters.GetArrayLength());
        return letters[0];
    }

    public static async Task<JsonElement> SingleCallTaskAsync(this ServicesFixture services, Guid subjectId)
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        var tasks = await clerk.GetJsonAsync($"/api/call-tasks?subjectId={subjectId}");
        Assert.Equal(1, tasks.GetArrayLength());
        return tasks[0];
    }
}
