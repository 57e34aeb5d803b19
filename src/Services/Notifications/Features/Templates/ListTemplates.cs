using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Notifications.Features.Templates;

internal static class ListTemplates
{
    /// <summary>Every notice template in catalogue order, each with its current version.</summary>
    public static async Task<Ok<List<TemplateResponse>>> Handle(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.LatestAsync(TemplateCatalog.All.Select(t => t.Code), cancellationToken);
        return TypedResults.Ok(TemplateCatalog.All.Select(d => From(d, latest[d.Code])).ToList());
    }

    internal static TemplateResponse From(TemplateDefinition definition, NoticeTemplate current) => new(
        definition.Code, definition.Title, definition.Channel, definition.Placeholders, current.Version, current.Body, current.CreatedBy, current.CreatedAt);
}
