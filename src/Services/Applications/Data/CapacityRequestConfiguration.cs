using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class CapacityRequestConfiguration : IEntityTypeConfiguration<CapacityRequest>
{
    public void Configure(EntityTypeBuilder<CapacityRequest> request)
    {
        request.ToTable("capacity_requests", table =>
        {
            table.HasCheckConstraint("ck_capacity_requests_amount_positive", """
                "Amount" > 0
                """);
            table.HasCheckConstraint("ck_capacity_requests_held_within_amount", """
                "Held" >= 0 AND "Held" <= "Amount"
                """);
        });
        request.HasKey(r => r.Id);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.RequestedBy).HasMaxLength(100);
        request.Ignore(r => r.IsOpen);
        request.HasOne<PublicCapacityPool>().WithMany().HasForeignKey(r => r.PoolId).OnDelete(DeleteBehavior.Restrict);
        request.HasOne<ConnectionApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);

        // One open request per application and pool, even when two clerks ask at the same moment.
        request.HasIndex(r => new { r.PoolId, r.ApplicationId })
            .IsUnique()
            .HasFilter($"\"Status\" <> '{nameof(CapacityRequestStatus.Ended)}'");
        request.HasIndex(r => new { r.PoolId, r.Status });
    }
}
