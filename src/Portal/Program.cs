using CreditPower.Portal.Account;
using CreditPower.Portal.Components;
using CreditPower.Portal.Data;
using CreditPower.Portal.Features.Applications;
using CreditPower.Portal.Features.Notifications;
using CreditPower.Portal.Services;
using CreditPower.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortalDatabase();
builder.AddStaffSignIn();
builder.AddServiceClients();
builder.AddPublicCriteriaClient();
builder.AddPortalUi();

var app = builder.Build();

app.UsePortalPipeline();
app.MapDefaultEndpoints();
app.MapAccountEndpoints();
app.MapPortalUi();
app.MapApplicationsDownloads();
app.MapNotificationDocuments();

app.Run();
