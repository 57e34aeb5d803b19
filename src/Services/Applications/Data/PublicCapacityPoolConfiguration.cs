using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class PublicCapacityPoolConfiguration : IEntityTypeConfiguration<PublicCapacityPool>
{
    public void Configure(EntityTypeBuilder<PublicCapacityPool> pool)
    {
        // The last line of defence: even a writer that skipped the pool's row lock cannot over-allocate.
        pool.ToTable("capacity_pools", table =>
        {
            table.HasCheckConstraint("ck_capacity_pools_allocated_within_total", """
                "Allocated" >= 0 AND "Allocated" <= "Total"
                """);
        });
        pool.HasKey(p => p.Id);
        pool.Property(p => p.Name).HasMaxLength(100);
        pool.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        pool.Property(p => p.CreatedBy).HasMaxLength(100);
        pool.Ignore(p => p.Free);
        pool.HasIndex(p => p.Name).IsUnique();
    }
}
