using CreditPower.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CreditPower.UnitTests.Messaging;

/// <summary>
/// The group commit's scheduling: a message alone is applied at once, the messages handed over while a group is applied
/// make the next group (up to the limit, in order), and a message that cannot be applied fails alone.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly Applied _applied = new();
    private readonly ServiceProvider _services;
    private readonly GroupCommit<string, RecordingApplier> _groups;

    public GroupCommitTests()
    {
        _services = new ServiceCollection().AddSingleton(_applied).AddScoped<RecordingApplier>().BuildServiceProvider();
        _groups = Groups(TimeSpan.Zero);
    }

    public async ValueTask InitializeAsync() => await _groups.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _groups.StopAsync(CancellationToken.None);
        _groups.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_message_lingers_for_those_handed_over_just_after_it()
    {
        _applied.Release.SetResult();
        using var lingering = Groups(TimeSpan.FromMilliseconds(300));
        await lingering.StartAsync(TestContext.Current.CancellationToken);

        var handedOver = "abcd".Select(m => lingering.Submit(Guid.NewGuid(), m.ToString())).ToList();
        await Task.WhenAll(handedOver).WaitAsync(TestContext.Current.CancellationToken);
        await lingering.StopAsync(CancellationToken.None);

        Assert.Equal([["a", "b", "c"], ["d"]], _applied.Groups);
    }

    [Fact]
    public async Task A_message_alone_is_applied_at_once_and_those_handed_over_meanwhile_make_the_next_groups_in_order()
    {
        var first = _groups.Submit(Guid.NewGuid(), "a");
        await _applied.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        // While "a" is being applied: five more, for groups of at most three.
        var rest = "bcdef".Select(m => _groups.Submit(Guid.NewGuid(), m.ToString())).ToList();
        Assert.False(first.IsCompleted);

        _applied.Release.SetResult();
        await Task.WhenAll([first, .. rest]).WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal([["a"], ["b", "c", "d"], ["e", "f"]], _applied.Groups);
    }

    [Fact]
    public async Task A_message_that_cannot_be_applied_fails_alone_and_its_group_mates_commit()
    {
        _applied.Release.SetResult();
        var blocker = _groups.Submit(Guid.NewGuid(), "a");
        List<string> messages = ["b", "bad", "c"];
        var group = messages.Select(m => _groups.Submit(Guid.NewGuid(), m)).ToList();

        await blocker.WaitAsync(TestContext.Current.CancellationToken);
        await group[0].WaitAsync(TestContext.Current.CancellationToken);
        await group[2].WaitAsync(TestContext.Current.CancellationToken);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => group[1]);

        Assert.Equal("bad cannot be applied", failure.Message);
        Assert.DoesNotContain(_applied.Groups, g => g.Contains("bad"));
        Assert.Equal(["a", "b", "c"], _applied.Groups.SelectMany(g => g));
    }

    private GroupCommit<string, RecordingApplier> Groups(TimeSpan linger) => new(
        _services.GetRequiredService<IServiceScopeFactory>(), new GroupCommitLimits(MaxGroup: 3, linger), TimeProvider.System,
        NullLogger<GroupCommit<string, RecordingApplier>>.Instance);

    private sealed class Applied
    {
        public List<string[]> Groups { get; } = [];
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    // Commits a group (records it) unless it holds "bad"; the first group waits for Release.
    private sealed class RecordingApplier(Applied applied) : IGroupApplier<string>
    {
        public async Task ApplyAsync(IReadOnlyList<(Guid MessageId, string Message)> messages, CancellationToken cancellationToken)
        {
            applied.Started.TrySetResult();
            await applied.Release.Task.WaitAsync(cancellationToken);
            if (messages.Any(m => m.Message == "bad"))
            {
                throw new InvalidOperationException("bad cannot be applied");
            }

            applied.Groups.Add([.. messages.Select(m => m.Message)]);
        }
    }
}
