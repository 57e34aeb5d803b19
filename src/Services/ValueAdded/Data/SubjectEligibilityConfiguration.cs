using CreditPower.ValueAdded.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.ValueAdded.Data;

internal sealed class SubjectEligibilityConfiguration : IEntityTypeConfiguration<SubjectEligibility>
{
    public void Configure(EntityTypeBuilder<SubjectEligibility> eligibility)
    {
        eligibility.ToTable("subject_eligibility");
        eligibility.HasKey(e => e.SubjectId);
        eligibility.Property(e => e.Colour).HasConversion<string>().HasMaxLength(10);
    }
}
