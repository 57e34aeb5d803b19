namespace CreditPower.Portal.Features.Grading;

public sealed record PendingEventView(
    Guid EventId, Guid SubjectId, string SubjectName, string Identifier, string EventType, string EventTypeName, int Points,
    DateTimeOffset OccurredAt, string? Evidence, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ApproveEventView(Guid EventId, string Status, string Colour, int Score, bool ColourChanged, IReadOnlyList<GradeReasonView> Reasons);
