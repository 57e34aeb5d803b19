namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>How SMS and WeChat entries are sent (configuration <c>Dispatch:*</c>).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>Attempts before an entry is given up (status GivenUp).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// No SMS or WeChat message between <see cref="QuietHoursStart"/> and <see cref="QuietHoursEnd"/> on the Beijing wall
    /// clock (DOMAIN.md §6).
    /// </summary>
    public bool QuietHoursEnabled { get; set; } = true;

    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>Provider caps, requests per second across all replicas.</summary>
    public int SmsPerSecond { get; set; } = 2000;

    public int WeChatPerSecond { get; set; } = 2000;

    /// <summary>Rows one replica claims per round, and how many of them it sends at once.</summary>
    public int BatchSize { get; set; } = 200;

    public int Concurrency { get; set; } = 32;

    /// <summary>
    /// Rounds one replica runs side by side: while one waits on the providers, another claims what arrived meanwhile
    /// (SKIP LOCKED keeps them apart), so a new entry never waits for a whole round to finish.
    /// </summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often the queue is looked at without a wake-up (rows due after a back-off or quiet hours, other replicas' rows).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
