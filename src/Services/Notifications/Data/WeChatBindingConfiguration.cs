using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class WeChatBindingConfiguration : IEntityTypeConfiguration<WeChatBinding>
{
    public void Configure(EntityTypeBuilder<WeChatBinding> binding)
    {
        binding.ToTable("wechat_bindings");
        binding.HasKey(b => b.SubjectId);
        binding.Property(b => b.OpenId).HasMaxLength(64);
        binding.Property(b => b.BoundBy).HasMaxLength(100);
        binding.HasIndex(b => b.OpenId).IsUnique();
    }
}
