namespace CreditPower.ServiceDefaults.Caching;

/// <summary>
/// A process's copy of something the database holds and rarely changes (the rule set in force, the notice templates in
/// force): read once, then served from memory until <see cref="Invalidate"/> (a change made by this process) or until
/// <see cref="RefreshAfter"/> has passed, so another replica's change is followed within that time.
/// </summary>
public sealed class RefreshedCopy<T>(TimeProvider clock) where T : class
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private volatile Cached? _current;
    private int _generation;

    /// <summary>The copy, or a fresh one from <paramref name="load"/> when there is none or it is older than <see cref="RefreshAfter"/>.</summary>
    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_current is { } cached && now - cached.LoadedAt < RefreshAfter)
        {
            return cached.Value;
        }

        // A read that began before a change and ends after its Invalidate must not put the old value back.
        var generation = Volatile.Read(ref _generation);
        var value = await load(cancellationToken);
        if (Volatile.Read(ref _generation) == generation)
        {
            _current = new Cached(value, now);
        }

        return value;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    private sealed record Cached(T Value, DateTimeOffset LoadedAt);
}
