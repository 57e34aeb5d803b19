namespace CreditPower.GatewaySimulator.Control;

/// <summary>Who may drive the simulator (configuration <c>Simulator:*</c>).</summary>
public sealed class ControlOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The header that carries the key.</summary>
    public const string KeyHeader = "X-Simulator-Key";

    /// <summary>The key every control API request must carry in <see cref="KeyHeader"/>; with none configured the control API refuses everything.</summary>
    public string ControlKey { get; init; } = "";
}
