namespace CreditPower.Notifications.Channels;

/// <summary>This replica's copy of the shared token in Redis, as <see cref="WeChatTokenCache"/> last read or stored it.</summary>
internal sealed class WeChatTokenCopy
{
    private volatile CachedToken? _token;

    public CachedToken? Token
    {
        get => _token;
        set => _token = value;
    }
}
