using Microsoft.AspNetCore.Identity;

namespace CreditPower.Portal.Data;

/// <summary>A member of staff who signs in to the portal.</summary>
public sealed class StaffUser : IdentityUser
{
    public const int DisplayNameMaxLength = 64;

    /// <summary>The name people read on screen, in Chinese (张敏), beside the sign-in name (clerk).</summary>
    public string DisplayName { get; set; } = "";
}
