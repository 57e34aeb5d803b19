using CreditPower.ValueAdded;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.AddValueAddedServices();

var app = builder.Build();

app.UseApiDefaults();
app.MapValueAddedApi();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
