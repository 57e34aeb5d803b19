namespace CreditPower.ServiceDefaults.Security;

/// <summary>Staff roles of DOMAIN.md §1, as they appear in tokens and cookies.</summary>
public static class Roles
{
    public const string Clerk = "clerk";
    public const string CreditOfficer = "credit-officer";
    public const string Inspector = "inspector";
    public const string Supervisor = "supervisor";
    public const string DrcOfficer = "drc-officer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Clerk, CreditOfficer, Inspector, Supervisor, DrcOfficer, Admin];

    /// <summary>The Chinese name a person reads for each role.</summary>
    public static string DisplayName(string role) => role switch
    {
        Clerk => "营业厅受理员",
        CreditOfficer => "信用管理专责",
        Inspector => "用电检查员",
        Supervisor => "班长/主管",
        DrcOfficer => "发改委信用办",
        Admin => "系统管理员",
        _ => role,
    };
}
