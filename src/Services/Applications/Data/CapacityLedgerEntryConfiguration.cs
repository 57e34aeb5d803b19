using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class CapacityLedgerEntryConfiguration : IEntityTypeConfiguration<CapacityLedgerEntry>
{
    public void Configure(EntityTypeBuilder<CapacityLedgerEntry> entry)
    {
        entry.ToTable("capacity_ledger", table =>
        {
            table.HasCheckConstraint("ck_capacity_ledger_amount_positive", """
                "Amount" > 0
                """);
        });
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Reason).HasMaxLength(200);
        entry.Property(e => e.By).HasMaxLength(100);
        entry.HasOne<PublicCapacityPool>().WithMany().HasForeignKey(e => e.PoolId).OnDelete(DeleteBehavior.Restrict);
        entry.HasIndex(e => new { e.PoolId, e.Id });
        entry.HasIndex(e => e.ApplicationId);
    }
}
