using CreditPower.Grading.Data;
using CreditPower.Grading.Features.BillingFeed;
using CreditPower.Grading.Features.Commitments;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.Objections;
using CreditPower.Grading.Features.Reevaluation;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Grading;

internal static class GradingServices
{
    public static IHostApplicationBuilder AddGradingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GradingDbContext>(ResourceNames.GradingDb);
        builder.AddWorkingDayCalendar();
        builder.Services.AddHostedService<RuleSetSeeder>();
        // No Redis spans: the instrumentation keeps every traced request's profiled commands (and its Activity) until
        // a 10 s drain, which under the grade look-up load cost ~250 MB of working set and ~15 % throughput (bench/Lookup).
        builder.AddRedisClient(ResourceNames.Redis, settings => settings.DisableTracing = true);
        builder.AddMessaging<GradingDbContext>(ResourceNames.Grading, bus =>
        {
            bus.AddConsumer<CommitmentBrokenConsumer>();
            bus.AddConsumer<CommitmentKeptConsumer>();
        });
        builder.Services.AddScoped<CommitmentEvent>();
        builder.Services.AddScoped<SubjectGrader>();
        builder.Services.AddSingleton<GradeCache>();
        builder.Services.AddSingleton(_ => GradeLookupDataSource.Create(
            builder.Configuration.GetConnectionString(ResourceNames.GradingDb)!, builder.Configuration.GetValue<int?>(GradeLookupDataSource.MaxConnectionsKey)));
        builder.Services.AddSingleton<GradeLookupReader>();
        builder.Services.AddSingleton<ActiveRuleSet>();
        builder.Services.AddSingleton<RuleSetVersions>();
        builder.Services.AddSingleton<RuleSetActivator>();
        builder.Services.AddHostedService<RuleSetActivationService>();
        builder.Services.AddOptions<ObjectionOptions>()
            .Bind(builder.Configuration.GetSection(ObjectionOptions.SectionName))
            .Validate(o => o.AcknowledgeWorkingDays >= 0 && o.DecideWorkingDays >= o.AcknowledgeWorkingDays, "Objections: working days must be >= 0, decide >= acknowledge.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ObjectionDeadlines>();
        builder.AddBillingFeedAuthentication();
        builder.AddReevaluation();
        return builder;
    }
}
