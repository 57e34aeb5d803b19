using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<ContactLogEntry> ContactLog => Set<ContactLogEntry>();
    public DbSet<SubjectContact> SubjectContacts => Set<SubjectContact>();
    public DbSet<WeChatBinding> WeChatBindings => Set<WeChatBinding>();
    public DbSet<ChannelPreference> ChannelPreferences => Set<ChannelPreference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
