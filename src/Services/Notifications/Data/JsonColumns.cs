using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

/// <summary>Small values kept as jsonb beside their row: read and written whole, never queried into.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<List<T>> AsJsonList<T>(this PropertyBuilder<List<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, _json),
            json => JsonSerializer.Deserialize<List<T>>(json, _json) ?? new List<T>(),
            new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));

    public static PropertyBuilder<Dictionary<string, string>> AsJsonMap(this PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, _json),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, _json) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                v => v.Count,
                v => new Dictionary<string, string>(v)));
}
