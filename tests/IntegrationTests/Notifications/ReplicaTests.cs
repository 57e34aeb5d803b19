using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.Notifications.Channels;
using CreditPower.Notifications.Features.Dispatch;
using CreditPower.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>Several replicas: rows claimed once (SKIP LOCKED), and the provider cap shared through Redis.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ReplicaTests(ServicesFixture services)
{
    [Fact]
    public async Task Dispatchers_running_side_by_side_send_each_entry_once()
    {
        const int Subjects = 40;
        var customers = new List<(Guid SubjectId, string Mobile)>();
        for (var i = 0; i < Subjects; i++)
        {
            var subjectId = Guid.NewGuid();
            var mobile = TestIdentifiers.NewMobile();
            await services.FeedContactAsync(subjectId, "淮阴区并发测试有限公司", mobile);
            customers.Add((subjectId, mobile));
        }

        // Three more "replicas" compete with the service's own dispatcher for the same rows.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Api.Cancellation);
        var replicas = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var scope = services.Notifications.Services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DispatchRound>().RunAsync(stop.Token) == 0)
                {
                    await Task.Delay(5, stop.Token);
                }
            }
        }, stop.Token)).ToList();

        await Task.WhenAll(customers.Select(c =>
            services.PublishAsync(NotificationSteps.GradeChange(c.SubjectId, "淮阴区并发测试有限公司", CreditColour.Blue, CreditColour.Yellow, 74))));
        foreach (var (subjectId, _) in customers)
        {
            await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") is "sent" or "delivered", "every SMS sent");
        }

        await stop.CancelAsync();
        await Task.WhenAll(replicas.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var (_, mobile) in customers)
        {
            Assert.Single(await services.SimulatorMessagesAsync(mobile));
        }
    }

    [Theory]
    [InlineData(40, 1)]
    [InlineData(400, 8)]
    public async Task Two_replicas_together_never_exceed_the_provider_cap_in_any_second(int perSecond, int atOnce)
    {
        // 2.5 seconds' worth at the cap, taken a permit at a time or a burst at a time (a dispatch round's way).
        var calls = perSecond * 5 / 2 / atOnce;
        var provider = $"test-{Guid.NewGuid():N}";
        var redis = services.Notifications.Services.GetRequiredService<IConnectionMultiplexer>();
        var replicas = new[] { new ProviderRateLimiter(redis), new ProviderRateLimiter(redis) };
        Assert.Equal(atOnce, ProviderRateLimiter.MaxAtOnce(perSecond));
        var granted = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();

        // Times as Redis granted them: the limiter's promise, free of this machine's scheduling jitter.
        await Task.WhenAll(Enumerable.Range(0, calls).Select(i => Task.Run(async () =>
        {
            var at = await replicas[i % 2].WaitAsync(provider, perSecond, atOnce, Api.Cancellation);
            for (var permit = 0; permit < atOnce; permit++)
            {
                granted.Add(at);
            }
        })));

        var times = granted.Order().ToList();
        var busiestSecond = times.Select(start => times.Count(t => t >= start && t < start.AddSeconds(1))).Max();
        Assert.True(busiestSecond <= perSecond, $"{busiestSecond} permits within one second; the cap is {perSecond}");
        // Not throttled to a trickle either: 2.5 seconds' worth at some 92 % of the cap take under six seconds.
        Assert.InRange(times[^1] - times[0], TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
    }
}
