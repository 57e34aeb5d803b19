namespace CreditPower.GatewaySimulator.Control;

/// <summary>Answer the next <see cref="Remaining"/> requests of a channel (to one recipient, or any) with <see cref="Code"/>.</summary>
internal sealed class FaultRule(string channel, string? to, string code, int count)
{
    public string Channel { get; } = channel;
    public string? To { get; } = to;
    public string Code { get; } = code;
    public int Remaining { get; set; } = count;

    public bool Matches(string channel, string to) =>
        Remaining > 0 && Channel == channel && (To is null || To == to);
}
