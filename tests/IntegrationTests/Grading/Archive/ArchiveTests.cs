using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Grading.Archive;

/// <summary>
/// The credit archive (DOMAIN.md §2): search by identifier, name or account; ID numbers and mobiles masked except in
/// the full record, whose every opening is audit-logged; profile changes announced through the outbox.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ArchiveTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
    private readonly HttpClient _inspector = services.CreateClient(ResourceNames.Grading, Roles.Inspector);
    private readonly HttpClient _supervisor = services.CreateClient(ResourceNames.Grading, Roles.Supervisor);

    [Fact]
    public async Task Search_finds_a_person_by_account_name_or_resident_id_and_masks_the_id()
    {
        var person = await services.RegisterNaturalPersonAsync();

        foreach (var query in new[] { person.Account, person.Name, person.Name[2..8], person.ResidentId })
        {
            var found = await _inspector.GetJsonAsync($"/api/subjects?q={Uri.EscapeDataString(query)}");
            var hit = Assert.Single(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == person.Id);
            Assert.Equal(person.Name, hit.GetProperty("name").GetString());
            Assert.Equal("naturalPerson", hit.GetProperty("kind").GetString());
            Assert.Equal($"{person.ResidentId[..4]}**********{person.ResidentId[^4..]}", hit.GetProperty("identifier").GetString());
            Assert.Equal(("blue", 100), (hit.GetProperty("colour").GetString(), hit.GetProperty("score").GetInt32()));
            Assert.DoesNotContain(person.ResidentId, found.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(person.Mobile, found.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_finds_a_legal_entity_by_its_uscc_unmasked_and_pages_name_matches()
    {
        var uscc = TestIdentifiers.NewUscc();
        var stem = $"分页检索{Guid.NewGuid():N}"[..14];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await services.RegisterLegalEntityAsync(i == 0 ? uscc : null, name: $"{stem}有限公司{i}"));
        }

        var byCode = await _clerk.GetJsonAsync($"/api/subjects?q={uscc.ToLowerInvariant()}");
        var hit = Assert.Single(byCode.GetProperty("items").EnumerateArray());
        Assert.Equal((ids[0], uscc), (hit.GetProperty("id").GetGuid(), hit.GetProperty("identifier").GetString()));

        var first = await _clerk.GetJsonAsync($"/api/subjects?q={Uri.EscapeDataString(stem)}&pageSize=2");
        var second = await _clerk.GetJsonAsync($"/api/subjects?q={Uri.EscapeDataString(stem)}&pageSize=2&page=2");
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var seen = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetGuid());
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=%E6%B7%AE&pageSize=500", "pageSize")]
    [InlineData("q=%E6%B7%AE&page=0", "page")]
    public async Task Search_with_bad_paging_or_no_query_answers_400_naming_the_field(string query, string field)
    {
        using var response = await _clerk.GetAsync($"/api/subjects?{query}", Api.Cancellation);
        await Api.AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task Archive_masks_personal_data_and_writes_no_audit_entry()
    {
        var person = await services.RegisterNaturalPersonAsync();

        var archive = await _inspector.GetJsonAsync($"/api/subjects/{person.Id}/archive");
        await _clerk.GetJsonAsync($"/api/subjects/{person.Id}/archive");

        Assert.True(archive.GetProperty("masked").GetBoolean());
        Assert.Equal($"{person.ResidentId[..4]}**********{person.ResidentId[^4..]}", archive.GetProperty("identifier").GetString());
        Assert.Equal("138****5678", archive.GetProperty("contacts").GetProperty("mobile").GetString());
        Assert.Equal([person.Account], archive.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("blue", archive.GetProperty("grade").GetProperty("colour").GetString());
        Assert.Equal("蓝色", archive.GetProperty("grade").GetProperty("colourName").GetString());
        Assert.NotEmpty(archive.GetProperty("grades").EnumerateArray());
        Assert.DoesNotContain(person.ResidentId, archive.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(person.Mobile, archive.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, await AuditCountAsync(person.Id));
    }

    [Fact]
    public async Task Every_opening_of_the_full_record_writes_exactly_one_audit_entry()
    {
        var person = await services.RegisterNaturalPersonAsync();
        using var officer = services.CreateClientAs(ResourceNames.Grading, "full-record-reader", Roles.CreditOfficer);

        var full = await officer.GetJsonAsync($"/api/subjects/{person.Id}/full-record");
        Assert.False(full.GetProperty("masked").GetBoolean());
        Assert.Equal(person.ResidentId, full.GetProperty("identifier").GetString());
        Assert.Equal(person.Mobile, full.GetProperty("contacts").GetProperty("mobile").GetString());
        Assert.Equal(1, await AuditCountAsync(person.Id));

        await officer.GetJsonAsync($"/api/subjects/{person.Id}/full-record");
        await _supervisor.GetJsonAsync($"/api/subjects/{person.Id}/full-record");
        Assert.Equal(3, await AuditCountAsync(person.Id));

        var audit = await _supervisor.GetJsonAsync($"/api/subjects/{person.Id}/audit");
        var entries = audit.EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("view-full-record", e.GetProperty("action").GetString()));
        Assert.Equal(2, entries.Count(e => e.GetProperty("actor").GetString() == "full-record-reader"));
        Assert.Equal(3, await AuditCountAsync(person.Id)); // reading the audit log is not itself an opening
    }

    [Fact]
    public async Task Clerks_cannot_open_the_full_record_nor_read_the_audit_log()
    {
        var person = await services.RegisterNaturalPersonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, await _clerk.GetStatusAsync($"/api/subjects/{person.Id}/full-record"));
        Assert.Equal(HttpStatusCode.Forbidden, await _inspector.GetStatusAsync($"/api/subjects/{person.Id}/full-record"));
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, await officer.GetStatusAsync($"/api/subjects/{person.Id}/audit"));
        Assert.Equal(0, await AuditCountAsync(person.Id));
    }

    [Fact]
    public async Task Profile_update_is_stored_and_announced_as_subject_profile_changed_through_the_outbox()
    {
        var person = await services.RegisterNaturalPersonAsync();
        var newAccount = TestIdentifiers.NewAccountNumber();

        using var response = await _clerk.PutAsJsonAsync($"/api/subjects/{person.Id}/profile", new
        {
            name = person.Name,
            legalRepresentative = (string?)null,
            mobile = "13900001111",
            address = "淮安市淮阴区北京东路 8 号",
            accounts = new[] { newAccount },
        }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var archive = await _clerk.GetJsonAsync($"/api/subjects/{person.Id}/archive");
        Assert.Equal("139****1111", archive.GetProperty("contacts").GetProperty("mobile").GetString());
        Assert.Equal("淮安市淮阴区北京东路 8 号", archive.GetProperty("contacts").GetProperty("address").GetString());
        Assert.Equal([newAccount], archive.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
        var byOldAccount = await _clerk.GetJsonAsync($"/api/subjects?q={person.Account}");
        Assert.Equal(0, byOldAccount.GetProperty("total").GetInt32());

        var announced = await ProfileMessagesAsync(person.Id);
        Assert.Equal(2, announced.Count); // registration, then this update
        var latest = JsonDocument.Parse(announced[^1]).RootElement;
        Assert.Equal("13900001111", latest.GetProperty("mobile").GetString());
        Assert.Equal(person.ResidentId, latest.GetProperty("identifier").GetString());
        Assert.Equal([newAccount], latest.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("23900001111", "mobile")]
    [InlineData("1390000111", "mobile")]
    [InlineData("139-0000-1111", "mobile")]
    public async Task Profile_update_with_a_bad_mobile_answers_400_and_changes_nothing(string mobile, string field)
    {
        var person = await services.RegisterNaturalPersonAsync();

        using var response = await _clerk.PutAsJsonAsync($"/api/subjects/{person.Id}/profile", new
        {
            name = "不应保存的名称",
            mobile,
            accounts = new[] { person.Account },
        }, Api.Cancellation);

        await Api.AssertFieldErrorAsync(response, field);
        var archive = await _clerk.GetJsonAsync($"/api/subjects/{person.Id}/archive");
        Assert.Equal(person.Name, archive.GetProperty("name").GetString());
        Assert.Equal("138****5678", archive.GetProperty("contacts").GetProperty("mobile").GetString());
        Assert.Single(await ProfileMessagesAsync(person.Id));
    }

    [Fact]
    public async Task Registration_keeps_contacts_and_refuses_a_mobile_that_is_not_a_mainland_number()
    {
        var identifier = TestIdentifiers.NewResidentId();
        using var bad = await _clerk.PostAsJsonAsync("/api/subjects", new
        {
            kind = "naturalPerson", identifier, name = "联系人测试", mobile = "+8613812345678", accounts = Array.Empty<string>(),
        }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(bad, "mobile");
        var none = await _clerk.GetJsonAsync($"/api/subjects?q={identifier}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        var person = await services.RegisterNaturalPersonAsync(mobile: "15912345678");
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        var full = await officer.GetJsonAsync($"/api/subjects/{person.Id}/full-record");
        Assert.Equal(("15912345678", "淮安市淮阴区长江东路 1 号"),
            (full.GetProperty("contacts").GetProperty("mobile").GetString(), full.GetProperty("contacts").GetProperty("address").GetString()));
        var announced = JsonDocument.Parse(Assert.Single(await ProfileMessagesAsync(person.Id))).RootElement;
        Assert.Equal("15912345678", announced.GetProperty("mobile").GetString());
    }

    public void Dispose()
    {
        _clerk.Dispose();
        _inspector.Dispose();
        _supervisor.Dispose();
    }

    private Task<int> AuditCountAsync(Guid subjectId) =>
        services.Grading.QueryAsync(db => db.Set<AuditEntry>().CountAsync(e => e.SubjectId == subjectId, Api.Cancellation));

    private Task<List<string>> ProfileMessagesAsync(Guid subjectId) =>
        services.Grading.QueryAsync(db => db.Set<OutboxMessage>()
            .FromSql($"SELECT * FROM outbox_messages WHERE body->>'subjectId' = {subjectId.ToString()}")
            .AsNoTracking()
            .Where(m => m.MessageType.StartsWith("CreditPower.Contracts.SubjectProfileChanged,"))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Body)
            .ToListAsync(Api.Cancellation));
}
