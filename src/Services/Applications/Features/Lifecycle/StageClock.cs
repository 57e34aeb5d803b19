using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;

namespace CreditPower.Applications.Features.Lifecycle;

/// <summary>Turns the configured time limits into due times; the one place that knows green limits are shorter.</summary>
internal sealed class StageClock(IOptionsMonitor<StageTimeLimitOptions> options, WorkingDayCalendar calendar)
{
    public TimeLimit? Limit(ApplicationStage stage, bool greenChannel) =>
        options.CurrentValue.Stages.TryGetValue(stage, out var setting) ? setting.For(greenChannel) : null;

    /// <summary>When <paramref name="stage"/>, entered at <paramref name="enteredAt"/>, is due; null for the end state.</summary>
    public DateTimeOffset? DueAt(ApplicationStage stage, DateTimeOffset enteredAt, bool greenChannel) =>
        Limit(stage, greenChannel)?.DueFrom(enteredAt, calendar);

    /// <summary>Enters <paramref name="stage"/> now: moves the application, adds the timeline line, returns its due time.</summary>
    public DateTimeOffset? Enter(ConnectionApplication application, ApplicationStage stage, DateTimeOffset now, string by, string role, string? note)
    {
        var due = DueAt(stage, now, application.GreenChannel);
        application.Stage = stage;
        application.StageEnteredAt = now;
        application.StageDueAt = due;
        application.Timeline.Add(new StageEntry
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = application.Id,
            Stage = stage,
            EnteredAt = now,
            EnteredBy = by,
            EnteredAs = role,
            DueAt = due,
            GreenChannel = application.GreenChannel,
            Note = note,
        });
        return due;
    }
}
