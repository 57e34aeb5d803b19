using System.Text.Json;
using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.DrcReport;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>
/// The daily DRC batch on a clock the test moves: made at 02:00 Beijing time, and between two batches the schedule
/// sleeps without asking the database anything (each look at the database is a service scope it opens).
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class DrcReportScheduleTests(ServicesFixture services)
{
    private static readonly TimeOnly _dailyAt = new(2, 0);

    [Fact]
    public async Task The_schedule_makes_one_batch_at_two_each_day_and_asks_the_database_nothing_in_between()
    {
        // A day of its own far ahead, so no other batch was scheduled for it.
        var day = new DateOnly(2040, 1, 1).AddDays(Random.Shared.Next(0, 3650));
        var clock = new SteppedClock(ChinaDates.At(day, new TimeOnly(1, 0)));
        var scopes = new CountingScopes(services.Applications.Services.GetRequiredService<IServiceScopeFactory>());
        var first = Number(await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc(), "淮阴区定时报送一号有限公司"));
        using var schedule = new DrcReportSchedule(scopes, new FixedOptionsMonitor<DrcReportOptions>(new DrcReportOptions { DailyAt = _dailyAt }), clock,
            NullLogger<DrcReportSchedule>.Instance);

        await schedule.StartAsync(Api.Cancellation);
        try
        {
            await clock.UntilSleepingAsync(1);
            Assert.Equal(0, scopes.Created);

            await clock.StepAsync(TimeSpan.FromHours(1), sleeps: 2);
            Assert.Contains(first, await LettersOfAsync(day));
            Assert.Equal(1, scopes.Created);

            // Signed after the day's batch: it waits for tomorrow's. Through the day the schedule wakes (hourly, in case
            // the wall clock jumps) and goes back to sleep without opening a scope.
            var second = Number(await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc(), "淮阴区定时报送二号有限公司"));
            var sleeps = 2;
            while (clock.GetUtcNow() < ChinaDates.At(day.AddDays(1), new TimeOnly(1, 0)))
            {
                await clock.StepAsync(TimeSpan.FromHours(1), sleeps: ++sleeps);
            }

            Assert.Equal(1, scopes.Created);
            Assert.Empty(await LettersOfAsync(day.AddDays(1)));

            await clock.StepAsync(TimeSpan.FromHours(1), sleeps: ++sleeps);
            Assert.Equal([second], await LettersOfAsync(day.AddDays(1)));
            Assert.Equal(2, scopes.Created);
        }
        finally
        {
            await schedule.StopAsync(Api.Cancellation);
        }
    }

    private static string Number(JsonElement detail) => detail.GetProperty("letter").GetProperty("number").GetString()!;

    /// <summary>The letter numbers in the batch scheduled for <paramref name="day"/>; empty when it has none.</summary>
    private async Task<List<string>> LettersOfAsync(DateOnly day)
    {
        var batch = await services.Applications.QueryAsync(db =>
            db.Set<DrcBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.ScheduledFor == day, Api.Cancellation));
        return batch is null
            ? []
            : [.. JsonDocument.Parse(batch.Json).RootElement.GetProperty("letters").EnumerateArray().Select(l => l.GetProperty("letterNumber").GetString()!)];
    }

    /// <summary>
    /// A fake clock that counts the sleeps started on it (each <c>Task.Delay</c> on it is a timer), so the test moves
    /// time only once the schedule is asleep, and knows it has woken, done its work and gone back to sleep.
    /// </summary>
    private sealed class SteppedClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int _timers;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }

        public Task UntilSleepingAsync(int sleeps) =>
            Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref _timers) >= sleeps), $"the schedule's sleep number {sleeps}");

        /// <summary>Moves the clock on and waits until the schedule has gone to sleep for the <paramref name="sleeps"/>th time.</summary>
        public async Task StepAsync(TimeSpan by, int sleeps)
        {
            Advance(by);
            await UntilSleepingAsync(sleeps);
        }
    }

    private sealed class CountingScopes(IServiceScopeFactory inner) : IServiceScopeFactory
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public IServiceScope CreateScope()
        {
            Interlocked.Increment(ref _created);
            return inner.CreateScope();
        }
    }}
