using System.Net;
using System.Net.Http.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>DOMAIN.md §6: a downgrade to yellow sends SMS and WeChat and asks staff to call, with a script and an outcome to record.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CallTaskTests(ServicesFixture services)
{
    private static readonly GradeReason[] _late = [new("late-payment-over-30", -8, "电费逾期超过 30 天（经催缴）")];

    private async Task<(Guid SubjectId, string TaskPath)> YellowAsync(string name)
    {
        var subjectId = Guid.NewGuid();
        var id = await services.PublishOnBusAsync(NotificationSteps.GradeChange(subjectId, name, CreditColour.Blue, CreditColour.Yellow, 68, _late));
        await services.ConsumedAsync(id);
        var task = await services.SingleCallTaskAsync(subjectId);
        return (subjectId, $"/api/call-tasks/{task.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task Downgrade_to_yellow_queues_sms_and_wechat_and_opens_a_call_task_with_a_script()
    {
        var (subjectId, _) = await YellowAsync("淮阴区电话提醒测试有限公司");

        var contacts = await services.ContactLogAsync(subjectId);
        Assert.Equal(["phoneCall", "sms", "weChat"], NotificationSteps.Channels(contacts));
        // SMS and WeChat go to the dispatcher at once (this subject has no contacts, so they fail there); the call waits for staff.
        Assert.All(contacts.EnumerateArray(), c => Assert.Equal(1, c.GetProperty("templateVersion").GetInt32()));
        Assert.Equal("queued", contacts.Entry("phoneCall").GetProperty("status").GetString());

        var task = await services.SingleCallTaskAsync(subjectId);
        Assert.Equal("open", task.GetProperty("status").GetString());
        Assert.Equal("淮阴区电话提醒测试有限公司", task.GetProperty("subjectName").GetString());
        Assert.Equal("信用等级降为黄色（68 分）：电费逾期超过 30 天（经催缴）", task.GetProperty("reason").GetString());
        var script = task.GetProperty("script").GetString()!;
        Assert.StartsWith("您好，请问是淮阴区电话提醒测试有限公司的负责人", script, StringComparison.Ordinal);
        Assert.Contains("主要原因是：电费逾期超过 30 天（经催缴）", script, StringComparison.Ordinal);
        Assert.Equal(0, task.GetProperty("attemptCount").GetInt32());

        // The contact log's phone entry carries the same script and the parameters a provider template would get.
        var entry = await services.Notifications.QueryAsync(db => db.Set<ContactLogEntry>().AsNoTracking()
            .SingleAsync(e => e.SubjectId == subjectId && e.Channel == Channel.PhoneCall, Api.Cancellation));
        Assert.Equal(script, entry.Content);
        Assert.Equal("68", entry.Parameters["score"]);
        Assert.Equal("黄色", entry.Parameters["colour"]);
    }

    [Fact]
    public async Task The_same_downgrade_delivered_twice_opens_one_call_task()
    {
        var subjectId = Guid.NewGuid();
        var change = NotificationSteps.GradeChange(subjectId, "淮阴区重复电话测试有限公司", CreditColour.Green, CreditColour.Yellow, 70, _late);

        // Once with one MessageId twice (outbox relay replay), once under a new MessageId (a republished fact).
        var id = NewId();
        await services.PublishOnBusAsync(change, id);
        await services.PublishOnBusAsync(change, id);
        var other = await services.PublishOnBusAsync(change);
        await services.ConsumedAsync(id, times: 2);
        await services.ConsumedAsync(other);

        await services.SingleCallTaskAsync(subjectId);
        Assert.Equal(["phoneCall", "sms", "weChat"], NotificationSteps.Channels(await services.ContactLogAsync(subjectId)));
    }

    [Fact]
    public async Task No_answer_is_retried_then_a_reached_call_closes_the_task_and_the_contact_is_delivered()
    {
        var (subjectId, path) = await YellowAsync("淮阴区回访测试有限公司");
        using var clerk = services.CreateClientAs(ResourceNames.Notifications, "clerk-zhang", Roles.Clerk);
        using var officer = services.CreateClientAs(ResourceNames.Notifications, "officer-li", Roles.CreditOfficer);

        var first = await clerk.PostJsonAsync($"{path}/attempts", new { outcome = "noAnswer", notes = "响铃无人接" }, HttpStatusCode.OK);
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("attemptCount").GetInt32());
        var due = first.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(new TimeSpan(9, 0, 0), due.TimeOfDay);
        Assert.True(due > DateTimeOffset.UtcNow, $"The retry is due at {due}, not in the future.");
        Assert.DoesNotContain(due.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });

        var second = await officer.PostJsonAsync($"{path}/attempts", new { outcome = "reached", notes = "客户表示本周内缴清欠费" }, HttpStatusCode.OK);
        Assert.Equal("reached", second.GetProperty("status").GetString());
        var attempts = second.GetProperty("attempts");
        Assert.Equal(2, attempts.GetArrayLength());
        Assert.Equal(("noAnswer", "clerk-zhang"), (attempts[0].GetProperty("outcome").GetString(), attempts[0].GetProperty("recordedBy").GetString()));
        Assert.Equal(("reached", "officer-li"), (attempts[1].GetProperty("outcome").GetString(), attempts[1].GetProperty("recordedBy").GetString()));

        var phone = (await services.ContactLogAsync(subjectId)).EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "phoneCall");
        Assert.Equal("delivered", phone.GetProperty("status").GetString());

        // Closed: nothing more can be recorded, and the refusal says why.
        using var late = await clerk.PostAsJsonAsync($"{path}/attempts", new { outcome = "noAnswer" }, Api.Cancellation);
        var problem = await Api.AssertProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Contains("已接通", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await clerk.GetJsonAsync(path)).GetProperty("attemptCount").GetInt32());
    }

    [Fact]
    public async Task Three_unanswered_calls_close_the_task_unreached_and_the_contact_is_given_up()
    {
        var (subjectId, path) = await YellowAsync("淮阴区无人接听测试有限公司");
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("open", (await clerk.PostJsonAsync($"{path}/attempts", new { outcome = "noAnswer" }, HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        var last = await clerk.PostJsonAsync($"{path}/attempts", new { outcome = "noAnswer" }, HttpStatusCode.OK);
        Assert.Equal("unreached", last.GetProperty("status").GetString());
        Assert.Equal(3, last.GetProperty("attemptCount").GetInt32());
        var phone = (await services.ContactLogAsync(subjectId)).EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "phoneCall");
        Assert.Equal("givenUp", phone.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Work_list_puts_open_tasks_first_by_due_time_and_filters_by_status()
    {
        var (_, closedPath) = await YellowAsync("淮阴区已完成任务测试有限公司");
        var (_, openPath) = await YellowAsync("淮阴区待拨打任务测试有限公司");
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        await clerk.PostJsonAsync($"{closedPath}/attempts", new { outcome = "wrongNumber", notes = "对方称不认识该单位" }, HttpStatusCode.OK);

        var all = await clerk.GetJsonAsync("/api/call-tasks");
        var statuses = all.EnumerateArray().Select(t => t.GetProperty("status").GetString()).ToList();
        var firstClosed = statuses.FindIndex(s => s != "open");
        Assert.True(firstClosed < 0 || statuses.Skip(firstClosed).All(s => s != "open"), "An open task is listed after a closed one.");
        var openDue = all.EnumerateArray().Where(t => t.GetProperty("status").GetString() == "open").Select(t => t.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(openDue.Order(), openDue);

        var open = await clerk.GetJsonAsync("/api/call-tasks?status=open");
        Assert.All(open.EnumerateArray(), t => Assert.Equal("open", t.GetProperty("status").GetString()));
        Assert.Contains(open.EnumerateArray(), t => openPath.EndsWith(t.GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal));
        var wrong = await clerk.GetJsonAsync("/api/call-tasks?status=wrongNumber");
        Assert.Contains(wrong.EnumerateArray(), t => closedPath.EndsWith(t.GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal));

        using var bad = await clerk.GetAsync("/api/call-tasks?status=busy", Api.Cancellation);
        await Api.AssertFieldErrorAsync(bad, "status");
    }

    [Fact]
    public async Task Bad_outcomes_are_refused_with_the_field_and_change_nothing()
    {
        var (_, path) = await YellowAsync("淮阴区错误输入测试有限公司");
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        using var unknown = await clerk.PostAsync($"{path}/attempts", Api.RawJson("""{"outcome":"voicemail"}"""), Api.Cancellation);
        await Api.AssertFieldErrorAsync(unknown, "outcome");
        using var silentRefusal = await clerk.PostAsJsonAsync($"{path}/attempts", new { outcome = "refused", notes = " " }, Api.Cancellation);
        Assert.Contains("通话记录", (await Api.AssertFieldErrorAsync(silentRefusal, "notes"))[0], StringComparison.Ordinal);
        using var tooLong = await clerk.PostAsJsonAsync($"{path}/attempts", new { outcome = "reached", notes = new string('长', 1001) }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(tooLong, "notes");
        using var missing = await clerk.PostAsJsonAsync($"/api/call-tasks/{Guid.NewGuid()}/attempts", new { outcome = "reached" }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var task = await clerk.GetJsonAsync(path);
        Assert.Equal(("open", 0), (task.GetProperty("status").GetString(), task.GetProperty("attemptCount").GetInt32()));
    }

    [Fact]
    public async Task Only_clerks_and_officers_record_outcomes()
    {
        var (_, path) = await YellowAsync("淮阴区权限测试有限公司");
        using var inspector = services.CreateClient(ResourceNames.Notifications, Roles.Inspector);
        using var anonymous = services.CreateClientWithToken(ResourceNames.Notifications, null);

        using var forbidden = await inspector.PostAsJsonAsync($"{path}/attempts", new { outcome = "reached" }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var unauthenticated = await anonymous.PostAsJsonAsync($"{path}/attempts", new { outcome = "reached" }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync("/api/call-tasks"));
    }

    private static Guid NewId() => MassTransit.NewId.NextGuid();
}
