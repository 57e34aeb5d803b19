using System.Text.Json;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>What a service put into its outbox: the messages it published, as the relay will send them.</summary>
internal static class Outbox
{
    /// <summary>The <typeparamref name="T"/> messages in <paramref name="host"/>'s outbox whose <paramref name="property"/> is <paramref name="id"/>, oldest first.</summary>
    public static async Task<List<JsonElement>> OutboxAsync<T>(this IServiceHost host, string property, Guid id)
    {
        var type = typeof(T).FullName + ",";
        var about = JsonSerializer.Serialize(new Dictionary<string, Guid> { [property] = id });
        var bodies = await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.StartsWith(type) && EF.Functions.JsonContains(m.Body, about))
            .OrderBy(m => m.CreatedAt).Select(m => m.Body).ToListAsync(Api.Cancellation));
        return [.. bodies.Select(b => JsonDocument.Parse(b).RootElement.Clone())];
    }
}
