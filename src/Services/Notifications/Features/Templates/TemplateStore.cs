using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Templates;

/// <summary>The wording in force: the newest version of each template.</summary>
internal static class TemplateStore
{
    /// <summary>The newest version of each of <paramref name="codes"/>, by code.</summary>
    public static async Task<Dictionary<string, NoticeTemplate>> LatestAsync(
        this NotificationsDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var latest = await db.Templates.AsNoTracking()
            .Where(t => wanted.Contains(t.Code) && t.Version == db.Templates.Where(v => v.Code == t.Code).Max(v => v.Version))
            .ToListAsync(cancellationToken);
        var byCode = latest.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var missing = wanted.Where(code => !byCode.ContainsKey(code)).ToList();
        return missing.Count == 0
            ? byCode
            : throw new InvalidOperationException($"No version of template(s) {string.Join(", ", missing)}: the seed migration has not run.");
    }
}
