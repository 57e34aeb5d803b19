using CreditPower.Applications.Domain;
using Xunit;

namespace CreditPower.UnitTests.Applications;

/// <summary>DOMAIN.md §7: public capacity is offered to waiting applications, honest customers first, then by submission time.</summary>
public sealed class CapacityOfferingTests
{
    private static readonly DateTimeOffset _day = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Green_channel_goes_before_an_earlier_submitted_ordinary_application()
    {
        var ordinaryEarly = Candidate("ordinary-early", 1, green: false, submittedHour: 0);
        var greenLate = Candidate("green-late", 1, green: true, submittedHour: 5);

        var order = CapacityOffering.Order([ordinaryEarly, greenLate]);

        Assert.Equal([greenLate, ordinaryEarly], order);
    }

    [Fact]
    public void Within_a_channel_the_earlier_submission_goes_first_whatever_the_request_time()
    {
        // The later application asked for capacity first; submission time, not request time, decides.
        var submittedFirst = Candidate("submitted-first", 1, green: false, submittedHour: 1, requestedHour: 9);
        var submittedSecond = Candidate("submitted-second", 1, green: false, submittedHour: 2, requestedHour: 3);

        var order = CapacityOffering.Order([submittedSecond, submittedFirst]);

        Assert.Equal([submittedFirst, submittedSecond], order);
    }

    [Fact]
    public void Same_submission_time_falls_back_to_request_time_then_id_so_the_order_is_total()
    {
        var a = Candidate("00000000-0000-0000-0000-00000000000a", 1, green: true, submittedHour: 1, requestedHour: 4);
        var b = Candidate("00000000-0000-0000-0000-00000000000b", 1, green: true, submittedHour: 1, requestedHour: 2);
        var c = Candidate("00000000-0000-0000-0000-00000000000c", 1, green: true, submittedHour: 1, requestedHour: 2);

        Assert.Equal([b, c, a], CapacityOffering.Order([a, c, b]));
        Assert.Equal([b, c, a], CapacityOffering.Order([c, a, b]));
    }

    [Theory]
    [InlineData(0, new string[0])]
    [InlineData(1, new[] { "green" })]
    [InlineData(2, new[] { "green" })]
    [InlineData(3, new[] { "green", "early" })]
    [InlineData(5, new[] { "green", "early", "late" })]
    [InlineData(100, new[] { "green", "early", "late" })]
    public void Free_capacity_goes_down_the_queue_in_order_until_it_runs_out(int free, string[] expected)
    {
        var waiting = new[]
        {
            Candidate("late", 2, green: false, submittedHour: 3),
            Candidate("early", 2, green: false, submittedHour: 1),
            Candidate("green", 1, green: true, submittedHour: 8),
        };

        var allocated = CapacityOffering.Offer(free, waiting);

        Assert.Equal(expected.Select(Id), allocated.Select(c => c.RequestId));
    }

    [Fact]
    public void A_request_too_big_for_the_free_capacity_is_passed_over_not_a_blocker_and_keeps_its_place()
    {
        var big = Candidate("big", 3, green: true, submittedHour: 0);
        var small = Candidate("small", 1, green: false, submittedHour: 1);
        var smaller = Candidate("smaller", 1, green: false, submittedHour: 2);

        var allocated = CapacityOffering.Offer(2, [smaller, big, small]);

        Assert.Equal([small, smaller], allocated);
        Assert.Equal(big, CapacityOffering.Order([small, smaller, big])[0]);
        Assert.Equal([big], CapacityOffering.Offer(3, [big, small]));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(29)]
    public void The_allocations_never_sum_above_what_is_free(int free)
    {
        var random = new Random(free);
        var waiting = Enumerable.Range(0, 60)
            .Select(i => new CapacityCandidate(Guid.NewGuid(), random.Next(1, 9), random.Next(2) == 0, _day.AddMinutes(random.Next(600)), _day))
            .ToList();

        var allocated = CapacityOffering.Offer(free, waiting);

        Assert.True(allocated.Sum(c => c.Amount) <= free);
        // First fit: whatever was passed over did not fit what was left when its turn came.
        var left = free;
        foreach (var candidate in CapacityOffering.Order(waiting))
        {
            if (allocated.Contains(candidate))
            {
                left -= candidate.Amount;
            }
            else
            {
                Assert.True(candidate.Amount > left, $"{candidate.Amount} was passed over with {left} free.");
            }
        }
    }

    private static CapacityCandidate Candidate(string name, int amount, bool green, int submittedHour, int requestedHour = 12) =>
        new(Id(name), amount, green, _day.AddHours(submittedHour), _day.AddHours(requestedHour));

    private static Guid Id(string name) =>
        Guid.TryParse(name, out var id) ? id : new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
