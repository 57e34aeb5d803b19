using System.Net;
using System.Text;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.IntegrationTests.Grading.Ledger;

/// <summary>CSV import of credit events: validated whole, every row error reported, nothing half-imported.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class EventImportTests(ServicesFixture services) : IDisposable
{
    private const string Header = "identifier,eventType,occurredAt,accountNumber,evidence,externalId";
    private readonly HttpClient _officer = services.CreateClientAs(ResourceNames.Grading, "import-officer", Roles.CreditOfficer);

    [Fact]
    public async Task A_valid_file_is_imported_in_force_and_each_subject_regraded()
    {
        var (first, firstUscc, firstAccount) = await services.RegisterWithAccountAsync();
        var (second, secondUscc, _) = await services.RegisterWithAccountAsync();
        var day = DateTimeOffset.UtcNow.AddDays(-5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"""
            {Header}
            {firstUscc},contract-violation,{day},{firstAccount},"检查记录 A-1，现场照片 3 张",{Id()}
            {firstUscc},late-payment-1-15,{day}T09:30:00+08:00,,,{Id()}
            {secondUscc},inspection-refused,{day},,拒绝抄表,{Id()}
            """;

        using var response = await PostCsvAsync(csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadJsonAsync();
        Assert.Equal((3, 2, "import"), (summary.GetProperty("imported").GetInt32(), summary.GetProperty("subjects").GetInt32(), summary.GetProperty("source").GetString()));
        Assert.Contains("已审批", summary.GetProperty("note").GetString(), StringComparison.Ordinal);
        var events = await services.EventsOfAsync(first);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((CreditEventStatus.InForce, "import", "import-officer"), (e.Status, e.Source, e.RecordedBy)));
        Assert.Contains(events, e => e.Evidence == "检查记录 A-1，现场照片 3 张" && e.AccountNumber == firstAccount);
        Assert.Equal(("red", 83), await services.GradeOfAsync(first));
        Assert.Equal(("blue", 95), await services.GradeOfAsync(second));
    }

    [Fact]
    public async Task A_malformed_file_reports_every_bad_row_and_imports_nothing()
    {
        var (subjectId, uscc, _) = await services.RegisterWithAccountAsync();
        var past = Api.Iso(DateTimeOffset.UtcNow.AddDays(-3));
        var future = Api.Iso(DateTimeOffset.UtcNow.AddDays(3));
        var duplicateId = Id();
        var csv = $"""
            {Header}
            {uscc},contract-violation,{past},,,{duplicateId}
            {uscc},contract-violation,{past}
            {Identifiers.WithWrongCheckCharacter(uscc)},contract-violation,{past},,,{Id()}
            {uscc},moon-landing,{past},,,{Id()}
            {uscc},inspection-refused,{future},,,{Id()}
            {uscc},inspection-refused,{past},,,{duplicateId}
            {TestIdentifiers.NewUscc()},inspection-refused,{past},,,{Id()}
            """;

        using var response = await PostCsvAsync(csv);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "*"), (4, "identifier"), (5, "eventType"), (6, "occurredAt"), (7, "externalId"), (8, "identifier")], rows);
        Assert.All(problem.GetProperty("rows").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        Assert.Empty(await services.EventsOfAsync(subjectId));
        Assert.Equal(("blue", 100), await services.GradeOfAsync(subjectId));
    }

    [Fact]
    public async Task Rows_that_only_the_ledger_can_refuse_are_reported_and_nothing_is_imported()
    {
        var (subjectId, uscc, _) = await services.RegisterWithAccountAsync();
        var past = Api.Iso(DateTimeOffset.UtcNow.AddDays(-3));
        var imported = Id();
        using (var once = await PostCsvAsync($"{Header}\n{uscc},inspection-refused,{past},,,{imported}\n"))
        {
            Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        }

        using var response = await PostCsvAsync($"""
            {Header}
            {uscc},contract-violation,{past},,,{Id()}
            {TestIdentifiers.NewUscc()},contract-violation,{past},,,{Id()}
            {uscc},grid-trip-caused,{past},,,{imported}
            """);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var rows = problem.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "identifier"), (4, "externalId")], rows);
        Assert.Equal("inspection-refused", Assert.Single(await services.EventsOfAsync(subjectId)).EventType);
    }

    [Fact]
    public async Task A_file_with_the_wrong_columns_is_refused_by_its_header()
    {
        var (subjectId, uscc, _) = await services.RegisterWithAccountAsync();

        using var response = await PostCsvAsync($"identifier,eventType,occurredAt\n{uscc},contract-violation,{Api.Iso(DateTimeOffset.UtcNow.AddDays(-1))}\n");

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((1, "header"), (row.GetProperty("row").GetInt32(), row.GetProperty("column").GetString()));
        Assert.Empty(await services.EventsOfAsync(subjectId));
    }

    [Fact]
    public async Task A_file_over_50_MB_answers_413_problem_details()
    {
        var (subjectId, uscc, _) = await services.RegisterWithAccountAsync();
        var line = Encoding.UTF8.GetBytes($"{uscc},inspection-refused,2026-01-01,,{new string('x', 400)},");
        var body = new byte[(50 * 1024 * 1024) + 1];
        for (var i = 0; i < body.Length; i += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, body.Length - i)).CopyTo(body.AsSpan(i));
        }

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        // As curl and browsers do for large uploads: the server can refuse before a byte of the file is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/import") { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await _officer.SendAsync(request, Api.Cancellation);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("50 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await services.EventsOfAsync(subjectId));
    }

    [Fact]
    public async Task Only_credit_officers_may_import()
    {
        using var inspector = services.CreateClient(ResourceNames.Grading, Roles.Inspector);
        using var content = new StringContent($"{Header}\n", Encoding.UTF8, "text/csv");

        using var response = await inspector.PostAsync("/api/events/import", content, Api.Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose() => _officer.Dispose();

    private static string Id() => $"imp-{Guid.NewGuid():N}";

    private async Task<HttpResponseMessage> PostCsvAsync(string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await _officer.PostAsync("/api/events/import", content, Api.Cancellation);
    }
}
