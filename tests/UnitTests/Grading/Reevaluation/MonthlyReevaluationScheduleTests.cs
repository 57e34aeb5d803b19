using CreditPower.Grading.Features.Reevaluation;
using Xunit;

namespace CreditPower.UnitTests.Grading.Reevaluation;

/// <summary>The monthly evaluation starts at 02:00 Beijing time on its day; the instant goes into SQL, so it is in UTC.</summary>
public sealed class MonthlyReevaluationScheduleTests
{
    private static readonly TimeSpan _beijing = TimeSpan.FromHours(8);

    [Fact]
    public void On_its_day_after_two_in_the_morning_beijing_time_the_run_is_due_at_two()
    {
        var due = MonthlyReevaluationSchedule.ScheduledAt(new DateTimeOffset(2026, 3, 1, 2, 30, 0, _beijing), 1);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 2, 0, 0, _beijing), due);
        // Npgsql writes only offset 0 to timestamptz.
        Assert.Equal(TimeSpan.Zero, due!.Value.Offset);
    }

    [Fact]
    public void Before_two_or_on_another_day_nothing_is_due()
    {
        Assert.Null(MonthlyReevaluationSchedule.ScheduledAt(new DateTimeOffset(2026, 3, 1, 1, 59, 0, _beijing), 1));
        // 18:30 UTC on 28 February is 02:30 on 1 March in Beijing: due; the same UTC day's morning is not.
        Assert.NotNull(MonthlyReevaluationSchedule.ScheduledAt(new DateTimeOffset(2026, 2, 28, 18, 30, 0, TimeSpan.Zero), 1));
        Assert.Null(MonthlyReevaluationSchedule.ScheduledAt(new DateTimeOffset(2026, 2, 28, 3, 0, 0, TimeSpan.Zero), 1));
    }

    [Fact]
    public void A_day_past_the_end_of_a_short_month_runs_on_its_last_day() =>
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 2, 0, 0, _beijing),
            MonthlyReevaluationSchedule.ScheduledAt(new DateTimeOffset(2026, 2, 28, 9, 0, 0, _beijing), 31));
}
