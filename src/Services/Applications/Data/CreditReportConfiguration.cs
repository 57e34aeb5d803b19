using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class CreditReportConfiguration : IEntityTypeConfiguration<CreditReport>
{
    public void Configure(EntityTypeBuilder<CreditReport> report)
    {
        report.ToTable("credit_reports");
        report.HasKey(r => r.ApplicationId);
        report.HasOne<ConnectionApplication>().WithOne().HasForeignKey<CreditReport>(r => r.ApplicationId);
        report.Property(r => r.Number).HasMaxLength(50);
        report.Property(r => r.Issuer).HasMaxLength(100);
    }
}
