using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>Applies a group of consumed messages in one transaction, each message once (its inbox row in the same transaction).</summary>
public interface IGroupApplier<TMessage>
{
    /// <summary>Applies <paramref name="messages"/> in the order given; throws, committing nothing, if any cannot be applied.</summary>
    Task ApplyAsync(IReadOnlyList<(Guid MessageId, TMessage Message)> messages, CancellationToken cancellationToken);
}

/// <summary>How large a group may grow, and how long its first message waits for others when nothing else is waiting.</summary>
public sealed record GroupCommitLimits(int MaxGroup, TimeSpan Linger);

/// <summary>
/// Group commit for a consumer whose transactions are the bottleneck: each consumed message is handed to
/// <see cref="Submit"/> and acknowledged when its group has committed. One group is applied at a time, by
/// <typeparamref name="TApplier"/> in a scope of its own, and holds the messages handed over until it starts (at most
/// <see cref="GroupCommitLimits.MaxGroup"/>). A group starts <see cref="GroupCommitLimits.Linger"/> after its first
/// message was handed over (to the timer's whole milliseconds: what is left under 1 ms is not waited for), or at once if
/// that is past, as it is under load while the group before it was applied:
/// so at a moderate rate a transaction still carries a few messages, and under load the groups grow with the queue,
/// the cost of a transaction shared by as many messages as are waiting. A fixed time window (MassTransit's
/// <c>Batch&lt;T&gt;</c>, which this replaced) capped the groups at what arrives in one window however long a
/// transaction took: at 750 grade changes a second it fell behind (bench/Pipeline). One group at a time also keeps two
/// messages of one subject from being applied side by side. A group that fails is applied again message by message, so
/// a message that cannot be applied fails alone and its group-mates commit without a retry.
/// </summary>
public sealed partial class GroupCommit<TMessage, TApplier>(
    IServiceScopeFactory scopes, GroupCommitLimits limits, TimeProvider clock, ILogger<GroupCommit<TMessage, TApplier>> logger)
    : BackgroundService
    where TApplier : IGroupApplier<TMessage>
{
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public GroupCommitLimits Limits { get; } = limits.MaxGroup >= 1 && limits.Linger >= TimeSpan.Zero
        ? limits
        : throw new ArgumentOutOfRangeException(nameof(limits), "A group holds at least one message and lingers for no time or more.");

    /// <summary>Completes when <paramref name="message"/> has been applied and committed, or fails with why it could not be.</summary>
    public Task Submit(Guid messageId, TMessage message)
    {
        var pending = new Pending(messageId, message, clock.GetTimestamp(), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            pending.Done.SetException(new InvalidOperationException("The service is stopping; the message is left to the broker."));
        }

        return pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(Limits.MaxGroup);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                group.Clear();
                if (_pending.Reader.TryPeek(out var first) && Limits.Linger - clock.GetElapsedTime(first.HandedOverAt) is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                while (group.Count < Limits.MaxGroup && _pending.Reader.TryRead(out var pending))
                {
                    group.Add(pending);
                }

                await ApplyAsync(group, stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was handed over and not committed goes back to the broker unacknowledged.
            _pending.Writer.TryComplete();
            var stopping = new OperationCanceledException("The service is stopping.", stoppingToken);
            group.ForEach(pending => pending.Done.TrySetException(stopping));
            while (_pending.Reader.TryRead(out var pending))
            {
                pending.Done.TrySetException(stopping);
            }
        }
    }

    private async Task ApplyAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyInScopeAsync(group, cancellationToken);
            group.ForEach(pending => pending.Done.TrySetResult());
        }
        catch (Exception ex) when (group.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            LogGroupFailed(logger, ex, group.Count);
            foreach (var pending in group)
            {
                try
                {
                    await ApplyInScopeAsync([pending], cancellationToken);
                    pending.Done.TrySetResult();
                }
                catch (Exception alone) when (!cancellationToken.IsCancellationRequested)
                {
                    // To the endpoint's retries, and from there to its _error queue.
                    pending.Done.TrySetException(alone);
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            group[0].Done.TrySetException(ex);
        }
    }

    private async Task ApplyInScopeAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TApplier>()
            .ApplyAsync([.. group.Select(pending => (pending.MessageId, pending.Message))], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} messages could not be applied; applying them one by one")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(Guid MessageId, TMessage Message, long HandedOverAt, TaskCompletionSource Done);
}
