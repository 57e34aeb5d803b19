using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.Letters;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>
/// DOMAIN.md §6: red or black → a written notice letter, numbered per year and never reused, as an A4 PDF whose text
/// says the facts, basis, consequences, deadlines, repair, objection and contacts; delivery and receipt recorded.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed partial class LetterTests(ServicesFixture services)
{
    private static readonly GradeReason[] _violation =
    [
        new("contract-violation", -15, "违约用电（擅自超容量用电）"),
        new("red:contract-violation", 0, "近 12 个月内有违约用电"),
        new("cap:Payment", 2, "电费缴纳扣分以 40 分为上限"),
        new("late-payment-over-30", -8, "电费逾期超过 30 天（经催缴）"),
        new("payment-returned", -3, "缴费被退回"),
    ];

    private async Task<(Guid SubjectId, string Path, string Number)> RedAsync(string name, CreditColour to = CreditColour.Red, SubjectKind kind = SubjectKind.LegalEntity)
    {
        var subjectId = Guid.NewGuid();
        var id = await services.PublishOnBusAsync(NotificationSteps.GradeChange(subjectId, name, CreditColour.Blue, to, 52, _violation, kind: kind));
        await services.ConsumedAsync(id);
        var letter = await services.SingleLetterAsync(subjectId);
        return (subjectId, $"/api/letters/{letter.GetProperty("id").GetGuid()}", letter.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task Downgrade_to_red_issues_one_numbered_letter_with_sms_and_wechat()
    {
        var (subjectId, _, number) = await RedAsync("淮阴区告知函测试有限公司");

        Assert.Matches(NumberPattern(), number);
        var letter = await services.SingleLetterAsync(subjectId);
        Assert.Equal("red", letter.GetProperty("colour").GetString());
        Assert.Equal(4, letter.GetProperty("reasons").GetArrayLength());
        Assert.Equal(7, letter.GetProperty("paragraphs").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, letter.GetProperty("printedAt").ValueKind);

        var contacts = await services.ContactLogAsync(subjectId);
        Assert.Equal(["letter", "sms", "weChat"], NotificationSteps.Channels(contacts));
        var entry = contacts.EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "letter");
        Assert.Contains(number, entry.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("queued", letter.GetProperty("contactStatus").GetString());
    }

    [Fact]
    public async Task The_same_message_delivered_twice_issues_one_letter_and_takes_one_number()
    {
        var subjectId = Guid.NewGuid();
        var change = NotificationSteps.GradeChange(subjectId, "淮阴区重复告知测试有限公司", CreditColour.Yellow, CreditColour.Black, 35, _violation);
        var id = MassTransit.NewId.NextGuid();
        await services.PublishOnBusAsync(change, id);
        await services.PublishOnBusAsync(change, id);
        var republished = await services.PublishOnBusAsync(change);
        await services.ConsumedAsync(id, times: 2);
        await services.ConsumedAsync(republished);

        var letter = await services.SingleLetterAsync(subjectId);
        Assert.Equal("black", letter.GetProperty("colour").GetString());
        Assert.Equal(["letter", "sms", "weChat"], NotificationSteps.Channels(await services.ContactLogAsync(subjectId)));
        await AssertNoGapsOrDuplicatesAsync(letter.GetProperty("issuedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Year);
    }

    [Fact]
    public async Task Concurrent_red_grades_get_unique_numbers_with_no_gaps()
    {
        var subjects = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        var ids = await Task.WhenAll(subjects.Select((s, i) =>
            services.PublishOnBusAsync(NotificationSteps.GradeChange(s, $"淮阴区并发告知测试{i}号有限公司", CreditColour.Blue, CreditColour.Red, 50, _violation))));
        foreach (var id in ids)
        {
            await services.ConsumedAsync(id);
        }

        var numbers = new List<string>();
        foreach (var subject in subjects)
        {
            numbers.Add((await services.SingleLetterAsync(subject)).GetProperty("number").GetString()!);
        }

        Assert.All(numbers, n => Assert.Matches(NumberPattern(), n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        await AssertNoGapsOrDuplicatesAsync(int.Parse(NumberPattern().Match(numbers[0]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_year_sequence_hands_out_consecutive_serials_under_concurrency_and_a_rolled_back_serial_is_handed_out_again()
    {
        // A year of its own, so no letter of another test shares the sequence.
        var year = 3000 + Random.Shared.Next(0, 5000);
        var serials = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => TakeSerialAsync(year, commit: true))));
        Assert.Equal(Enumerable.Range(1, 20), serials.Order());

        // A letter whose transaction fails gives its number back: the next letter has it, and there is no gap.
        Assert.Equal(21, await TakeSerialAsync(year, commit: false));
        Assert.Equal(21, await TakeSerialAsync(year, commit: true));
        Assert.Equal(22, await TakeSerialAsync(year, commit: true));
    }

    [Fact]
    public async Task Letter_pdf_is_a4_and_its_text_names_the_subject_the_number_and_the_reasons()
    {
        var (_, path, number) = await RedAsync("淮安市淮阴区示例精密机械制造有限公司");
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        using var response = await clerk.GetAsync($"{path}/pdf", Api.Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Cancellation);
        // Kept for a person to look at: layout is judged by eye, text by the assertions below.
        TestContext.Current.AddAttachment("letter.pdf", bytes);
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "letters"));
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "red-letter.pdf"), bytes, Api.Cancellation);

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("书面告知函", text, StringComparison.Ordinal);
        Assert.Contains("淮安市淮阴区示例精密机械制造有限公司", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        foreach (var reason in new[] { "违约用电（擅自超容量用电）", "近 12 个月内有违约用电", "电费逾期超过 30 天（经催缴）", "缴费被退回" })
        {
            Assert.Contains(reason.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("上限", text, StringComparison.Ordinal);
        foreach (var heading in new[] { "认定事实", "认定依据", "信用等级的影响", "整改要求及期限", "信用修复", "异议申诉", "联系方式" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("淮安市淮阴区电力领域社会信用体系建设工作方案", text, StringComparison.Ordinal);
        Assert.Contains(NotificationSteps.RuleVersion, text, StringComparison.Ordinal);
        Assert.Contains("不能享受业扩报装绿色通道", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_natural_persons_letter_masks_the_id_number()
    {
        var (subjectId, path, _) = await RedAsync("王建国", CreditColour.Black, SubjectKind.NaturalPerson);
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        var letter = await clerk.GetJsonAsync(path);
        Assert.Contains("**********", letter.GetProperty("subjectIdentifier").GetString(), StringComparison.Ordinal);
        var full = await services.Notifications.QueryAsync(db => db.Set<Letter>().AsNoTracking().Where(l => l.SubjectId == subjectId)
            .Select(l => l.SubjectIdentifier).SingleAsync(Api.Cancellation));
        var text = await PdfTextAsync(clerk, $"{path}/pdf");
        Assert.DoesNotContain(full, text, StringComparison.Ordinal);
        Assert.Contains(full[..4], text, StringComparison.Ordinal);
        Assert.Contains("一票否决", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_print_puts_the_selected_letters_in_one_pdf_and_marks_them_printed()
    {
        var (_, first, firstNumber) = await RedAsync("淮阴区批量打印甲有限公司");
        var (_, second, secondNumber) = await RedAsync("淮阴区批量打印乙有限公司");
        using var clerk = services.CreateClientAs(ResourceNames.Notifications, "clerk-print", Roles.Clerk);
        var ids = new[] { first, second }.Select(p => Guid.Parse(p[(p.LastIndexOf('/') + 1)..])).ToArray();

        using var response = await clerk.PostAsJsonAsync("/api/letters/print", new { letterIds = ids }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Api.Cancellation));
        var pages = pdf.GetPages().Select(p => p.Text).ToList();
        Assert.Contains(pages, p => p.Contains(firstNumber, StringComparison.Ordinal) && p.Contains("淮阴区批量打印甲有限公司", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains(secondNumber, StringComparison.Ordinal) && p.Contains("淮阴区批量打印乙有限公司", StringComparison.Ordinal));
        Assert.DoesNotContain(pages, p => p.Contains(firstNumber, StringComparison.Ordinal) && p.Contains(secondNumber, StringComparison.Ordinal));

        foreach (var path in new[] { first, second })
        {
            var letter = await clerk.GetJsonAsync(path);
            Assert.Equal("clerk-print", letter.GetProperty("printedBy").GetString());
        }

        var unprinted = await clerk.GetJsonAsync("/api/letters?printed=false");
        Assert.DoesNotContain(unprinted.EnumerateArray(), l => ids.Contains(l.GetProperty("id").GetGuid()));

        using var unknown = await clerk.PostAsJsonAsync("/api/letters/print", new { letterIds = new[] { Guid.NewGuid() } }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(unknown, "letterIds");
    }

    [Fact]
    public async Task Delivery_then_receipt_are_recorded_and_the_contact_becomes_sent_then_delivered()
    {
        var (subjectId, path, _) = await RedAsync("淮阴区送达回执测试有限公司");
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        var today = DateOnly.FromDateTime(services.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

        using var early = await clerk.PostAsJsonAsync($"{path}/receipt", new { signedBy = "张三", signedOn = today }, Api.Cancellation);
        Assert.Contains("尚未发出", (await Api.AssertProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        using var noTracking = await clerk.PostAsJsonAsync($"{path}/delivery", new { method = "registeredMail", sentOn = today }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(noTracking, "trackingNumber");
        using var future = await clerk.PostAsJsonAsync($"{path}/delivery", new { method = "inPerson", sentOn = today.AddDays(2) }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(future, "sentOn");

        var sent = await clerk.PostJsonAsync($"{path}/delivery", new { method = "ems", trackingNumber = "EA123456789CN", sentOn = today }, HttpStatusCode.OK);
        Assert.Equal(("ems", "EA123456789CN", "sent"),
            (sent.GetProperty("deliveryMethod").GetString(), sent.GetProperty("trackingNumber").GetString(), sent.GetProperty("contactStatus").GetString()));

        using var nobody = await clerk.PostAsJsonAsync($"{path}/receipt", new { signedBy = "  ", signedOn = today }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(nobody, "signedBy");
        var received = await clerk.PostJsonAsync($"{path}/receipt", new { signedBy = "张三（公司行政）", signedOn = today }, HttpStatusCode.OK);
        Assert.Equal(("张三（公司行政）", "delivered"), (received.GetProperty("receiptSignedBy").GetString(), received.GetProperty("contactStatus").GetString()));

        var entry = (await services.ContactLogAsync(subjectId)).EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "letter");
        Assert.Equal("delivered", entry.GetProperty("status").GetString());
        using var again = await clerk.PostAsJsonAsync($"{path}/receipt", new { signedBy = "李四", signedOn = today }, Api.Cancellation);
        await Api.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("张三（公司行政）", (await clerk.GetJsonAsync(path)).GetProperty("receiptSignedBy").GetString());
    }

    private async Task<int> TakeSerialAsync(int year, bool commit)
    {
        await using var scope = services.Notifications.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Api.Cancellation);
            var serial = await db.NextSerialAsync(year, Api.Cancellation);
            if (commit)
            {
                await transaction.CommitAsync(Api.Cancellation);
            }
            else
            {
                await transaction.RollbackAsync(Api.Cancellation);
            }

            return serial;
        });
    }

    /// <summary>In one snapshot: the year's letters are numbered 1…N exactly, and the sequence stands at N.</summary>
    private async Task AssertNoGapsOrDuplicatesAsync(int year)
    {
        var (serials, last) = await services.Notifications.QueryAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, Api.Cancellation);
            var serials = await db.Set<Letter>().Where(l => l.Year == year).Select(l => l.Serial).OrderBy(s => s).ToListAsync(Api.Cancellation);
            var last = await db.Set<LetterSequence>().Where(s => s.Year == year).Select(s => s.LastSerial).SingleAsync(Api.Cancellation);
            return (serials, last);
        }));
        Assert.Equal(Enumerable.Range(1, last), serials);
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        var bytes = await client.GetByteArrayAsync(path, Api.Cancellation);
        using var pdf = PdfDocument.Open(bytes);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    [GeneratedRegex(@"^淮阴供电信告〔(\d{4})〕(\d{4,})号$")]
    private static partial Regex NumberPattern();
}
