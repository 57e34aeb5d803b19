using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CreditPower.ServiceDefaults.Dates;

public static class WorkingDayExtensions
{
    private const string DefaultsFile = "working-days.json";

    /// <summary>
    /// Registers the one <see cref="WorkingDayCalendar"/> from the <c>WorkingDays</c> section, under which the shipped
    /// holiday notices (<c>Dates/working-days.json</c>) lie as the lowest configuration layer. Start fails on a date
    /// that is both a holiday and a working day, or a make-up working day that is no weekend day; it warns when a time
    /// limit set today can reach a year the calendar lists no holidays for (<see cref="WorkingDayCoverageCheck"/>).
    /// </summary>
    public static TBuilder AddWorkingDayCalendar<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(WorkingDayCalendar)))
        {
            return builder;
        }

        // A file provider rather than a stream: the configuration re-reads every source when one is inserted, and a
        // stream can be read only once.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new EmbeddedFileProvider(typeof(WorkingDayCalendar).Assembly, typeof(WorkingDayCalendar).Namespace),
            Path = DefaultsFile,
            Optional = false,
            ReloadOnChange = false,
        });
        builder.Services.AddOptions<WorkingDayOptions>()
            .BindConfiguration(WorkingDayOptions.SectionName)
            .Validate(o => !o.Holidays.Intersect(o.AdjustedWorkingDays).Any(), "WorkingDays: a date is both a holiday and an adjusted working day.")
            .Validate(o => o.AdjustedWorkingDays.All(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday),
                "WorkingDays: an adjusted working day (调休上班) must be a Saturday or Sunday.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<WorkingDayOptions>>().Value;
            return new WorkingDayCalendar(options.Holidays, options.AdjustedWorkingDays);
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<WorkingDayCoverageCheck>();
        return builder;
    }
}
