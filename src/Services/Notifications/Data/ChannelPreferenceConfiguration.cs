using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class ChannelPreferenceConfiguration : IEntityTypeConfiguration<ChannelPreference>
{
    public void Configure(EntityTypeBuilder<ChannelPreference> preference)
    {
        preference.ToTable("channel_preferences");
        preference.HasKey(p => p.SubjectId);
        preference.Property(p => p.UpdatedBy).HasMaxLength(100);
    }
}
