using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Notifications.Domain;

/// <summary>
/// A phone call staff owe a customer whose grade fell to yellow (DOMAIN.md §6): who, why, what to say, and the outcome
/// of each attempt. No answer is retried on the next working day (holidays skipped), up to <see cref="MaxAttempts"/>
/// calls in all.
/// </summary>
public sealed class CallTask
{
    public const int MaxAttempts = 3;

    /// <summary>Retries are due when the office opens, not at the minute the last call failed.</summary>
    public static readonly TimeOnly RetryTime = new(9, 0);

    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public required string SubjectName { get; init; }
    public SubjectKind SubjectKind { get; init; }

    /// <summary>The USCC or resident ID number; masked whenever it leaves the service.</summary>
    public required string SubjectIdentifier { get; init; }

    /// <summary>The grade change that asked for the call: one task per trigger.</summary>
    public required string Trigger { get; init; }

    public required string Reason { get; init; }
    public required string Script { get; init; }
    public int TemplateVersion { get; init; }
    public Guid ContactLogEntryId { get; init; }
    public CallTaskStatus Status { get; private set; } = CallTaskStatus.Open;
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public List<CallAttempt> Attempts { get; init; } = [];

    /// <summary>
    /// Records a call's outcome and moves the task on; returns the contact log status the task now stands for.
    /// The caller checks the task is <see cref="CallTaskStatus.Open"/> first; <paramref name="calendar"/> gives the retry day.
    /// </summary>
    public ContactStatus Record(CallOutcome outcome, string notes, string recordedBy, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        if (Status != CallTaskStatus.Open)
        {
            throw new InvalidOperationException($"Call task {Id} is closed ({Status}).");
        }

        Attempts.Add(new CallAttempt
        {
            Id = Guid.CreateVersion7(),
            CallTaskId = Id,
            Number = Attempts.Count + 1,
            Outcome = outcome,
            Notes = notes,
            RecordedBy = recordedBy,
            RecordedAt = now,
        });

        switch (outcome)
        {
            case CallOutcome.Reached:
                Close(CallTaskStatus.Reached, now);
                return ContactStatus.Delivered;
            case CallOutcome.WrongNumber:
                Close(CallTaskStatus.WrongNumber, now);
                return ContactStatus.Failed;
            case CallOutcome.Refused:
                Close(CallTaskStatus.Refused, now);
                return ContactStatus.Failed;
            case CallOutcome.NoAnswer when Attempts.Count >= MaxAttempts:
                Close(CallTaskStatus.Unreached, now);
                return ContactStatus.GivenUp;
            case CallOutcome.NoAnswer:
                DueAt = ChinaDates.At(calendar.AddWorkingDays(ChinaDates.Day(now), 1), RetryTime);
                return ContactStatus.Queued;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
        }
    }

    private void Close(CallTaskStatus status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
    }
}
