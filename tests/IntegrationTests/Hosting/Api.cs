using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreditPower.ServiceDefaults.Api;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>Small helpers for talking to the service APIs and reading their answers.</summary>
internal static class Api
{
    public const string ProblemJson = "application/problem+json";

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A body sent exactly as written (no serializer in between), so malformed input stays malformed.</summary>
    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A well-formed JSON body just over the services' request size limit.</summary>
    public static string OversizedText() => new('长', (int)(ApiDefaults.MaxRequestBodyBytes / 3) + 1024);

    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body, Cancellation);
        Assert.True(response.StatusCode == expected,
            $"POST {path}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadJsonAsync();
    }

    /// <summary>The JSON of a PUT that must answer <paramref name="expected"/> (default for a 204).</summary>
    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PutAsJsonAsync(path, body, Cancellation);
        Assert.True(response.StatusCode == expected,
            $"PUT {path}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {path}: expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadJsonAsync();
    }

    /// <summary>The JSON of a GET, or null on 404 (a read model not fed yet).</summary>
    public static async Task<JsonElement?> GetJsonOrNullAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.ReadJsonAsync();
    }

    public static async Task<HttpStatusCode> GetStatusAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        return response.StatusCode;
    }

    /// <summary>Asserts an RFC 9457 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="field"/>; returns that field's messages.</summary>
    public static async Task<string[]> AssertFieldErrorAsync(HttpResponseMessage response, string field) =>
        (await AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, field)).Reasons;

    /// <summary>
    /// Asserts a problem with <paramref name="status"/> (and <paramref name="title"/>, when given) whose <c>errors</c> name
    /// <paramref name="field"/> with a reason a form can show beside it: a 400 for bad input, or a 409 or 403 refusing a
    /// well-formed request. Returns the problem and that field's reasons.
    /// </summary>
    public static async Task<(JsonElement Problem, string[] Reasons)> AssertFieldProblemAsync(
        HttpResponseMessage response, HttpStatusCode status, string field, string? title = null)
    {
        var problem = await AssertProblemAsync(response, status);
        if (title is not null)
        {
            Assert.Equal(title, problem.GetProperty("title").GetString());
        }

        Assert.True(problem.TryGetProperty("errors", out var errors), $"The problem names no field: {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"The problem does not name '{field}': {problem}");
        var texts = messages.EnumerateArray().Select(m => m.GetString() ?? "").ToArray();
        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.False(string.IsNullOrWhiteSpace(text), $"'{field}' has an empty reason."));
        return (problem, texts);
    }

    /// <summary>
    /// Asserts a 400 problem naming <paramref name="field"/>; for <c>$</c> (malformed JSON, no field to blame) a
    /// problem that names where reading stopped and says the JSON is malformed.
    /// </summary>
    public static async Task AssertBadInputAsync(HttpResponseMessage response, string field, string why)
    {
        if (field != "$")
        {
            await AssertFieldErrorAsync(response, field);
            return;
        }

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), $"{why}: no errors in {problem}");
        Assert.All(errors.EnumerateObject(), e => Assert.Contains("JSON", e.Value[0].GetString(), StringComparison.Ordinal));
    }
}
