using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class SubjectProfileConfiguration : IEntityTypeConfiguration<SubjectProfile>
{
    public void Configure(EntityTypeBuilder<SubjectProfile> profile)
    {
        profile.ToTable("subject_profiles");
        profile.HasKey(p => p.Identifier);
        profile.Property(p => p.Identifier).HasMaxLength(18);
        profile.Property(p => p.SubjectKind).HasConversion<string>().HasMaxLength(20);
        profile.Property(p => p.Name).HasMaxLength(200);
    }
}
