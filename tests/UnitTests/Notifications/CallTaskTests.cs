using System.Globalization;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.UnitTests.Dates;
using Xunit;

namespace CreditPower.UnitTests.Notifications;

public sealed class CallTaskTests
{
    // Wednesday 2026-03-11 15:30 China time.
    private static readonly DateTimeOffset _wednesday = new(2026, 3, 11, 15, 30, 0, TimeSpan.FromHours(8));

    private static readonly WorkingDayCalendar _calendar = ShippedCalendar.Instance;

    private static CallTask NewTask() => new()
    {
        Id = Guid.NewGuid(),
        SubjectId = Guid.NewGuid(),
        SubjectName = "淮阴区测试有限公司",
        SubjectIdentifier = "91350100M000100Y43",
        Trigger = "grade:test",
        Reason = "信用等级降为黄色（68 分）：电费逾期超过 30 天（经催缴）",
        Script = "您好……",
        DueAt = _wednesday,
        CreatedAt = _wednesday,
    };

    [Theory]
    [InlineData(CallOutcome.Reached, CallTaskStatus.Reached, ContactStatus.Delivered)]
    [InlineData(CallOutcome.WrongNumber, CallTaskStatus.WrongNumber, ContactStatus.Failed)]
    [InlineData(CallOutcome.Refused, CallTaskStatus.Refused, ContactStatus.Failed)]
    public void An_answered_or_impossible_call_closes_the_task(CallOutcome outcome, CallTaskStatus status, ContactStatus contact)
    {
        var task = NewTask();

        Assert.Equal(contact, task.Record(outcome, "记录", "clerk", _wednesday, _calendar));

        Assert.Equal(status, task.Status);
        Assert.Equal(_wednesday, task.ClosedAt);
        var attempt = Assert.Single(task.Attempts);
        Assert.Equal((1, outcome, "记录", "clerk"), (attempt.Number, attempt.Outcome, attempt.Notes, attempt.RecordedBy));
    }

    [Fact]
    public void No_answer_is_retried_at_nine_on_the_next_working_day()
    {
        var task = NewTask();

        Assert.Equal(ContactStatus.Queued, task.Record(CallOutcome.NoAnswer, "", "clerk", _wednesday, _calendar));

        Assert.Equal(CallTaskStatus.Open, task.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(8)), task.DueAt);
        Assert.Null(task.ClosedAt);
    }

    [Theory]
    [InlineData("2026-03-13T17:00:00+08:00", "2026-03-16T09:00:00+08:00")] // a Friday: Monday
    [InlineData("2026-09-30T16:00:00+08:00", "2026-10-08T09:00:00+08:00")] // before 国庆: the first working day after it
    public void No_answer_skips_weekends_and_holidays(string calledAt, string retryAt)
    {
        var task = NewTask();

        task.Record(CallOutcome.NoAnswer, "", "clerk", DateTimeOffset.Parse(calledAt, CultureInfo.InvariantCulture), _calendar);

        Assert.Equal(DateTimeOffset.Parse(retryAt, CultureInfo.InvariantCulture), task.DueAt);
    }

    [Fact]
    public void The_third_unanswered_call_closes_the_task_unreached_and_every_attempt_is_kept()
    {
        var task = NewTask();

        Assert.Equal(ContactStatus.Queued, task.Record(CallOutcome.NoAnswer, "一", "clerk", _wednesday, _calendar));
        Assert.Equal(ContactStatus.Queued, task.Record(CallOutcome.NoAnswer, "二", "clerk", _wednesday.AddDays(1), _calendar));
        Assert.Equal(ContactStatus.GivenUp, task.Record(CallOutcome.NoAnswer, "三", "officer", _wednesday.AddDays(2), _calendar));

        Assert.Equal(CallTaskStatus.Unreached, task.Status);
        Assert.Equal([1, 2, 3], task.Attempts.Select(a => a.Number));
        Assert.Equal(["一", "二", "三"], task.Attempts.Select(a => a.Notes));
    }

    [Fact]
    public void A_closed_task_takes_no_more_outcomes()
    {
        var task = NewTask();
        task.Record(CallOutcome.Reached, "", "clerk", _wednesday, _calendar);

        Assert.Throws<InvalidOperationException>(() => task.Record(CallOutcome.NoAnswer, "", "clerk", _wednesday, _calendar));
        Assert.Single(task.Attempts);
    }
}
