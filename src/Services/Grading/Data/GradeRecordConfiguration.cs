using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class GradeRecordConfiguration : IEntityTypeConfiguration<GradeRecord>
{
    public void Configure(EntityTypeBuilder<GradeRecord> grade)
    {
        grade.ToTable("grades");
        grade.HasKey(g => g.Id);
        grade.Property(g => g.Colour).HasConversion<string>().HasMaxLength(10);
        grade.Property(g => g.RuleVersion).HasMaxLength(64);
        grade.Property(g => g.Cause).HasMaxLength(200);
        // Text, not json or jsonb: the reasons are written once and read whole, never queried inside, and only by
        // StoredReasons, which checks them as it reads. Converting each document to jsonb cost half again as much as
        // storing it (60,000 reason lists inserted: 2.2 s as jsonb, 1.4 s as json), and checking it as json was still a
        // tenth of the full re-evaluation's grade COPY (perf, bench/Reevaluation), paid on every grade it writes.
        // Codes and points without the rule version's words (StoredReasons): the bulk path writes the same form.
        grade.Property(g => g.Reasons).HasColumnType("text").HasConversion(reasons => reasons.Json, json => new StoredReasons(json));
        // No foreign key to subjects: PostgreSQL checks one per inserted row (a query and a row lock each), which a full
        // re-evaluation's million grades paid in full. Every writer of a grade updates that subject's row
        // in the same transaction (SubjectGrader, the bulk path's guarded update), and subjects are never deleted.
        grade.HasIndex(g => new { g.SubjectId, g.EffectiveAt });
    }
}
