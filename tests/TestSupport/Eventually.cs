using System.Text.Json;
using Xunit;

namespace CreditPower.TestSupport;

/// <summary>Waits on a condition, not a clock: polls until it holds or the time is up.</summary>
public static class Eventually
{
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="condition"/> holds; returns the value that met it.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? _defaultTimeout);
        var last = default(T);
        Exception? lastError = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                lastError = ex;
            }

            await Task.Delay(_pollInterval, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out after {(timeout ?? _defaultTimeout).TotalSeconds:0} s waiting for {what}; last seen: {lastError?.Message ?? Describe(last)}");
    }

    /// <summary>Polls an API read that may not exist yet (null) until its JSON meets <paramref name="condition"/>.</summary>
    public static async Task<JsonElement> GetAsync(
        Func<Task<JsonElement?>> probe, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null) =>
        (await GetAsync<JsonElement?>(probe, value => value is { } json && condition(json), what, timeout))!.Value;

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        GetAsync<bool>(condition, holds => holds, what, timeout);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        GetAsync<bool>(() => Task.FromResult(condition()), holds => holds, what, timeout);

    private static string Describe<T>(T? value) => value switch
    {
        null => "nothing",
        System.Collections.IEnumerable list and not string => $"[{string.Join(", ", list.Cast<object?>())}]",
        _ => value.ToString() ?? "",
    };
}
