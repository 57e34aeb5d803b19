using CreditPower.Grading.Data;
using CreditPower.Grading.Features.Grades;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Grading;

internal static class GradingServices
{
    public static IHostApplicationBuilder AddGradingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GradingDbContext>(ResourceNames.GradingDb);
        builder.AddRedisClient(ResourceNames.Redis);
        builder.AddMessaging<GradingDbContext>(ResourceNames.Grading);
        builder.Services.AddScoped<SubjectGrader>();
        builder.Services.AddSingleton<GradeCache>();
        return builder;
    }
}
