using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>A contact log entry rendered from the template in force, keeping the version and parameters it was rendered with.</summary>
internal static class ContactEntries
{
    public static ContactLogEntry Queue(
        Guid subjectId, Channel channel, string trigger, NoticeTemplate template, Dictionary<string, string> parameters, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Channel = channel,
            Trigger = trigger,
            DedupeKey = DedupeKey(trigger, channel),
            TemplateCode = template.Code,
            TemplateVersion = template.Version,
            Parameters = parameters,
            Content = TemplateText.Render(template.Body, parameters),
            Status = ContactStatus.Queued,
            CreatedAt = now,

            // Due at once: the dispatcher takes entries in the order they fall due, so a retry due later waits its turn
            // behind new entries but not behind every one that comes after it.
            NextAttemptAt = now,
        };

    /// <summary>One notification per trigger per channel.</summary>
    public static string DedupeKey(string trigger, Channel channel) => $"{trigger}:{channel}";
}
