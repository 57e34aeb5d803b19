using CreditPower.ServiceDefaults;

namespace CreditPower.Portal.Services;

/// <summary>A CreditPower service the portal talks to, and the portal area that fronts it.</summary>
/// <param name="Name">The AppHost resource name, which service discovery resolves (<c>http://grading</c>).</param>
/// <param name="DisplayName">The service's Chinese name, as the start page lists it.</param>
/// <param name="AreaTitle">The navigation title of the portal area.</param>
/// <param name="AreaPath">The portal area's route.</param>
public sealed record PortalService(string Name, string DisplayName, string AreaTitle, string AreaPath)
{
    public static PortalService Grading { get; } = new(ResourceNames.Grading, "信用评价服务", "信用评价", "/grading");
    public static PortalService Applications { get; } = new(ResourceNames.Applications, "业扩报装服务", "业扩报装", "/applications");
    public static PortalService Notifications { get; } = new(ResourceNames.Notifications, "催缴告知服务", "催缴告知", "/notifications");
    public static PortalService ValueAdded { get; } = new(ResourceNames.ValueAdded, "增值服务", "增值服务", "/valueadded");

    public static IReadOnlyList<PortalService> All { get; } = [Grading, Applications, Notifications, ValueAdded];

    internal Uri BaseAddress => new($"http://{Name}/");

    internal string HealthClientName => $"{Name}-health";
}
