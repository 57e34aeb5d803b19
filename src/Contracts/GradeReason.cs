namespace CreditPower.Contracts;

/// <summary>One reason behind a grade: an event and its points, a veto, or a gate.</summary>
/// <param name="Code">Stable machine code (event type, veto or gate name).</param>
/// <param name="Points">Points this reason adds (positive) or deducts (negative); 0 for vetoes and gates.</param>
/// <param name="Description">The reason in Chinese, as staff read it.</param>
public sealed record GradeReason(string Code, int Points, string Description);
