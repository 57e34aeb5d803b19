using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class ContactLogEntryConfiguration : IEntityTypeConfiguration<ContactLogEntry>
{
    public void Configure(EntityTypeBuilder<ContactLogEntry> entry)
    {
        entry.ToTable(Table);
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Channel).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Trigger).HasMaxLength(200);
        entry.Property(e => e.DedupeKey).HasMaxLength(300);
        entry.Property(e => e.TemplateCode).HasMaxLength(64);
        entry.Property(e => e.Parameters).AsJsonMap();
        entry.Property(e => e.Content).HasMaxLength(2000);
        entry.Property(e => e.Recipient).HasMaxLength(64);
        entry.Property(e => e.ProviderMessageId).HasMaxLength(100);
        entry.Property(e => e.LastError).HasMaxLength(500);
        entry.Property(e => e.Identifier).HasMaxLength(18);
        entry.HasIndex(e => e.DedupeKey).IsUnique();
        entry.HasIndex(e => new { e.SubjectId, e.CreatedAt });
        entry.HasIndex(e => e.ProviderMessageId);
        // Notices waiting for their applicant to be registered: few, found by identifier when a profile arrives.
        entry.HasIndex(e => e.Identifier).HasDatabaseName("ix_contact_log_unclaimed").HasFilter("\"Identifier\" IS NOT NULL");
        // The dispatcher's queue: only what it still has to send, in the order it falls due. Phone-call entries stay queued
        // until staff close the call task, so a filter on the status alone made every claim walk past all open calls
        // (bench/Pipeline: the claim was four in ten of PostgreSQL's active samples, growing with the calls).
        entry.HasIndex(e => e.NextAttemptAt).HasDatabaseName("ix_contact_log_due").HasFilter(DispatchQueue);
    }

    /// <summary>
    /// The entries the dispatcher still has to send: the filter of <c>ix_contact_log_due</c> and of the dispatcher's claim,
    /// one text, since PostgreSQL uses a partial index only for a query that implies its filter.
    /// </summary>
    public const string Table = "contact_log";

    public const string DispatchQueue = "\"Status\" = 'Queued' AND \"Channel\" IN ('Sms', 'WeChat')";
}
