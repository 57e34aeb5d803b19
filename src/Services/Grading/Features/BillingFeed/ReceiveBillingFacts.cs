using System.Text.RegularExpressions;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Events;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.BillingFeed;

internal static partial class ReceiveBillingFacts
{
    public const int MaxFactsPerBatch = 1000;

    /// <summary>A full batch with long ids stays well under this; the service-wide 256 KB would not.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private const string RecordedBy = "billing-feed";

    /// <summary>
    /// Takes a batch of bill facts from the upstream billing system: idempotent by (source, externalId), in force at
    /// once, the whole batch in one transaction, each touched subject re-graded once.
    /// </summary>
    public static async Task<Results<Ok<BillingFactsResponse>, ValidationProblem>> Handle(
        BillingFactsRequest request, GradingDbContext db, SubjectGrader grader, GradeCache cache, ActiveRuleSet activeRules,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = Validate(request.Facts, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle, detail: "批次中有格式错误的数据，整批未入账。");
        }

        var facts = request.Facts.Select(Normalize).ToList();
        var rules = await activeRules.GetAsync(cancellationToken);
        IReadOnlyCollection<Subject> touched = [];
        var strategy = db.Database.CreateExecutionStrategy();
        var results = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await BillingBatch.LoadAsync(db, facts, cancellationToken);
            var results = new List<BillingFactResult>(facts.Count);
            for (var i = 0; i < facts.Count; i++)
            {
                results.Add(Apply(i, facts[i], batch, db, rules, now, clock));
            }

            // Re-graded from the ledgers the batch read and added to: the facts and the grades are saved together.
            await grader.RegradeAsync(batch.TouchedLedgers(), cause: "billing feed", upgradeAllowed: false, cancellationToken);
            touched = batch.TouchedSubjects;

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return results;
        });

        await cache.InvalidateAsync(touched);

        return TypedResults.Ok(new BillingFactsResponse(
            results.Count,
            results.Count(r => r.Status == "created"),
            results.Count(r => r.Status == "accepted"),
            results.Count(r => r.Status == "duplicate"),
            results.Count(r => r.Status == "rejected"),
            results));
    }

    private static BillingFactResult Apply(int index, BillingFact fact, BillingBatch batch, GradingDbContext db, RuleSet rules, DateTimeOffset now, TimeProvider clock)
    {
        BillingFactResult Result(string status, IReadOnlyList<Guid>? ids = null, string? reason = null) =>
            new(index, fact.Source, fact.ExternalId, status, ids ?? [], reason);

        if (!batch.Seen.Add((fact.Source, fact.ExternalId)))
        {
            return Result("duplicate", reason: "同一来源和外部编号的数据已经入账。");
        }

        if (!batch.SubjectByAccount.TryGetValue(fact.AccountNumber, out var subject))
        {
            return Result("rejected", reason: $"户号“{fact.AccountNumber}”未在信用档案中登记。");
        }

        var billKey = (fact.Source, fact.AccountNumber, LatePayment.BillEvidence(fact.BillId));
        switch (fact.Kind)
        {
            case BillingFactKinds.Overdue:
                if (LatePayment.OverdueFrom(fact.DueDate) > now)
                {
                    return Result("rejected", reason: "账单尚未逾期（到期日为今天或以后），不能登记欠费。");
                }

                if (batch.OpenArrears.ContainsKey(billKey))
                {
                    return Result("duplicate", reason: "该账单已有未结清的欠费记录。");
                }

                var arrears = NewEvent(fact, subject.Id, LatePayment.ArrearsOutstanding, LatePayment.OverdueFrom(fact.DueDate), rules, now);
                arrears.ExpiresAt = null;
                arrears.Status = CreditEventStatus.InForce;
                db.CreditEvents.Add(arrears);
                batch.Add(arrears);
                EventLedger.AnnounceInForce(db, arrears, clock);
                batch.OpenArrears[billKey] = arrears;
                batch.TouchedSubjects.Add(subject);
                return Result("created", [arrears.Id]);

            case BillingFactKinds.Paid:
                var paidAt = fact.PaidAt!.Value.ToUniversalTime();
                List<Guid> ids = [];
                if (batch.OpenArrears.Remove(billKey, out var open))
                {
                    open.ResolvedAt = paidAt;
                    open.ExpiresAt = paidAt.AddMonths(LatePayment.ArrearsMonthsAfterPayment);
                    if (open.Status == CreditEventStatus.InForce)
                    {
                        open.Status = EventLedger.StatusOnEntry(open.ExpiresAt, now);
                    }

                    ids.Add(open.Id);
                }

                if (LatePayment.EventTypeFor(LatePayment.DaysLate(fact.DueDate, paidAt)) is { } lateType)
                {
                    var late = NewEvent(fact, subject.Id, lateType, paidAt, rules, now);
                    db.CreditEvents.Add(late);
                    batch.Add(late);
                    if (late.Status == CreditEventStatus.InForce)
                    {
                        EventLedger.AnnounceInForce(db, late, clock);
                    }

                    ids.Add(late.Id);
                }

                if (ids.Count == 0)
                {
                    return Result("accepted", reason: "按期缴清，不产生信用事件。");
                }

                batch.TouchedSubjects.Add(subject);
                return Result("created", ids);

            default:
                return Result("accepted", reason: "账单已出账，不产生信用事件。");
        }
    }

    private static CreditEvent NewEvent(BillingFact fact, Guid subjectId, string eventType, DateTimeOffset occurredAt, RuleSet rules, DateTimeOffset now)
    {
        // A rule set without this type would be a broken activation; failing the batch is safer than guessing points.
        var rule = rules.Find(eventType) ?? throw new InvalidOperationException($"The active rule set {rules.Version} has no event type {eventType}.");
        occurredAt = occurredAt.ToUniversalTime();
        var expiresAt = rule.ExpiresAt(occurredAt);
        return new CreditEvent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            EventType = rule.Code,
            Points = rule.Points,
            OccurredAt = occurredAt,
            RecordedAt = now,
            ExpiresAt = expiresAt,
            Source = fact.Source,
            ExternalId = fact.ExternalId,
            AccountNumber = fact.AccountNumber,
            RuleVersion = rules.Version,
            Evidence = LatePayment.BillEvidence(fact.BillId),
            RecordedBy = RecordedBy,
            Status = EventLedger.StatusOnEntry(expiresAt, now),
            ApprovedAt = now,
        };
    }

    private static BillingFact Normalize(BillingFact fact) => fact with
    {
        Source = fact.Source.Trim(),
        ExternalId = fact.ExternalId.Trim(),
        AccountNumber = fact.AccountNumber.Trim(),
        BillId = fact.BillId.Trim(),
    };

    private static Dictionary<string, string[]> Validate(IReadOnlyList<BillingFact>? facts, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (facts is null || facts.Count is 0 or > MaxFactsPerBatch)
        {
            errors["facts"] = [$"每批应有 1–{MaxFactsPerBatch} 条数据。"];
            return errors;
        }

        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            if (fact is null)
            {
                errors[$"facts[{i}]"] = ["数据不能为空。"];
                continue;
            }

            void Error(string field, string reason) => errors[$"facts[{i}].{field}"] = [reason];
            var source = fact.Source?.Trim() ?? "";
            if (!SourcePattern().IsMatch(source) || LedgerSources.IsReserved(source))
            {
                Error("source", "来源应为 1–32 位小写字母、数字或连字符，且不能是 manual、import。");
            }

            if (string.IsNullOrWhiteSpace(fact.ExternalId) || fact.ExternalId.Trim().Length > 100)
            {
                Error("externalId", "外部编号不能为空，且不超过 100 个字符。");
            }

            if (!AccountPattern().IsMatch(fact.AccountNumber?.Trim() ?? ""))
            {
                Error("accountNumber", "户号应为 10–13 位数字。");
            }

            if (!BillingFactKinds.IsKnown(fact.Kind))
            {
                Error("kind", $"未知的账单数据类型“{fact.Kind}”，应为 billIssued、billPaid 或 billOverdue。");
            }

            if (string.IsNullOrWhiteSpace(fact.BillId) || fact.BillId.Trim().Length > 64)
            {
                Error("billId", "账单编号不能为空，且不超过 64 个字符。");
            }

            if (fact.Amount < 0)
            {
                Error("amount", "金额不能为负数。");
            }

            if (fact.Kind == BillingFactKinds.Paid && fact.PaidAt is null)
            {
                Error("paidAt", "缴费数据（billPaid）必须填写缴费时间。");
            }
            else if (fact.PaidAt > now)
            {
                Error("paidAt", "缴费时间不能晚于当前时间。");
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex SourcePattern();

    [GeneratedRegex("^[0-9]{10,13}$")]
    private static partial Regex AccountPattern();
}
