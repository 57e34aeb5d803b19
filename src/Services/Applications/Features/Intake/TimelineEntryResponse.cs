using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Applications.Features.Intake;

/// <summary>One line of the stage timeline: who (in which role), when, which stage, due by.</summary>
public sealed record TimelineEntryResponse(
    ApplicationStage Stage, string StageName, DateTimeOffset EnteredAt, string EnteredBy, string EnteredAs,
    DateTimeOffset? DueAt, bool GreenChannel, string? Note)
{
    internal static TimelineEntryResponse From(StageEntry entry) => new(
        entry.Stage, Stages.Name(entry.Stage), entry.EnteredAt, entry.EnteredBy, Roles.DisplayName(entry.EnteredAs),
        entry.DueAt, entry.GreenChannel, entry.Note);
}
