using System.Text.Json;

namespace CreditPower.EndToEnd;

/// <summary>Waits on a condition, not a clock: polls until it holds or the time is up.</summary>
internal static class Eventually
{
    public static async Task<JsonElement> GetAsync(Func<Task<JsonElement?>> probe, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonElement? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = await probe();
            if (last is { } value && condition(value))
            {
                return value;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last seen: {last}");
    }
}
