using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Events;

public sealed record RecordEventRequest
{
    public required string EventType { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? Evidence { get; init; }
}

public sealed record RecordEventResponse(
    Guid EventId, Guid SubjectId, string EventType, int Points, DateTimeOffset OccurredAt, DateTimeOffset? ExpiresAt,
    CreditEventStatus Status, string RecordedBy);

internal static class RecordEvent
{
    /// <summary>
    /// Records a manual credit event as waiting for a second officer (DOMAIN.md §3, four-eyes): it neither counts
    /// nor changes the grade until <see cref="ApproveEvent"/> puts it in force.
    /// </summary>
    public static async Task<Results<Created<RecordEventResponse>, NotFound, ValidationProblem>> Handle(
        Guid subjectId, RecordEventRequest request, ClaimsPrincipal user, GradingDbContext db, ActiveRuleSet activeRules,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rules = await activeRules.GetAsync(cancellationToken);
        var rule = rules.Find(request.EventType ?? "");
        var errors = new Dictionary<string, string[]>();
        if (rule is null)
        {
            errors["eventType"] = [$"未知的信用事件类型“{request.EventType}”。"];
        }

        if (request.OccurredAt > now)
        {
            errors["occurredAt"] = ["发生时间不能晚于当前时间。"];
        }

        if (request.Evidence is { Length: > 500 })
        {
            errors["evidence"] = ["证据说明不超过 500 个字符。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        if (!await db.Subjects.AnyAsync(s => s.Id == subjectId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // PostgreSQL keeps instants in UTC; the offset a client sent is presentation, not data.
        var occurredAt = request.OccurredAt.ToUniversalTime();
        var creditEvent = new CreditEvent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            EventType = rule!.Code,
            Points = rule.Points,
            OccurredAt = occurredAt,
            RecordedAt = now,
            ExpiresAt = rule.ExpiresAt(occurredAt),
            Source = LedgerSources.Manual,
            RuleVersion = rules.Version,
            Evidence = request.Evidence,
            RecordedBy = user.Identity?.Name ?? "unknown",
            Status = CreditEventStatus.PendingApproval,
        };
        db.CreditEvents.Add(creditEvent);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created(
            $"/api/events/{creditEvent.Id}",
            new RecordEventResponse(creditEvent.Id, subjectId, creditEvent.EventType, creditEvent.Points, creditEvent.OccurredAt,
                creditEvent.ExpiresAt, creditEvent.Status, creditEvent.RecordedBy));
    }
}
