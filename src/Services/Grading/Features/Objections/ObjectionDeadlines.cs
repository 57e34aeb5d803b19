using CreditPower.Grading.Domain;
using Microsoft.Extensions.Options;

namespace CreditPower.Grading.Features.Objections;

/// <summary>The acknowledge-by and decide-by instants of an objection, from the configured working-day calendar.</summary>
internal sealed class ObjectionDeadlines(IOptions<ObjectionOptions> options)
{
    private readonly ObjectionOptions _options = options.Value;
    private readonly WorkingDayCalendar _calendar = new(options.Value.Holidays, options.Value.AdjustedWorkingDays);

    /// <summary>Both deadlines in UTC, as the database stores instants.</summary>
    public (DateTimeOffset AcknowledgeBy, DateTimeOffset DecideBy) For(DateTimeOffset submittedAt) =>
        (_calendar.DeadlineAfter(submittedAt, _options.AcknowledgeWorkingDays).ToUniversalTime(),
            _calendar.DeadlineAfter(submittedAt, _options.DecideWorkingDays).ToUniversalTime());
}
