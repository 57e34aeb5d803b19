using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.EndToEnd;

/// <summary>The first cross-service flow, driven through the public APIs of the running system.</summary>
public sealed class GradeChangeFlowTests(AppHostFixture system)
{
    [Fact]
    public async Task Downgrade_to_yellow_reaches_applications_notifications_and_value_added()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
        using var officerGrading = system.CreateClient(ResourceNames.Grading, "officer", Roles.CreditOfficer);
        using var secondOfficerGrading = system.CreateClient(ResourceNames.Grading, "officer2", Roles.CreditOfficer);
        using var clerkApplications = system.CreateClient(ResourceNames.Applications, "clerk", Roles.Clerk);
        using var clerkNotifications = system.CreateClient(ResourceNames.Notifications, "clerk", Roles.Clerk);
        using var clerkValueAdded = system.CreateClient(ResourceNames.ValueAdded, "clerk", Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();

        var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new
        {
            kind = "legalEntity",
            identifier = uscc.ToLowerInvariant(),
            name = "淮阴区恒通机械制造有限公司",
            accounts = new[] { TestIdentifiers.NewAccountNumber() },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var subject = await registered.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        var subjectId = subject.GetProperty("id").GetGuid();
        Assert.Equal("blue", subject.GetProperty("colour").GetString());
        Assert.Equal(uscc, subject.GetProperty("identifier").GetString());

        var submitted = await clerkApplications.PostAsJsonAsync("/api/applications", new
        {
            subjectKind = "legalEntity",
            identifier = uscc,
            applicantName = "淮阴区恒通机械制造有限公司",
            type = "capacityIncrease",
            capacityKva = 630,
            address = "淮安市淮阴区长江东路 1 号",
            propertyProof = new { documentType = "不动产权证书", documentNumber = "苏(2026)淮安市不动产权第0000001号" },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var applicationId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();

        // A new subject is blue: an honest customer, so the green channel and value-added services open.
        await Eventually.GetAsync(
            () => clerkApplications.GetFromJsonAsync<JsonElement?>($"/api/applications/{applicationId}", cancellation),
            a => a.GetProperty("greenChannel").GetBoolean(), "the application to enter the green channel");
        await Eventually.GetAsync(
            () => GetOrNull(clerkValueAdded, $"/api/subjects/{subjectId}/eligibility"),
            e => e.GetProperty("eligible").GetBoolean(), "value-added eligibility for a blue subject");

        // 100 − 10 − 10 − 4 − 2 = 74: yellow, and the downgrade takes effect at once.
        string[] events = ["repayment-agreement-broken", "supply-suspended", "late-payment-16-30", "late-payment-1-15"];
        JsonElement last = default;
        foreach (var eventType in events)
        {
            last = await RecordAndApproveAsync(officerGrading, secondOfficerGrading, subjectId, new
            {
                eventType,
                occurredAt = DateTimeOffset.UtcNow.AddDays(-3),
                evidence = "营销系统缴费记录",
            });
        }

        Assert.Equal("yellow", last.GetProperty("colour").GetString());
        Assert.Equal(74, last.GetProperty("score").GetInt32());

        var application = await Eventually.GetAsync(
            () => clerkApplications.GetFromJsonAsync<JsonElement?>($"/api/applications/{applicationId}", cancellation),
            a => !a.GetProperty("greenChannel").GetBoolean(), "the application to leave the green channel");
        Assert.Equal("accepted", application.GetProperty("stage").GetString());

        var eligibility = await Eventually.GetAsync(
            () => GetOrNull(clerkValueAdded, $"/api/subjects/{subjectId}/eligibility"),
            e => e.GetProperty("colour").GetString() == "yellow", "value-added eligibility to follow the downgrade");
        Assert.False(eligibility.GetProperty("eligible").GetBoolean());

        // This subject left no mobile and has no WeChat binding: both reminders are logged and fail, saying why
        // (NotificationDeliveryTests follows a subject who can be reached).
        // The log also holds the applicant's notices about the application taken above; these are the grade's.
        static List<JsonElement> YellowNotices(JsonElement log) =>
            [.. log.EnumerateArray().Where(c => c.GetProperty("templateCode").GetString() is "grade-yellow-sms" or "grade-yellow-wechat" or "call-script-yellow")];
        var contacts = YellowNotices(await Eventually.GetAsync(
            () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/subjects/{subjectId}/contact-log", cancellation),
            (JsonElement log) => YellowNotices(log) is { Count: 3 } yellow && yellow.Where(c => c.GetProperty("channel").GetString() != "phoneCall")
                .All(c => c.GetProperty("status").GetString() == "failed"),
            "the yellow reminders in the contact log, SMS and WeChat failed for want of a mobile and a binding"));
        var channels = contacts.Select(c => c.GetProperty("channel").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["phoneCall", "sms", "weChat"], channels);
        Assert.All(contacts, c => Assert.Contains("黄色", c.GetProperty("content").GetString(), StringComparison.Ordinal));
        var tasks = await clerkNotifications.GetFromJsonAsync<JsonElement>($"/api/call-tasks?subjectId={subjectId}", cancellation);
        Assert.Equal("open", Assert.Single(tasks.EnumerateArray()).GetProperty("status").GetString());

        using var grade = await clerkGrading.GetAsync($"/api/grades/lookup?identifier={uscc}", cancellation);
        Assert.Equal("yellow", (await grade.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("colour").GetString());
    }

    [Fact]
    public async Task A_black_veto_queues_a_notice_letter()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
        using var inspectorGrading = system.CreateClient(ResourceNames.Grading, "inspector", Roles.Inspector);
        using var supervisorGrading = system.CreateClient(ResourceNames.Grading, "supervisor", Roles.Supervisor);
        using var clerkNotifications = system.CreateClient(ResourceNames.Notifications, "clerk", Roles.Clerk);

        var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new
        {
            kind = "naturalPerson",
            identifier = TestIdentifiers.NewResidentId(),
            name = "王建国",
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var subject = await registered.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        Assert.Contains("**********", subject.GetProperty("identifier").GetString(), StringComparison.Ordinal);
        var subjectId = subject.GetProperty("id").GetGuid();

        var theft = await RecordAndApproveAsync(inspectorGrading, supervisorGrading, subjectId, new
        {
            eventType = "electricity-theft",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
        });
        Assert.Equal("black", theft.GetProperty("colour").GetString());

        var contacts = await Eventually.GetAsync(
            () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/subjects/{subjectId}/contact-log", cancellation),
            log => log.GetArrayLength() >= 3, "the letter, SMS and WeChat warnings");
        var channels = contacts.EnumerateArray().Select(c => c.GetProperty("channel").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["letter", "sms", "weChat"], channels);

        // The letter itself: numbered for the year, addressed to the subject, its PDF ready to print.
        var letters = await clerkNotifications.GetFromJsonAsync<JsonElement>($"/api/letters?subjectId={subjectId}", cancellation);
        var letter = Assert.Single(letters.EnumerateArray());
        Assert.Matches(@"^淮阴供电信告〔\d{4}〕\d{4,}号$", letter.GetProperty("number").GetString());
        Assert.Equal("王建国", letter.GetProperty("subjectName").GetString());
        using var pdf = await clerkNotifications.GetAsync($"/api/letters/{letter.GetProperty("id").GetGuid()}/pdf", cancellation);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Records a manual event as one member of staff and approves it as another (four-eyes, DOMAIN.md §3); returns the
    /// approval's answer, which carries the new grade.
    /// </summary>
    internal static async Task<JsonElement> RecordAndApproveAsync(HttpClient recorder, HttpClient approver, Guid subjectId, object body)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var recorded = await recorder.PostAsJsonAsync($"/api/subjects/{subjectId}/events", body, cancellation);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var pending = await recorded.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        Assert.Equal("pendingApproval", pending.GetProperty("status").GetString());

        using var approved = await approver.PostAsJsonAsync($"/api/events/{pending.GetProperty("eventId").GetGuid()}/approve", new { }, cancellation);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return await approved.Content.ReadFromJsonAsync<JsonElement>(cancellation);
    }

    private static async Task<JsonElement?> GetOrNull(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
