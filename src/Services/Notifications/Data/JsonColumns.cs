using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

/// <summary>Small collections stored as jsonb, compared by content so an edit in place is saved.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<Dictionary<string, string>> AsJsonb(this PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, _json),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, _json) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Count,
                d => new Dictionary<string, string>(d)));

    public static PropertyBuilder<List<string>> AsJsonb(this PropertyBuilder<List<string>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, _json),
            json => JsonSerializer.Deserialize<List<string>>(json, _json) ?? new List<string>(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), l => l.Count, l => l.ToList()));
}
