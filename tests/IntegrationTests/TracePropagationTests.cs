using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.IntegrationTests;

/// <summary>
/// Ops follow one fact through the dashboard as one trace: the request that changed a colour, the outbox relay's
/// publish and every service's consume share the request's trace id, although the publish happens later, from a row.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class TracePropagationTests(ServicesFixture services) : IDisposable
{
    private static readonly string[] _consumers = [ResourceNames.Applications, ResourceNames.Notifications, ResourceNames.ValueAdded];
    private readonly ActivitySource _test = new(nameof(TracePropagationTests));
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener = new();

    [Fact]
    public async Task A_colour_change_is_one_trace_from_the_request_to_every_consumer()
    {
        _listener.ShouldListenTo = source => source.Name is "MassTransit" or Extensions.ActivitySourceName or nameof(TracePropagationTests);
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _stopped.Add;
        ActivitySource.AddActivityListener(_listener);

        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        ActivityTraceId traceId;
        using (var root = _test.StartActivity("register a subject"))
        {
            traceId = root!.TraceId;
            await clerk.PostJsonAsync("/api/subjects", new
            {
                kind = "legalEntity",
                identifier = TestIdentifiers.NewUscc(),
                name = "淮阴区链路追踪测试有限公司",
            }, HttpStatusCode.Created);
        }

        await Eventually.UntilAsync(
            () => _consumers.All(consumer => InTrace(traceId).Any(a => a.DisplayName == $"{consumer}-credit-grade-changed process")),
            "every consumer's processing of the new subject's colour to join the request's trace");
        Assert.Contains(InTrace(traceId), a => a.DisplayName == "outbox publish CreditGradeChanged");
    }

    public void Dispose()
    {
        _listener.Dispose();
        _test.Dispose();
    }

    private IEnumerable<Activity> InTrace(ActivityTraceId traceId) => _stopped.Where(a => a.TraceId == traceId);
}
