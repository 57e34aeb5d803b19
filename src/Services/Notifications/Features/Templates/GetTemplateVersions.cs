using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Templates;

internal static class GetTemplateVersions
{
    /// <summary>Every version of one template, newest first: old wordings are kept because sent notices name them.</summary>
    public static async Task<Results<Ok<List<TemplateVersionResponse>>, NotFound>> Handle(
        string code, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (TemplateCatalog.Find(code) is null)
        {
            return TypedResults.NotFound();
        }

        var versions = await db.Templates.AsNoTracking()
            .Where(t => t.Code == code)
            .OrderByDescending(t => t.Version)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(TemplateVersionResponse.From).ToList());
    }
}
