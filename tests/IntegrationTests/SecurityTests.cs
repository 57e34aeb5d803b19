using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreditPower.IntegrationTests;

/// <summary>
/// ARCHITECTURE.md "Security": every service API authenticates the caller and authorises per role; only the health
/// probes are open. The routes are read from each running service, so a route added later is covered too.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed partial class SecurityTests(ServicesFixture services)
{
    /// <summary>A role no staff member has: the only way to be refused by a route open to every staff role.</summary>
    private const string NotAStaffRole = "customer";

    private const string Anonymous = "anonymous";

    /// <summary>
    /// The only /api routes not for staff tokens, each with its method and what it takes instead: the public criteria
    /// page (no sign-in, DOMAIN.md §9), the upstream billing feed (its own API key, tested in BillingFeedTests), the SMS
    /// provider's receipt callback (a token in its URL, tested in DispatchTests) and WeChat's event callback, the POST of
    /// its events and the GET of its URL check (WeChat's signature, tested in WeChatEventTests). A new exception must be
    /// added here on purpose.
    /// </summary>
    private static readonly Dictionary<string, (string Method, string Path, string Credential)[]> _notForStaffTokens = new()
    {
        [ResourceNames.Grading] = [("GET", "/api/public/criteria", Anonymous), ("POST", "/api/billing/facts", "billing-feed")],
        [ResourceNames.Notifications] =
        [
            ("GET", "/api/callbacks/wechat-events", "wechat-events"),
            ("POST", "/api/callbacks/sms-reports", "sms-receipts"),
            ("POST", "/api/callbacks/wechat-events", "wechat-events"),
        ],
    };

    public static TheoryData<string> Services =>
        [ResourceNames.Grading, ResourceNames.Applications, ResourceNames.Notifications, ResourceNames.ValueAdded];

    public static TheoryData<string, string, string, string> NotForStaffTokens =>
        [.. _notForStaffTokens.SelectMany(s => s.Value.Select(r => (s.Key, r.Method, r.Path, r.Credential)))];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_api_route_answers_401_without_a_token(string service)
    {
        using var anonymous = services.CreateClientWithToken(service, bearerToken: null);

        var answers = await CallEveryRouteAsync(service, anonymous);

        AssertAll(answers, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_api_route_answers_401_to_a_token_signed_with_another_key(string service)
    {
        var otherKey = new ServiceTokenIssuer(
            Options.Create(new ServiceTokenOptions { SigningKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) }), TimeProvider.System);
        using var forged = services.CreateClientWithToken(service, otherKey.Issue("mallory", "mallory", Roles.All));

        var answers = await CallEveryRouteAsync(service, forged);

        AssertAll(answers, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_api_route_answers_401_to_an_expired_token(string service)
    {
        var anHourAgo = new ServiceTokenIssuer(
            Options.Create(new ServiceTokenOptions { SigningKey = SigningKeyOf(service) }), new FixedClock(DateTimeOffset.UtcNow.AddHours(-1)));
        using var expired = services.CreateClientWithToken(service, anHourAgo.Issue("admin", "admin", Roles.All));

        var answers = await CallEveryRouteAsync(service, expired);

        AssertAll(answers, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_api_route_answers_403_to_each_role_it_does_not_allow(string service)
    {
        var routes = ApiRoutes(service);
        var wrong = new List<string>();
        foreach (var route in routes)
        {
            var outsiders = Roles.All.Except(route.AllowedRoles).Append(NotAStaffRole);
            foreach (var role in outsiders)
            {
                using var client = services.CreateClient(service, role);
                var status = await SendAsync(client, route);
                if (status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{route} as {role}: {(int)status}, expected 403");
                }
            }

            using var noRoles = services.CreateClient(service);
            var bare = await SendAsync(noRoles, route);
            if (bare != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{route} with no role: {(int)bare}, expected 403");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_api_route_lets_each_role_it_allows_past_authorisation(string service)
    {
        // The control for the 401/403 tests: the same requests with a valid token and an allowed role get through
        // to the handler (404 for a made-up id, 400 for an empty body), so the refusals above come from auth alone.
        var wrong = new List<string>();
        foreach (var route in ApiRoutes(service))
        {
            foreach (var role in route.AllowedRoles)
            {
                using var client = services.CreateClient(service, role);
                var status = await SendAsync(client, route);
                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or >= HttpStatusCode.InternalServerError)
                {
                    wrong.Add($"{route} as {role}: {(int)status}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_api_route_names_the_roles_it_allows(string service)
    {
        var routes = ApiRoutes(service);

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.True(route.AllowedRoles.Count > 0,
            $"{route} accepts any authenticated caller: it must name its roles (STYLE.md: every route authorised)."));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Health_and_liveness_probes_answer_200_without_a_token(string service)
    {
        using var anonymous = services.CreateClientWithToken(service, bearerToken: null);

        Assert.Equal(HttpStatusCode.OK, await anonymous.GetStatusAsync(Extensions.AlivePath));
        // Readiness includes the broker; a test before this one may have just restarted it.
        await Eventually.UntilAsync(async () => await anonymous.GetStatusAsync(Extensions.HealthPath) == HttpStatusCode.OK,
            $"{service} {Extensions.HealthPath} to answer 200 anonymously", TimeSpan.FromSeconds(60));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Only_the_listed_routes_are_open_to_anyone_or_use_their_own_credential(string service)
    {
        var exceptions = ApiEndpoints(service)
            .Where(e => IsOpenToAnyone(e) || NamedPolicy(e) is not null)
            .SelectMany(e => Methods(e).Select(method => $"{method} {e.RoutePattern.RawText} {(IsOpenToAnyone(e) ? Anonymous : NamedPolicy(e))}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            _notForStaffTokens.GetValueOrDefault(service, []).Select(r => $"{r.Method} {r.Path} {r.Credential}").Order(StringComparer.Ordinal),
            exceptions);
    }

    [Theory]
    [MemberData(nameof(NotForStaffTokens))]
    public async Task Each_listed_route_called_with_its_method_takes_only_its_own_credential(string service, string method, string path, string credential)
    {
        // A token with every staff role, validly signed: the routes with a credential of their own still refuse it, and
        // the public one needs no token at all. Called with the listed method, so a GET and a POST of one path are each
        // checked (the other method would answer 405 and prove nothing).
        using var staff = services.CreateClient(service, [.. Roles.All]);
        using var anonymous = services.CreateClientWithToken(service, bearerToken: null);
        var route = new ApiRoute(method, path, []);

        if (credential == Anonymous)
        {
            Assert.Equal(HttpStatusCode.OK, await SendAsync(anonymous, route));
            return;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(anonymous, route));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(staff, route));
    }

    [Fact]
    public async Task A_registration_refused_for_the_role_stores_nothing()
    {
        using var inspector = services.CreateClient(ResourceNames.Grading, Roles.Inspector);
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();

        using var response = await inspector.PostAsync("/api/subjects",
            Api.RawJson($$"""{"kind":"legalEntity","identifier":"{{uscc}}","name":"淮阴区越权登记有限公司"}"""), Api.Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await clerk.GetStatusAsync($"/api/grades/lookup?identifier={uscc}"));
    }

    private string SigningKeyOf(string service) =>
        services.Host(service).Services.GetRequiredService<IOptions<ServiceTokenOptions>>().Value.SigningKey;

    private async Task<List<(ApiRoute Route, HttpStatusCode Status)>> CallEveryRouteAsync(string service, HttpClient client)
    {
        var answers = new List<(ApiRoute, HttpStatusCode)>();
        foreach (var route in ApiRoutes(service))
        {
            answers.Add((route, await SendAsync(client, route)));
        }

        return answers;
    }

    private static void AssertAll(List<(ApiRoute Route, HttpStatusCode Status)> answers, HttpStatusCode expected)
    {
        Assert.NotEmpty(answers);
        var wrong = answers.Where(a => a.Status != expected).Select(a => $"{a.Route}: {(int)a.Status}, expected {(int)expected}").ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, ApiRoute route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = Api.RawJson("{}");
        }

        using var response = await client.SendAsync(request, Api.Cancellation);
        return response.StatusCode;
    }

    /// <summary>
    /// Every /api endpoint of the running service that staff reach with the portal's token, with a concrete path and
    /// the roles its policy allows. The exceptions are listed in <see cref="_notForStaffTokens"/> and tested there.
    /// </summary>
    private List<ApiRoute> ApiRoutes(string service) =>
        [.. ApiEndpoints(service)
            .Where(e => !IsOpenToAnyone(e) && NamedPolicy(e) is null)
            .SelectMany(e => Methods(e).Select(method => new ApiRoute(
                method,
                RouteParameter().Replace(e.RoutePattern.RawText!, p => p.Groups["constraints"].Value.Contains(":int", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString()),
                [.. e.Metadata.GetOrderedMetadata<AuthorizationPolicy>()
                    .SelectMany(policy => policy.Requirements.OfType<RolesAuthorizationRequirement>())
                    .SelectMany(requirement => requirement.AllowedRoles)
                    .Distinct()])))];

    private IEnumerable<RouteEndpoint> ApiEndpoints(string service) =>
        services.Host(service).Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal));

    private static IReadOnlyList<string> Methods(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static bool IsOpenToAnyone(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static string? NamedPolicy(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);

    [GeneratedRegex(@"\{(?<name>[^}:?=]+)(?<constraints>[^}]*)\}")]
    private static partial Regex RouteParameter();

    private sealed record ApiRoute(string Method, string Path, IReadOnlyList<string> AllowedRoles)
    {
        public override string ToString() => $"{Method} {Path} [{string.Join(", ", AllowedRoles)}]";
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
