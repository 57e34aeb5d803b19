using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class CallTaskConfiguration : IEntityTypeConfiguration<CallTask>
{
    public void Configure(EntityTypeBuilder<CallTask> task)
    {
        task.ToTable("call_tasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.SubjectName).HasMaxLength(200);
        task.Property(t => t.SubjectKind).HasConversion<string>().HasMaxLength(20);
        task.Property(t => t.SubjectIdentifier).HasMaxLength(18);
        task.Property(t => t.Trigger).HasMaxLength(200);
        task.Property(t => t.Reason).HasMaxLength(1000);
        task.Property(t => t.Script).HasMaxLength(2000);
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        task.HasIndex(t => t.Trigger).IsUnique();
        // The work list: open tasks by due time.
        task.HasIndex(t => new { t.Status, t.DueAt });
        task.HasIndex(t => t.SubjectId);
        task.HasMany(t => t.Attempts).WithOne().HasForeignKey(a => a.CallTaskId);
        task.Navigation(t => t.Attempts).AutoInclude(false);
    }
}
