using CreditPower.Grading.Data;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Grading;

internal static class GradingServices
{
    public static IHostApplicationBuilder AddGradingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GradingDbContext>(ResourceNames.GradingDb);
        builder.Services.AddHostedService<RuleSetSeeder>();
        builder.AddRedisClient(ResourceNames.Redis);
        builder.AddMessaging<GradingDbContext>(ResourceNames.Grading);
        builder.Services.AddScoped<SubjectGrader>();
        builder.Services.AddSingleton<GradeCache>();
        builder.Services.AddSingleton<ActiveRuleSet>();
        return builder;
    }
}
