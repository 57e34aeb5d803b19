using Microsoft.Extensions.Options;

namespace CreditPower.TestSupport;

/// <summary>
/// Options that never change, for a class built by hand in a test that takes <see cref="IOptionsMonitor{T}"/>
/// (<see cref="Options.Create{T}"/> gives only <see cref="IOptions{T}"/>).
/// </summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
