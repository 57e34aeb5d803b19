using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class LetterSequenceConfiguration : IEntityTypeConfiguration<LetterSequence>
{
    public void Configure(EntityTypeBuilder<LetterSequence> sequence)
    {
        sequence.ToTable("letter_sequences");
        sequence.HasKey(s => s.Year);
        sequence.Property(s => s.Year).HasColumnName("year").ValueGeneratedNever();
        sequence.Property(s => s.LastSerial).HasColumnName("last_serial");
    }
}
