using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class SubjectColourConfiguration : IEntityTypeConfiguration<SubjectColour>
{
    public void Configure(EntityTypeBuilder<SubjectColour> colour)
    {
        colour.ToTable("subject_colours");
        colour.HasKey(c => c.Identifier);
        colour.Property(c => c.Identifier).HasMaxLength(18);
        colour.Property(c => c.Colour).HasConversion<string>().HasMaxLength(10);
    }
}
