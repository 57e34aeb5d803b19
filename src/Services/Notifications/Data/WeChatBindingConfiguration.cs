using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class WeChatBindingConfiguration : IEntityTypeConfiguration<WeChatBinding>
{
    /// <summary>One follower, one subject: binding an openid another subject holds violates this index.</summary>
    public const string OpenIdIndex = "IX_wechat_bindings_OpenId";

    public void Configure(EntityTypeBuilder<WeChatBinding> binding)
    {
        binding.ToTable("wechat_bindings");
        binding.HasKey(b => b.SubjectId);
        binding.Property(b => b.OpenId).HasMaxLength(64);
        binding.Property(b => b.BoundBy).HasMaxLength(100);
        binding.HasIndex(b => b.OpenId).IsUnique().HasDatabaseName(OpenIdIndex);
    }
}
