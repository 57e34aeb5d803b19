using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using Npgsql;

namespace CreditPower.Grading.Features.Reevaluation;

internal static class ReevaluationServices
{
    /// <summary>The bulk re-evaluation: its connection pool, launcher, worker, monthly schedule, cache sweep and the outbox claim check of its grade changes.</summary>
    public static IHostApplicationBuilder AddReevaluation(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.GradingDb)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.GradingDb} is not set.");
        builder.Services.AddOptions<ReevaluationOptions>().BindConfiguration(ReevaluationOptions.SectionName);
        builder.Services.AddSingleton(_ => new ReevaluationDataSource(NpgsqlDataSource.Create(connectionString)));
        builder.Services.AddSingleton<ReevaluationEngine>();
        builder.Services.AddSingleton<ReevaluationExecutor>();
        builder.Services.AddSingleton<ReevaluationSignal>();
        builder.Services.AddSingleton<ReevaluationLauncher>();
        builder.Services.AddSingleton<IReevaluationLauncher>(services => services.GetRequiredService<ReevaluationLauncher>());
        builder.Services.AddSingleton<IReevaluationObserver, GradeCacheSweep>();
        builder.Services.AddSingleton<IOutboxReferenceResolver, GradeChangedReference>();
        builder.Services.AddHostedService<ReevaluationWorker>();
        builder.Services.AddHostedService<MonthlyReevaluationSchedule>();
        return builder;
    }
}
