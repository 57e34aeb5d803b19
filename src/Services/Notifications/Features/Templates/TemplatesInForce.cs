using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Caching;

namespace CreditPower.Notifications.Features.Templates;

/// <summary>
/// The newest version of every template, as the notice pipeline words its notices, kept in memory
/// (<see cref="RefreshedCopy{T}"/>): a full re-evaluation turns into hundreds of thousands of grade changes, and each
/// one read the same few rows (a query per notice, an eighth of Notifications' CPU in bench/Pipeline). A save on this
/// replica takes effect at once (<see cref="Invalidate"/>), one on another replica within
/// <see cref="RefreshedCopy{T}.RefreshAfter"/>.
/// </summary>
internal sealed class TemplatesInForce(TimeProvider clock)
{
    private readonly RefreshedCopy<IReadOnlyDictionary<string, NoticeTemplate>> _copy = new(clock);

    /// <summary>The newest version of each template in the catalogue, by code.</summary>
    public Task<IReadOnlyDictionary<string, NoticeTemplate>> GetAsync(NotificationsDbContext db, CancellationToken cancellationToken) =>
        _copy.GetAsync(async ct => await db.LatestAsync(TemplateCatalog.All.Select(t => t.Code), ct), cancellationToken);

    public void Invalidate() => _copy.Invalidate();
}
