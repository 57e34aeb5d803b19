using CreditPower.Applications;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.AddApplicationsServices();

var app = builder.Build();

app.UseApiDefaults();
app.MapApplicationsApi();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
