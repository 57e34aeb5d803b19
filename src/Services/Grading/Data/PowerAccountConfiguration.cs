using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class PowerAccountConfiguration : IEntityTypeConfiguration<PowerAccount>
{
    public void Configure(EntityTypeBuilder<PowerAccount> account)
    {
        account.ToTable("power_accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Number).HasMaxLength(13);
        account.HasIndex(a => a.Number).IsUnique();
    }
}
