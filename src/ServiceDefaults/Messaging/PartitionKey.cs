using System.Text.Json;
using MassTransit;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// The subject a message is about, carried in a header the outbox relay sets from the message's <c>subjectId</c>, so
/// consumers can partition by it without knowing the message type.
/// </summary>
public static class PartitionKey
{
    /// <summary>The header holding the subject id (a GUID string) of a published message.</summary>
    public const string Header = "CreditPower-SubjectId";

    /// <summary>The <c>subjectId</c> of a serialised outbox message, when it has one.</summary>
    internal static Guid? FromBody(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("subjectId", out var subject)
                && subject.TryGetGuid(out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The subject of a consumed message; one without a subject gets a partition by its own id.</summary>
    internal static Guid Of(ConsumeContext context) =>
        context.Headers.Get<string>(Header) is { } value && Guid.TryParse(value, out var subject)
            ? subject
            : context.MessageId ?? Guid.Empty;
}
