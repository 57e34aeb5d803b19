using System.Security.Claims;
using CreditPower.Portal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CreditPower.Portal.Account;

/// <summary>Adds the Chinese display name to the cookie, beside the user name and roles Identity puts there.</summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffIdentity.DisplayNameClaimType, user.DisplayName));
        return identity;
    }
}
