namespace CreditPower.GatewaySimulator.WeChat;

/// <summary>
/// Template-message events set at run time through the control API: a server URL overriding configuration (a test
/// host learns its service's port only after starting it), and the Status reported for an openid's messages.
/// </summary>
public sealed class TemplateEventSettings
{
    public const string Success = "success";
    public const string UserBlock = "failed:user block";
    public const string SystemFailed = "failed: system failed";

    /// <summary>Not a WeChat status: no event at all, as when WeChat's push never arrives.</summary>
    public const string None = "none";

    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal) { Success, UserBlock, SystemFailed, None };

    private readonly Dictionary<string, string> _outcomes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string? ServerUrl { get; set; }

    public void SetOutcome(string openId, string status)
    {
        lock (_lock)
        {
            if (status == Success)
            {
                _outcomes.Remove(openId);
            }
            else
            {
                _outcomes[openId] = status;
            }
        }
    }

    /// <summary>The Status to report for a message to <paramref name="openId"/> (<see cref="Success"/> unless set otherwise).</summary>
    public string Outcome(string openId)
    {
        lock (_lock)
        {
            return _outcomes.GetValueOrDefault(openId, Success);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _outcomes.Clear();
        }
    }
}
