using CreditPower.Grading;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.AddGradingServices();

var app = builder.Build();

app.UseApiDefaults();
app.MapGradingApi();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
