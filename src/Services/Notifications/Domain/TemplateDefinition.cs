namespace CreditPower.Notifications.Domain;

/// <summary>A kind of notice: its stable code (what a provider's template is registered under), what it is for, and the placeholders it may use.</summary>
/// <param name="Code">Stable per notice kind: the SMS provider is sent this code with the parameters.</param>
/// <param name="Title">What staff read in the template editor.</param>
/// <param name="Channel">Where the text goes.</param>
/// <param name="Placeholders">The parameters the sender fills in; any other placeholder is refused.</param>
/// <param name="Seed">The first version's text.</param>
public sealed record TemplateDefinition(string Code, string Title, Channel Channel, IReadOnlyList<string> Placeholders, string Seed);
