namespace CreditPower.Portal.Account;

/// <summary>Return URLs come from the query string: follow only ones that stay on this site.</summary>
internal static class LocalUrl
{
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    // As ASP.NET Core's Url.IsLocalUrl: a rooted path, never "//host", "/\host" or anything with a scheme.
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
