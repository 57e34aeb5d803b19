using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.Templates;

/// <summary>
/// The newest version of every template, as the notice pipeline words its notices, kept in memory: a full
/// re-evaluation turns into hundreds of thousands of grade changes, and each one read the same few rows (a query per
/// notice, an eighth of Notifications' CPU in bench/Pipeline). A save on this replica takes effect at once
/// (<see cref="Invalidate"/>); another replica reads it within <see cref="RefreshAfter"/>, as Grading's active rule set.
/// </summary>
internal sealed class TemplatesInForce(TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private volatile Cached? _current;
    private int _generation;

    /// <summary>The newest version of each template in the catalogue, by code.</summary>
    public async Task<IReadOnlyDictionary<string, NoticeTemplate>> GetAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_current is { } cached && now - cached.LoadedAt < RefreshAfter)
        {
            return cached.Templates;
        }

        // A read that began before a save and ends after its Invalidate must not put the old wording back.
        var generation = Volatile.Read(ref _generation);
        var templates = await db.LatestAsync(TemplateCatalog.All.Select(t => t.Code), cancellationToken);
        if (Volatile.Read(ref _generation) == generation)
        {
            _current = new Cached(templates, now);
        }

        return templates;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    private sealed record Cached(IReadOnlyDictionary<string, NoticeTemplate> Templates, DateTimeOffset LoadedAt);
}
