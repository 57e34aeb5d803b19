namespace CreditPower.Applications.Domain;

/// <summary>Message codes and Chinese names of <see cref="ApplicationType"/>.</summary>
public static class ApplicationTypes
{
    public static string Code(ApplicationType type) => type == ApplicationType.NewConnection ? "new-connection" : "capacity-increase";

    public static string Name(ApplicationType type) => type == ApplicationType.NewConnection ? "新装" : "增容";
}
