using System.Security.Claims;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Events;

public sealed record RecordEventRequest
{
    public required string EventType { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? Evidence { get; init; }
}

public sealed record RecordEventResponse(Guid EventId, CreditColour Colour, int Score, bool ColourChanged, IReadOnlyList<GradeReason> Reasons);

internal static class RecordEvent
{
    /// <summary>
    /// Records a credit event and re-evaluates the subject in the same transaction; a colour change
    /// leaves through the outbox with it.
    /// </summary>
    public static async Task<Results<Created<RecordEventResponse>, NotFound, ValidationProblem>> Handle(
        Guid subjectId, RecordEventRequest request, ClaimsPrincipal user, GradingDbContext db, SubjectGrader grader,
        GradeCache cache, ActiveRuleSet activeRules, TimeProvider clock, CancellationToken cancellationToken)
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
            return TypedResults.ValidationProblem(errors, title: "请求数据无效");
        }

        var subject = await db.Subjects.Include(s => s.Accounts).FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return TypedResults.NotFound();
        }

        var expiresAt = rule!.ExpiresAt(request.OccurredAt);
        var creditEvent = new CreditEvent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            EventType = rule.Code,
            Points = rule.Points,
            OccurredAt = request.OccurredAt,
            RecordedAt = now,
            ExpiresAt = expiresAt,
            Source = "manual",
            RuleVersion = rules.Version,
            Evidence = request.Evidence,
            RecordedBy = user.Identity?.Name ?? "unknown",
            Status = expiresAt is { } end && end <= now ? CreditEventStatus.Expired : CreditEventStatus.InForce,
        };
        db.CreditEvents.Add(creditEvent);
        db.AddToOutbox(new CreditEventRecorded
        {
            EventId = creditEvent.Id,
            SubjectId = subject.Id,
            EventType = rule.Code,
            Points = rule.Points,
            OccurredAt = creditEvent.OccurredAt,
            RecordedAt = now,
            ExpiresAt = expiresAt,
        }, clock);

        var previous = subject.Colour;
        var result = await grader.RegradeAsync(subject, previous, cause: $"event {creditEvent.Id}", upgradeAllowed: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(subject);

        return TypedResults.Created(
            $"/api/subjects/{subject.Id}/events/{creditEvent.Id}",
            new RecordEventResponse(creditEvent.Id, result.Colour, result.Score, result.Colour != previous, result.Reasons));
    }
}
