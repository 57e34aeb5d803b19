using System.Text.Json;
using CreditPower.Portal.Services;
using CreditPower.ServiceDefaults.Api;

namespace CreditPower.Portal.Features.Grading;

/// <summary>
/// An answer from the Grading API: the value, or the problem details the service sent (title, detail and
/// the field errors, which the pages show beside the field they name).
/// </summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>An RFC 9457 problem as the pages show it; <see cref="Errors"/> is keyed by the request's field names.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The messages for one field (and its items, such as <c>accounts[1]</c>), or null when it has none.</summary>
    public string? For(string field)
    {
        var messages = Errors
            .Where(e => Names(e.Key, field))
            .SelectMany(e => e.Value)
            .ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }

    /// <summary>What to say at the top of the form: the detail, or the title, and the errors no field shows.</summary>
    public string Summary(params string[] shownFields)
    {
        var others = Errors
            .Where(e => !shownFields.Any(f => Names(e.Key, f)))
            .SelectMany(e => e.Value)
            .ToList();
        var head = Detail ?? Title;
        return others.Count == 0 ? head : $"{head}：{string.Join("；", others)}";
    }

    private static bool Names(string key, string field) =>
        key.Equals(field, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase);

    internal static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? title = null;
        string? detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (body.ValueKind == JsonValueKind.Object)
            {
                title = body.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                detail = body.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")]
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page, an empty 404): the status alone speaks.
        }

        // The services title every problem in Chinese; an answer without one gets the same title by its status.
        return new ApiProblem(status, title ?? ProblemTitles.For((int)response.StatusCode), detail, errors);
    }
}

/// <summary>Grading calls through <see cref="ServiceCalls"/>.</summary>
internal static class GradingCalls
{
    public static Task<ApiResult<T>> GetGradingAsync<T>(this ServiceApiClient api, string path, CancellationToken cancellationToken = default) =>
        api.GetAsync<T>(PortalService.Grading, path, cancellationToken);

    /// <summary>A GET to any service the archive draws on (Notifications' contact log, for one).</summary>
    public static Task<ApiResult<T>> GetAsync<T>(this ServiceApiClient api, PortalService service, string path, CancellationToken cancellationToken = default) =>
        api.SendAsync<T>(service, HttpMethod.Get, path, null, cancellationToken);

    public static Task<ApiResult<T>> PostGradingAsync<T>(this ServiceApiClient api, string path, object body, CancellationToken cancellationToken = default) =>
        api.SendAsync<T>(PortalService.Grading, HttpMethod.Post, path, body, cancellationToken);
}

internal static class GradingJson
{
    /// <summary>The services write camelCase names and camelCase enum strings; the portal keeps colours and statuses as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>What a form input makes of a problem that may not be there.</summary>
public static class ApiProblemExtensions
{
    /// <summary>The CSS class for an input: <c>invalid</c> when the problem names its field.</summary>
    public static string InvalidClass(this ApiProblem? problem, string field) => problem?.For(field) is null ? "" : "invalid";
}
