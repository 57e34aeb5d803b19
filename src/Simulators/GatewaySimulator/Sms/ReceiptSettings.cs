namespace CreditPower.GatewaySimulator.Sms;

/// <summary>
/// Receipt behaviour set at run time through the control API: a callback URL overriding configuration (a test host
/// learns its service's port only after starting it), and numbers whose receipts report failure.
/// </summary>
public sealed class ReceiptSettings
{
    private readonly HashSet<string> _undeliverable = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string? CallbackUrl { get; set; }

    public void SetUndeliverable(string phoneNumber, bool undeliverable)
    {
        lock (_lock)
        {
            _ = undeliverable ? _undeliverable.Add(phoneNumber) : _undeliverable.Remove(phoneNumber);
        }
    }

    public bool IsDeliverable(string phoneNumber)
    {
        lock (_lock)
        {
            return !_undeliverable.Contains(phoneNumber);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _undeliverable.Clear();
        }
    }
}
