using System.Text.Json;
using System.Text.Json.Serialization;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<RuleSetVersion> ruleSet)
    {
        ruleSet.ToTable("rule_sets");
        ruleSet.HasKey(r => r.Version);
        ruleSet.Property(r => r.Version).HasMaxLength(64);
        ruleSet.Property(r => r.Title).HasMaxLength(200);
        ruleSet.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        ruleSet.Property(r => r.DraftedBy).HasMaxLength(100);
        ruleSet.Property(r => r.ApprovedBy).HasMaxLength(100);
        ruleSet.Property(r => r.Definition).HasColumnType("jsonb").HasConversion(
            definition => JsonSerializer.Serialize(definition, Json),
            json => JsonSerializer.Deserialize<RuleSetDefinition>(json, Json)!);

        // At most one active version.
        ruleSet.HasIndex(r => r.Status).IsUnique().HasFilter("\"Status\" = 'Active'");
    }
}
