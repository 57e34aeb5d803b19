using CreditPower.GatewaySimulator;
using CreditPower.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewaySimulator();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGatewaySimulator();

app.Run();
