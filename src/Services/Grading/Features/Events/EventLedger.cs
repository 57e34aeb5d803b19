using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Grading.Features.Events;

/// <summary>What every path that puts an event in force shares (approval, billing feed, import).</summary>
internal static class EventLedger
{
    /// <summary>An event whose term has already run out when it takes effect is kept for the record, as expired.</summary>
    public static CreditEventStatus StatusOnEntry(DateTimeOffset? expiresAt, DateTimeOffset now) =>
        expiresAt is { } end && end <= now ? CreditEventStatus.Expired : CreditEventStatus.InForce;

    /// <summary>Announces <paramref name="creditEvent"/> through the outbox; it leaves with the caller's commit.</summary>
    public static void AnnounceInForce(GradingDbContext db, CreditEvent creditEvent, TimeProvider clock) =>
        db.AddToOutbox(new CreditEventRecorded
        {
            EventId = creditEvent.Id,
            SubjectId = creditEvent.SubjectId,
            EventType = creditEvent.EventType,
            Points = creditEvent.Points,
            OccurredAt = creditEvent.OccurredAt,
            RecordedAt = creditEvent.RecordedAt,
            ExpiresAt = creditEvent.ExpiresAt,
        }, clock);
}
