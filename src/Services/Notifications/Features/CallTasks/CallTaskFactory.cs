using CreditPower.Contracts;
using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.CallTasks;

/// <summary>The call task a downgrade to yellow asks for, due at once, its script the one its contact log entry records.</summary>
internal static class CallTaskFactory
{
    private const int MaxReasonLength = 1000;

    public static CallTask Open(CreditGradeChanged change, string trigger, ContactLogEntry entry, DateTimeOffset now)
    {
        var reasons = GradeNotices.NamedReasons(change.Reasons);
        var reason = $"信用等级降为{GradeNotices.ColourName(change.NewColour)}（{change.Score} 分）："
            + (reasons.Count == 0 ? "信用评分下降" : string.Join("；", reasons));
        return new CallTask
        {
            Id = Guid.CreateVersion7(),
            SubjectId = change.SubjectId,
            SubjectName = change.Name,
            SubjectKind = change.SubjectKind,
            SubjectIdentifier = change.Identifier,
            Trigger = trigger,
            Reason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength],
            Script = entry.Content,
            TemplateVersion = entry.TemplateVersion,
            ContactLogEntryId = entry.Id,
            DueAt = now,
            CreatedAt = now,
        };
    }
}
