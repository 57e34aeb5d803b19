using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.ToTable("commitments");
        commitment.HasKey(c => c.Id);
        commitment.Property(c => c.Identifier).HasMaxLength(18);
        commitment.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        commitment.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        commitment.Property(c => c.Promise).HasMaxLength(300);
        commitment.Property(c => c.VerifiedBy).HasMaxLength(100);
        commitment.Property(c => c.VerificationNote).HasMaxLength(500);
        commitment.HasIndex(c => new { c.Identifier, c.State });
        commitment.HasIndex(c => new { c.State, c.Deadline });
    }
}
