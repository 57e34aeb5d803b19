using CreditPower.Applications.Data;
using CreditPower.Applications.Features.CreditPath;
using CreditPower.Applications.Features.DrcReport;
using CreditPower.Applications.Features.GreenChannel;
using CreditPower.Applications.Features.Lifecycle;
using CreditPower.Applications.Features.Subjects;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Applications;

internal static class ApplicationsServices
{
    public static IHostApplicationBuilder AddApplicationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApplicationsDbContext>(ResourceNames.ApplicationsDb);
        builder.AddWorkingDayCalendar();
        builder.AddMessaging<ApplicationsDbContext>(ResourceNames.Applications, bus =>
        {
            bus.AddConsumer<CreditGradeChangedConsumer>();
            bus.AddConsumer<SubjectProfileChangedConsumer>();
        });

        builder.Services.AddOptions<StageTimeLimitOptions>().BindConfiguration(StageTimeLimitOptions.SectionName);
        builder.Services.AddOptions<CommitmentOptions>().BindConfiguration(CommitmentOptions.SectionName);
        builder.Services.AddOptions<DrcReportOptions>().BindConfiguration(DrcReportOptions.SectionName);
        builder.Services.AddSingleton<StageClock>();
        builder.Services.AddSingleton<CommitmentLetterWriter>();
        builder.Services.AddSingleton<LetterPdf>();
        builder.Services.AddScoped<DrcBatchWriter>();
        builder.Services.AddHostedService<DrcReportSchedule>();
        return builder;
    }
}
