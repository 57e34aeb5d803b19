using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CreditPower.Applications.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>Commitment letters reported to the DRC in full, in numbered batches with checksums, and reconciled.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class DrcReportTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _officer = services.CreateClientAs(ResourceNames.Applications, "officer-chen", Roles.CreditOfficer);
    private readonly HttpClient _drc = services.CreateClientAs(ResourceNames.Applications, "drc-sun", Roles.DrcOfficer);

    [Fact]
    public async Task A_batch_carries_every_signed_letter_in_full_as_json_and_csv_and_the_reconciliation_shows_none_missing()
    {
        var first = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc(), "淮阴区报送一号有限公司");
        var second = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc(), "淮阴区报送二号有限公司");
        var unsigned = await services.SubmitAsync(ApplicationSteps.CreditPathBody(TestIdentifiers.NewUscc(), "淮阴区未签署有限公司"));
        string[] numbers = [Number(first), Number(second)];

        await _officer.PostJsonAsync("/api/drc/commitment-batches", new { }, HttpStatusCode.Created);

        var reconciliation = await _drc.GetJsonAsync($"/api/drc/commitment-reconciliation?from={ApplicationSteps.Today.AddDays(-1):yyyy-MM-dd}&to={ApplicationSteps.Today:yyyy-MM-dd}");
        var reconciled = reconciliation.GetProperty("letters").EnumerateArray().ToList();
        Assert.DoesNotContain(reconciled, l => l.GetProperty("letterNumber").GetString() == Number(unsigned));
        Assert.Equal(0, reconciliation.GetProperty("missing").GetInt32());
        foreach (var number in numbers)
        {
            var line = reconciled.Single(l => l.GetProperty("letterNumber").GetString() == number);
            Assert.Equal("onTime", line.GetProperty("status").GetString());
            var sequence = line.GetProperty("batchSequence").GetInt32();

            var json = await DownloadAsync(sequence, "json");
            var document = JsonDocument.Parse(json).RootElement;
            Assert.Equal("creditpower.drc.commitment-letters/1", document.GetProperty("schema").GetString());
            Assert.Equal(sequence, document.GetProperty("batchSequence").GetInt32());
            Assert.Equal(document.GetProperty("letters").GetArrayLength(), document.GetProperty("letterCount").GetInt32());
            var letter = document.GetProperty("letters").EnumerateArray().Single(l => l.GetProperty("letterNumber").GetString() == number);
            Assert.Equal("周振华", letter.GetProperty("signedBy").GetString());
            Assert.Equal(4, letter.GetProperty("promises").GetArrayLength());
            var fullText = letter.GetProperty("fullText").GetString()!;
            Assert.StartsWith("信用承诺书", fullText, StringComparison.Ordinal);
            Assert.Contains(letter.GetProperty("subjectName").GetString()!, fullText, StringComparison.Ordinal);

            var csv = await DownloadAsync(sequence, "csv");
            Assert.StartsWith("\"batch_sequence\",\"letter_number\",\"uscc\"", csv, StringComparison.Ordinal);
            Assert.Contains($"\"{number}\"", csv, StringComparison.Ordinal);
            Assert.Contains(fullText.Split('\n')[3], csv, StringComparison.Ordinal);
        }

        // Nothing left to report (the services collection runs one test at a time): asking again makes no empty batch.
        using var again = await _officer.PostAsync("/api/drc/commitment-batches", Api.RawJson("{}"), Api.Cancellation);
        await AssertNothingToReportAsync(again);
    }

    [Fact]
    public async Task A_letter_reported_after_the_deadline_is_reconciled_as_late()
    {
        var signed = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc(), "淮阴区逾期报送有限公司");
        var signedAt = DateTimeOffset.UtcNow.AddDays(-3);
        await services.Applications.QueryAsync(db => db.Set<CommitmentLetter>().Where(l => l.ApplicationId == signed.Id())
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.SignedAt, signedAt), Api.Cancellation));
        var day = DateOnly.FromDateTime(signedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var path = $"/api/drc/commitment-reconciliation?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";

        var before = await _drc.GetJsonAsync(path);
        Assert.Equal("missing", Line(before, Number(signed)).GetProperty("status").GetString());
        Assert.False(before.GetProperty("complete").GetBoolean());

        await _officer.PostJsonAsync("/api/drc/commitment-batches", new { }, HttpStatusCode.Created);

        var after = await _drc.GetJsonAsync(path);
        var line = Line(after, Number(signed));
        Assert.Equal("late", line.GetProperty("status").GetString());
        Assert.Equal("逾期报送", line.GetProperty("statusName").GetString());
        Assert.True(line.GetProperty("batchSequence").GetInt32() > 0);
    }

    [Fact]
    public async Task Batches_made_at_the_same_moment_never_carry_a_letter_twice_and_number_without_gaps()
    {
        for (var i = 0; i < 3; i++)
        {
            await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc(), $"淮阴区并发报送{i}号有限公司");
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _officer.PostAsync("/api/drc/commitment-batches", Api.RawJson("{}"), Api.Cancellation)));
        try
        {
            // The first writer takes every waiting letter; each one after it finds none left (the schedule is off in these tests).
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            {
                await AssertNothingToReportAsync(refused);
            }
        }
        finally
        {
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }

        var batches = await services.Applications.QueryAsync(db => db.Set<DrcBatch>().AsNoTracking().OrderBy(b => b.Sequence).ToListAsync(Api.Cancellation));
        Assert.Equal(Enumerable.Range(1, batches.Count), batches.Select(b => b.Sequence));
        var carried = batches.SelectMany(b => JsonDocument.Parse(b.Json).RootElement.GetProperty("letters").EnumerateArray()
            .Select(l => l.GetProperty("letterNumber").GetString())).ToList();
        Assert.Equal(carried.Count, carried.Distinct().Count());
    }

    [Fact]
    public async Task A_clerk_cannot_make_or_read_drc_batches()
    {
        using var clerk = services.CreateClient(ResourceNames.Applications, Roles.Clerk);

        using var make = await clerk.PostAsync("/api/drc/commitment-batches", Api.RawJson("{}"), Api.Cancellation);
        using var list = await clerk.GetAsync("/api/drc/commitment-batches", Api.Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, make.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    public void Dispose()
    {
        _officer.Dispose();
        _drc.Dispose();
    }

    /// <summary>The 409 for a batch asked for when every signed letter has been reported.</summary>
    private static async Task AssertNothingToReportAsync(HttpResponseMessage response)
    {
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("没有待报送的承诺书", problem.GetProperty("title").GetString());
    }

    private static string Number(JsonElement detail) => detail.GetProperty("letter").GetProperty("number").GetString()!;

    private static JsonElement Line(JsonElement reconciliation, string number) =>
        reconciliation.GetProperty("letters").EnumerateArray().Single(l => l.GetProperty("letterNumber").GetString() == number);

    /// <summary>Downloads a batch file and checks it against the checksum header and the batch list.</summary>
    private async Task<string> DownloadAsync(int sequence, string format)
    {
        using var response = await _drc.GetAsync($"/api/drc/commitment-batches/{sequence}/{format}", Api.Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Cancellation);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(checksum, response.Headers.GetValues("X-Checksum-SHA256").Single());
        var listed = (await _drc.GetJsonAsync("/api/drc/commitment-batches")).EnumerateArray().Single(b => b.GetProperty("sequence").GetInt32() == sequence);
        Assert.Equal(checksum, listed.GetProperty($"{format}Sha256").GetString());
        return Encoding.UTF8.GetString(bytes);
    }
}
