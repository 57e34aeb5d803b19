using CreditPower.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;

namespace CreditPower.Portal.Data;

/// <summary>
/// Creates the six staff roles and, when <c>StaffAccounts:DevPassword</c> is configured, one development
/// account per role (two credit officers, for four-eyes approval). Runs after the migrator.
/// </summary>
internal sealed class StaffSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<StaffSeeder> logger)
    : IHostedService
{
    public const string DevPasswordKey = "StaffAccounts:DevPassword";

    internal static IReadOnlyList<DevStaffAccount> DevAccounts { get; } =
    [
        new("clerk", "张敏", Roles.Clerk),
        new("officer", "李强", Roles.CreditOfficer),
        new("officer2", "王芳", Roles.CreditOfficer),
        new("inspector", "赵刚", Roles.Inspector),
        new("supervisor", "陈静", Roles.Supervisor),
        new("drc", "刘洋", Roles.DrcOfficer),
        new("admin", "周涛", Roles.Admin),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var password = configuration[DevPasswordKey];
        if (string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("{Key} is not set: no development staff accounts were created.", DevPasswordKey);
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var account in DevAccounts)
        {
            await SeedAsync(users, account, password);
        }

        logger.LogInformation("Development staff accounts are ready: {UserNames}.", string.Join(", ", DevAccounts.Select(a => a.UserName)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedAsync(UserManager<StaffUser> users, DevStaffAccount account, string password)
    {
        var user = await users.FindByNameAsync(account.UserName);
        if (user is null)
        {
            user = new StaffUser { UserName = account.UserName, DisplayName = account.DisplayName };
            Ensure(await users.CreateAsync(user, password), $"create {account.UserName}");
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            // The configured password changed since the database was seeded: follow it.
            Ensure(await users.RemovePasswordAsync(user), $"reset the password of {account.UserName}");
            Ensure(await users.AddPasswordAsync(user, password), $"reset the password of {account.UserName}");
        }

        if (!await users.IsInRoleAsync(user, account.Role))
        {
            Ensure(await users.AddToRoleAsync(user, account.Role), $"add {account.UserName} to {account.Role}");
        }
    }

    private static void Ensure(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {action}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

internal sealed record DevStaffAccount(string UserName, string DisplayName, string Role);
