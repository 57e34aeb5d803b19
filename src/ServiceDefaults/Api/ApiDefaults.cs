using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using CreditPower.ServiceDefaults.Security;
using Microsoft.Extensions.Hosting;

namespace CreditPower.ServiceDefaults.Api;

public static class ApiDefaults
{
    /// <summary>Request bodies above this are refused before they are read.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>
    /// What every service API shares: strict JSON (unknown fields are an error), RFC 9457 problem
    /// details for every failure (titled in Chinese when the endpoint gave no title), a body size limit, OpenAPI, and
    /// authentication.
    /// </summary>
    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        // Minimal APIs throw on an unreadable body only in Development by default; elsewhere they answer a bare 400
        // that names no field. Throwing everywhere lets ProblemExceptionHandler say which field and why.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemTitles.Apply);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.AddServiceAuthentication();
        return builder;
    }

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapDefaultEndpoints();
        return app;
    }
}
