using System.Globalization;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Applications.Domain;

/// <summary>A stage's time limit, such as 2 working days or 24 hours.</summary>
public sealed record TimeLimit(int Amount, TimeLimitUnit Unit)
{
    /// <summary>
    /// When a stage entered at <paramref name="enteredAt"/> is due. Working days count on <paramref name="calendar"/>
    /// (public holidays skipped, make-up Saturdays counted) from the next working day and end at 24:00 Beijing time of
    /// the last one, as counter staff read "2 个工作日"; hours are elapsed time, holiday or not.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset enteredAt, WorkingDayCalendar calendar) =>
        Unit == TimeLimitUnit.Hours ? enteredAt.AddHours(Amount) : calendar.DeadlineAfter(enteredAt, Amount);

    /// <summary>The limit as staff read it: 2 个工作日, 24 小时.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Amount} {(Unit == TimeLimitUnit.Hours ? "小时" : "个工作日")}");
}
