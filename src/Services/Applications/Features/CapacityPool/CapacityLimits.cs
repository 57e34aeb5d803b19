namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>Bounds of the capacity inputs, so a pool's figures stay well inside a 32-bit column after any sum.</summary>
internal static class CapacityLimits
{
    public const int MaxTotal = 100_000_000;
    public const int MaxReasonLength = 200;

    /// <summary>The reason a staff member gives for a movement, or a message saying what is wrong with it.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength ? $"事由不能为空，且不超过 {MaxReasonLength} 个字符。" : null;
}
