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
    public DbSet<NoticeTemplate> Templates => Set<NoticeTemplate>();
    public DbSet<CallTask> CallTasks => Set<CallTask>();
    public DbSet<CallAttempt> CallAttempts => Set<CallAttempt>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<LetterSequence> LetterSequences => Set<LetterSequence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
