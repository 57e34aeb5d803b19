using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class CommitmentLetterConfiguration : IEntityTypeConfiguration<CommitmentLetter>
{
    public void Configure(EntityTypeBuilder<CommitmentLetter> letter)
    {
        letter.ToTable("commitment_letters");
        letter.HasKey(l => l.Id);
        letter.HasOne<ConnectionApplication>().WithOne().HasForeignKey<CommitmentLetter>(l => l.ApplicationId);
        letter.HasMany(l => l.Commitments).WithOne().HasForeignKey(c => c.LetterId);
        letter.HasOne<DrcBatch>().WithMany().HasForeignKey(l => l.DrcBatchId);
        letter.Property(l => l.Number).HasMaxLength(50);
        letter.Property(l => l.Identifier).HasMaxLength(18);
        letter.Property(l => l.SubjectName).HasMaxLength(200);
        letter.Property(l => l.LegalRepresentative).HasMaxLength(50);
        letter.Property(l => l.Address).HasMaxLength(300);
        letter.Property(l => l.CreatedBy).HasMaxLength(100);
        letter.Property(l => l.SignedBy).HasMaxLength(50);
        letter.Property(l => l.SigningRecordedBy).HasMaxLength(100);
        letter.Ignore(l => l.IsSigned);
        letter.HasIndex(l => l.Number).IsUnique();
        letter.HasIndex(l => new { l.Year, l.Serial }).IsUnique();
        letter.HasIndex(l => l.SignedAt);
    }
}
