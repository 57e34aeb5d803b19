using CreditPower.Notifications;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.AddNotificationsServices();

var app = builder.Build();

app.UseApiDefaults();
app.MapNotificationsApi();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
