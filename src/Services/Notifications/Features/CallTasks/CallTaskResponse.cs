using CreditPower.Notifications.Domain;
using Identifiers = CreditPower.ServiceDefaults.Subjects.SubjectIdentifier;

namespace CreditPower.Notifications.Features.CallTasks;

/// <summary>A call task as the work list shows it; a resident ID number masked.</summary>
public sealed record CallTaskResponse(
    Guid Id,
    Guid SubjectId,
    string SubjectName,
    string SubjectIdentifier,
    string Reason,
    string Script,
    int TemplateVersion,
    CallTaskStatus Status,
    int AttemptCount,
    int MaxAttempts,
    DateTimeOffset DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<CallAttemptResponse> Attempts)
{
    internal static CallTaskResponse From(CallTask task) => new(
        task.Id,
        task.SubjectId,
        task.SubjectName,
        Identifiers.Display(task.SubjectKind, task.SubjectIdentifier),
        task.Reason,
        task.Script,
        task.TemplateVersion,
        task.Status,
        task.Attempts.Count,
        CallTask.MaxAttempts,
        task.DueAt,
        task.CreatedAt,
        task.ClosedAt,
        [.. task.Attempts.OrderBy(a => a.Number).Select(a => new CallAttemptResponse(a.Number, a.Outcome, a.Notes, a.RecordedBy, a.RecordedAt))]);
}

public sealed record CallAttemptResponse(int Number, CallOutcome Outcome, string Notes, string RecordedBy, DateTimeOffset RecordedAt);
