using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.Lifecycle;
using CreditPower.ServiceDefaults.Security;
using CreditPower.UnitTests.Dates;
using Xunit;

namespace CreditPower.UnitTests.Applications;

/// <summary>The stage table of DOMAIN.md §7: in order, each open stage completed by some role, green limits shorter.</summary>
public sealed class StagesTests
{
    [Fact]
    public void Stages_follow_the_domain_order_and_end_in_completed()
    {
        var order = new List<ApplicationStage> { ApplicationStage.Accepted };
        while (Stages.Next(order[^1]) is { } next)
        {
            order.Add(next);
        }

        Assert.Equal(["受理", "现场勘查", "答复供电方案", "设计审查", "中间检查", "竣工检验", "装表接电", "已完成"], order.Select(Stages.Name));
    }

    [Fact]
    public void Every_open_stage_names_who_completes_it_and_only_staff_who_do_the_work_move_stages()
    {
        Assert.All(Stages.All.Where(s => s.Stage != ApplicationStage.Completed), s => Assert.NotEmpty(s.CompletedBy));
        Assert.Equal([Roles.Clerk, Roles.Inspector, Roles.Supervisor], Stages.TransitionRoles);
        Assert.Equal("营业厅受理员", Stages.CompletedByNames(ApplicationStage.Accepted));
    }

    [Fact]
    public void Every_open_stage_has_a_default_limit_and_the_green_channel_is_never_slower()
    {
        var options = new StageTimeLimitOptions();
        var enteredAt = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
        var calendar = ShippedCalendar.Instance;

        foreach (var stage in Stages.All.Select(s => s.Stage).Where(s => s != ApplicationStage.Completed))
        {
            var setting = options.Stages[stage];
            Assert.True(setting.For(greenChannel: true).DueFrom(enteredAt, calendar) < setting.For(greenChannel: false).DueFrom(enteredAt, calendar), $"{stage}: green is faster");
        }
    }
}
