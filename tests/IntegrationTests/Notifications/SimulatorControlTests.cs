using System.Net;
using System.Net.Http.Json;
using CreditPower.GatewaySimulator.Control;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.Notifications.Channels;
using CreditPower.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>The gateway simulator's control API answers only to its key; its page and the provider endpoints need none.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class SimulatorControlTests(ServicesFixture services)
{
    [Fact]
    public async Task A_control_request_without_the_key_is_refused_and_changes_nothing()
    {
        var mobile = TestIdentifiers.NewMobile();
        using var anonymous = services.Simulator.CreateClient();
        using var wrongKey = services.Simulator.CreateClient();
        wrongKey.DefaultRequestHeaders.Add(ControlOptions.KeyHeader, services.SimulatorControlKey + "x");
        using var control = services.CreateSimulatorClient();
        var fault = new { channel = "sms", code = "isv.AMOUNT_NOT_ENOUGH", count = 1, to = mobile };

        using var unkeyedFault = await anonymous.PostAsJsonAsync("/simulator/faults", fault, Api.Cancellation);
        using var wrongFault = await wrongKey.PostAsJsonAsync("/simulator/faults", fault, Api.Cancellation);
        using var unkeyedRead = await anonymous.GetAsync("/simulator/messages", Api.Cancellation);
        using var keyedRead = await control.GetAsync("/simulator/messages", Api.Cancellation);

        var problem = await Api.AssertProblemAsync(unkeyedFault, HttpStatusCode.Unauthorized);
        Assert.Contains(ControlOptions.KeyHeader, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Api.AssertProblemAsync(wrongFault, HttpStatusCode.Unauthorized);
        await Api.AssertProblemAsync(unkeyedRead, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, keyedRead.StatusCode);
        // The refused faults were not armed: the next SMS to the number goes through.
        var sent = await services.Notifications.Services.GetRequiredService<AliyunSmsClient>()
            .SendAsync(mobile, "grade-yellow-sms", new Dictionary<string, string> { ["name"] = "测试" }, "control-key", Api.Cancellation);
        Assert.Equal(SendOutcome.Sent, sent.Outcome);
    }

    [Fact]
    public async Task The_page_at_the_root_opens_on_this_machine_without_a_key()
    {
        using var browser = services.Simulator.CreateClient();

        using var page = await browser.GetAsync("/", Api.Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("短信与微信网关模拟器", await page.Content.ReadAsStringAsync(Api.Cancellation), StringComparison.Ordinal);
    }
}
