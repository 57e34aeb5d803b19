using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreditPower.UnitTests.Dates;

/// <summary>The working-day calendar a service gets from its defaults: the shipped holiday notices, plus any settings given.</summary>
internal static class ShippedCalendar
{
    public static WorkingDayCalendar Instance { get; } = Build();

    public static WorkingDayCalendar Build(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddWorkingDayCalendar();
        using var host = builder.Build();
        return host.Services.GetRequiredService<WorkingDayCalendar>();
    }
}
