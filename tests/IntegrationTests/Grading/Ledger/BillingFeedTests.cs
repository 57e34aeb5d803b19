using System.Net;
using System.Net.Http.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Grading.Ledger;

/// <summary>
/// The upstream billing feed (DOMAIN.md §3, §4): its own key, idempotent by source + external id, facts in force at
/// once, overdue bills as open arrears that payment resolves, and a malformed batch stores nothing.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class BillingFeedTests(ServicesFixture services)
{
    private const string Path = "/api/billing/facts";
    private static readonly DateOnly _today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task The_same_fact_sent_twice_is_one_event()
    {
        var (subjectId, _, account) = await services.RegisterWithAccountAsync();
        using var feed = services.BillingFeedClient(services.BillingFeedKey());
        var fact = Paid(account, "B-1", dueDaysAgo: 30, paidDaysAgo: 10);

        var first = await feed.PostJsonAsync(Path, new { facts = new[] { fact } }, HttpStatusCode.OK);
        var second = await feed.PostJsonAsync(Path, new { facts = new[] { fact } }, HttpStatusCode.OK);

        Assert.Equal(["created"], LedgerSteps.Statuses(first));
        Assert.Equal(["duplicate"], LedgerSteps.Statuses(second));
        var stored = Assert.Single(await services.EventsOfAsync(subjectId));
        Assert.Equal(("late-payment-16-30", CreditEventStatus.InForce, "marketing"), (stored.EventType, stored.Status, stored.Source));
        Assert.Equal(("blue", 96), await services.GradeOfAsync(subjectId));
    }

    [Fact]
    public async Task A_resent_batch_reports_every_fact_as_a_duplicate_and_changes_nothing()
    {
        var (subjectId, _, account) = await services.RegisterWithAccountAsync();
        var (otherId, _, otherAccount) = await services.RegisterWithAccountAsync();
        using var feed = services.BillingFeedClient(services.BillingFeedKey());
        var batch = new
        {
            facts = new object[]
            {
                Paid(account, "B-1", dueDaysAgo: 20, paidDaysAgo: 15),
                Paid(account, "B-2", dueDaysAgo: 60, paidDaysAgo: 5),
                Overdue(otherAccount, "B-3", dueDaysAgo: 10),
            },
        };

        var first = await feed.PostJsonAsync(Path, batch, HttpStatusCode.OK);
        var gradesAfterFirst = (await services.GradeOfAsync(subjectId), await services.GradeOfAsync(otherId));
        var again = await feed.PostJsonAsync(Path, batch, HttpStatusCode.OK);

        Assert.Equal(["created", "created", "created"], LedgerSteps.Statuses(first));
        Assert.Equal(["duplicate", "duplicate", "duplicate"], LedgerSteps.Statuses(again));
        Assert.Equal(3, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(["late-payment-1-15", "late-payment-over-30"], (await services.EventsOfAsync(subjectId)).Select(e => e.EventType).Order());
        Assert.Equal("arrears-outstanding", Assert.Single(await services.EventsOfAsync(otherId)).EventType);
        Assert.Equal((("blue", 90), ("blue", 90)), gradesAfterFirst);
        Assert.Equal(gradesAfterFirst, (await services.GradeOfAsync(subjectId), await services.GradeOfAsync(otherId)));
    }

    [Fact]
    public async Task An_overdue_bill_is_open_arrears_until_paid_then_stays_three_months_beside_the_late_payment()
    {
        var (subjectId, _, account) = await services.RegisterWithAccountAsync();
        using var feed = services.BillingFeedClient(services.BillingFeedKey());

        await feed.PostJsonAsync(Path, new { facts = new[] { Overdue(account, "B-9", dueDaysAgo: 45) } }, HttpStatusCode.OK);
        var open = Assert.Single(await services.EventsOfAsync(subjectId));
        Assert.Equal(("arrears-outstanding", (DateTimeOffset?)null, (DateTimeOffset?)null), (open.EventType, open.ExpiresAt, open.ResolvedAt));
        Assert.Equal(("blue", 90), await services.GradeOfAsync(subjectId));

        var paid = Paid(account, "B-9", dueDaysAgo: 45, paidDaysAgo: 2);
        var report = await feed.PostJsonAsync(Path, new { facts = new[] { paid } }, HttpStatusCode.OK);

        Assert.Equal(["created"], LedgerSteps.Statuses(report));
        var events = await services.EventsOfAsync(subjectId);
        var arrears = Assert.Single(events, e => e.EventType == "arrears-outstanding");
        Assert.Equal(paid.PaidAt, arrears.ResolvedAt);
        Assert.Equal(paid.PaidAt!.Value.AddMonths(3), arrears.ExpiresAt);
        Assert.Equal(CreditEventStatus.InForce, arrears.Status);
        Assert.Single(events, e => e.EventType == "late-payment-over-30" && e.Status == CreditEventStatus.InForce);
        Assert.Equal(("blue", 82), await services.GradeOfAsync(subjectId));
    }

    [Fact]
    public async Task A_bill_reported_overdue_and_paid_in_one_batch_is_graded_as_if_sent_one_after_the_other()
    {
        // The batch re-grades from the ledger it read and added to before anything is saved: the arrears it records is
        // resolved by the payment after it, and both count as the two requests of the test above count them.
        var (subjectId, _, account) = await services.RegisterWithAccountAsync();
        using var feed = services.BillingFeedClient(services.BillingFeedKey());
        var paid = Paid(account, "B-7", dueDaysAgo: 45, paidDaysAgo: 2);

        var report = await feed.PostJsonAsync(Path, new { facts = new[] { Overdue(account, "B-7", dueDaysAgo: 45), paid } }, HttpStatusCode.OK);

        Assert.Equal(["created", "created"], LedgerSteps.Statuses(report));
        var events = await services.EventsOfAsync(subjectId);
        var arrears = Assert.Single(events, e => e.EventType == "arrears-outstanding");
        Assert.Equal((paid.PaidAt, paid.PaidAt!.Value.AddMonths(3), CreditEventStatus.InForce), (arrears.ResolvedAt, arrears.ExpiresAt, arrears.Status));
        Assert.Single(events, e => e.EventType == "late-payment-over-30" && e.Status == CreditEventStatus.InForce);
        Assert.Equal(("blue", 82), await services.GradeOfAsync(subjectId));
    }

    [Fact]
    public async Task Unknown_accounts_are_rejected_and_issued_bills_accepted_without_an_event()
    {
        var (subjectId, _, account) = await services.RegisterWithAccountAsync();
        using var feed = services.BillingFeedClient(services.BillingFeedKey());

        var report = await feed.PostJsonAsync(Path, new
        {
            facts = new object[]
            {
                Issued(account, "B-20"),
                Paid("9999999999999", "B-21", dueDaysAgo: 20, paidDaysAgo: 1),
                Paid(account, "B-22", dueDaysAgo: 10, paidDaysAgo: 12),
            },
        }, HttpStatusCode.OK);

        Assert.Equal(["accepted", "rejected", "accepted"], LedgerSteps.Statuses(report));
        Assert.Contains("9999999999999", report.GetProperty("results")[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await services.EventsOfAsync(subjectId));
    }

    [Theory]
    [InlineData("a due date that is not a date", """{"kind":"billPaid","dueDate":"2026-02-30","paidAt":"2026-01-01T00:00:00+08:00"}""", "facts[1].dueDate")]
    [InlineData("an unknown kind", """{"kind":"billForgiven","dueDate":"2026-01-01"}""", "facts[1].kind")]
    [InlineData("a payment without its time", """{"kind":"billPaid","dueDate":"2026-01-01"}""", "facts[1].paidAt")]
    public async Task A_malformed_fact_answers_400_naming_it_and_stores_nothing_of_the_batch(string why, string second, string field)
    {
        var (subjectId, _, account) = await services.RegisterWithAccountAsync();
        using var feed = services.BillingFeedClient(services.BillingFeedKey());
        var good = $$"""{"source":"marketing","externalId":"{{Guid.NewGuid()}}","accountNumber":"{{account}}","kind":"billOverdue","billId":"B-1","dueDate":"{{_today.AddDays(-40):yyyy-MM-dd}}","amount":100}""";
        var bad = $$"""{"source":"marketing","externalId":"{{Guid.NewGuid()}}","accountNumber":"{{account}}","billId":"B-2","amount":100,""" + second[1..];

        using var response = await feed.PostAsync(Path, Api.RawJson($$"""{"facts":[{{good}},{{bad}}]}"""), Api.Cancellation);

        await Api.AssertFieldErrorAsync(response, field);
        Assert.True(await services.EventsOfAsync(subjectId) is [], why);
        Assert.Equal(("blue", 100), await services.GradeOfAsync(subjectId));
    }

    [Fact]
    public async Task The_feed_takes_only_its_own_key()
    {
        var (subjectId, _, account) = await services.RegisterWithAccountAsync();
        var body = new { facts = new[] { Overdue(account, "B-1", dueDaysAgo: 40) } };
        using var noKey = services.BillingFeedClient(null);
        using var wrongKey = services.BillingFeedClient(services.BillingFeedKey() + "x");
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer, Roles.Admin);

        using var withoutKey = await noKey.PostAsJsonAsync(Path, body, Api.Cancellation);
        using var withWrongKey = await wrongKey.PostAsJsonAsync(Path, body, Api.Cancellation);
        using var withStaffToken = await staff.PostAsJsonAsync(Path, body, Api.Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongKey.StatusCode);
        // The feed's scheme knows no staff token: not signed in as far as it goes, so 401 (SecurityTests checks every such route).
        Assert.Equal(HttpStatusCode.Unauthorized, withStaffToken.StatusCode);
        Assert.Empty(await services.EventsOfAsync(subjectId));

        // The control: the right key is let in, so the refusals above are about the credential.
        using var feed = services.BillingFeedClient(services.BillingFeedKey());
        await feed.PostJsonAsync(Path, body, HttpStatusCode.OK);
        Assert.Single(await services.EventsOfAsync(subjectId));
    }

    private static Fact Paid(string account, string billId, int dueDaysAgo, int paidDaysAgo) =>
        new("marketing", $"{billId}-paid-{account}-{Guid.NewGuid():N}", account, "billPaid", billId, _today.AddDays(-dueDaysAgo),
            new DateTimeOffset(_today.AddDays(-paidDaysAgo).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)), 321.5m);

    private static Fact Overdue(string account, string billId, int dueDaysAgo) =>
        new("marketing", $"{billId}-overdue-{account}-{Guid.NewGuid():N}", account, "billOverdue", billId, _today.AddDays(-dueDaysAgo), null, 321.5m);

    private static Fact Issued(string account, string billId) =>
        new("marketing", $"{billId}-issued-{account}-{Guid.NewGuid():N}", account, "billIssued", billId, _today.AddDays(20), null, 321.5m);

    /// <summary>A fact as the billing system sends it (serialised camelCase).</summary>
    private sealed record Fact(string Source, string ExternalId, string AccountNumber, string Kind, string BillId, DateOnly DueDate, DateTimeOffset? PaidAt, decimal Amount);
}
