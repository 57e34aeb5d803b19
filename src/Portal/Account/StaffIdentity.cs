using System.Security.Claims;

namespace CreditPower.Portal.Account;

/// <summary>Who is signed in, as the layout shows it and as service tokens carry it.</summary>
public sealed record StaffIdentity(string UserName, string DisplayName, IReadOnlyList<string> Roles)
{
    /// <summary>The claim holding <see cref="Data.StaffUser.DisplayName"/> in the sign-in cookie.</summary>
    public const string DisplayNameClaimType = "display_name";

    /// <summary>The roles' Chinese names, for people to read.</summary>
    public string RoleNames => string.Join("、", Roles.Select(ServiceDefaults.Security.Roles.DisplayName));

    public static StaffIdentity? From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } userName })
        {
            return null;
        }

        var displayName = user.FindFirstValue(DisplayNameClaimType) is { Length: > 0 } name ? name : userName;
        var roles = ServiceDefaults.Security.Roles.All.Where(user.IsInRole).ToList();
        return new StaffIdentity(userName, displayName, roles);
    }
}
