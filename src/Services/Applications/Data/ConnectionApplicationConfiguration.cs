using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class ConnectionApplicationConfiguration : IEntityTypeConfiguration<ConnectionApplication>
{
    public void Configure(EntityTypeBuilder<ConnectionApplication> application)
    {
        application.ToTable("applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Identifier).HasMaxLength(18);
        application.Property(a => a.ApplicantName).HasMaxLength(200);
        application.Property(a => a.Address).HasMaxLength(300);
        application.Property(a => a.SubmittedBy).HasMaxLength(100);
        application.Property(a => a.SubjectKind).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.Stage).HasConversion<string>().HasMaxLength(30);
        application.OwnsOne(a => a.PropertyProof, proof =>
        {
            proof.Property(p => p.DocumentType).HasColumnName("property_document_type").HasMaxLength(50);
            proof.Property(p => p.DocumentNumber).HasColumnName("property_document_number").HasMaxLength(100);
        });
        application.HasMany(a => a.Timeline).WithOne().HasForeignKey(e => e.ApplicationId);
        application.Ignore(a => a.IsOpen);
        application.Ignore(a => a.CreditPath);
        application.HasIndex(a => a.Identifier);
        application.HasIndex(a => new { a.GreenChannel, a.SubmittedAt });
    }
}
