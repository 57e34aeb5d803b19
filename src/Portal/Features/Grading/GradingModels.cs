namespace CreditPower.Portal.Features.Grading;

// The Grading API's answers as the portal reads them. Enums travel as camelCase strings and stay strings
// here: the portal shows them, it never decides on them.

public sealed record GradeReasonView(string Code, int Points, string Description);

public sealed record SubjectView(
    Guid Id, string Kind, string Identifier, string Name, IReadOnlyList<string> Accounts,
    string Colour, int Score, string RuleVersion, DateTimeOffset GradedAt);

public sealed record GradeView(Guid SubjectId, string Colour, int Score, string RuleVersion, DateTimeOffset EffectiveAt, IReadOnlyList<GradeReasonView> Reasons);

public sealed record GradeLookupView(Guid SubjectId, string Kind, string Identifier, string Name, string Colour, int Score, string RuleVersion, DateTimeOffset GradedAt);

public sealed record ColourCountView(string Colour, int Count);

public sealed record GradeDistributionView(int Total, IReadOnlyList<ColourCountView> Colours);

public sealed record RecordEventView(Guid EventId, string Status, string RecordedBy);

public sealed record SubjectSearchItemView(Guid Id, string Kind, string Identifier, string Name, string Colour, string ColourName, int Score);

public sealed record SubjectSearchView(int Page, int PageSize, int Total, IReadOnlyList<SubjectSearchItemView> Items);

public sealed record ExplanationView(Guid SubjectId, string Colour, string ColourName, int Score, string CustomerSummary);
