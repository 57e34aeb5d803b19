namespace CreditPower.Notifications.Domain;

/// <summary>
/// What Notifications knows of a subject's contacts, fed by SubjectProfileChanged (it never asks Grading at send time).
/// <see cref="ChangedAt"/> lets an older message arriving late be ignored.
/// </summary>
public sealed class SubjectContact
{
    public Guid SubjectId { get; init; }

    /// <summary>The USCC or resident ID number: it finds the subject of an applicant notice that came without a subject id.</summary>
    public string? Identifier { get; set; }

    public required string Name { get; set; }
    public string? Mobile { get; set; }
    public List<string> Accounts { get; set; } = [];
    public DateTimeOffset ChangedAt { get; set; }
}
