using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>Wakes the dispatcher the moment SMS or WeChat entries are committed, so they need not wait for a poll.</summary>
public sealed class DispatchSignal : CommitSignal;
