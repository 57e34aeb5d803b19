using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class CallAttemptConfiguration : IEntityTypeConfiguration<CallAttempt>
{
    public void Configure(EntityTypeBuilder<CallAttempt> attempt)
    {
        attempt.ToTable("call_attempts");
        attempt.HasKey(a => a.Id);
        // Attempts are added through the task's collection with their id already set: EF must insert them, not update.
        attempt.Property(a => a.Id).ValueGeneratedNever();
        attempt.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        attempt.Property(a => a.Notes).HasMaxLength(1000);
        attempt.Property(a => a.RecordedBy).HasMaxLength(100);
        attempt.HasIndex(a => new { a.CallTaskId, a.Number }).IsUnique();
    }
}
