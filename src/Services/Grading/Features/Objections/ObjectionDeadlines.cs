using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;

namespace CreditPower.Grading.Features.Objections;

/// <summary>The acknowledge-by and decide-by instants of an objection, on the shared working-day calendar.</summary>
internal sealed class ObjectionDeadlines(IOptions<ObjectionOptions> options, WorkingDayCalendar calendar)
{
    private readonly ObjectionOptions _options = options.Value;

    /// <summary>Both deadlines in UTC, as the database stores instants.</summary>
    public (DateTimeOffset AcknowledgeBy, DateTimeOffset DecideBy) For(DateTimeOffset submittedAt) =>
        (calendar.DeadlineAfter(submittedAt, _options.AcknowledgeWorkingDays), calendar.DeadlineAfter(submittedAt, _options.DecideWorkingDays));
}
