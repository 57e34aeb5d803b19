namespace CreditPower.Notifications.Domain;

/// <summary>One numbered section of a notice letter, as rendered when the letter was issued, with the template version it came from.</summary>
public sealed record LetterParagraph(string Heading, string Text, string TemplateCode, int TemplateVersion);
