namespace CreditPower.Contracts;

/// <summary>
/// Published by ValueAdded when a value-added service order (用能服务订单) changes status (DOMAIN.md §8);
/// Notifications tells the customer.
/// </summary>
public sealed record ServiceOrderChanged
{
    public required Guid OrderId { get; init; }
    public required Guid SubjectId { get; init; }

    /// <summary>The catalogue entry's code (e.g. <c>equipment-maintenance</c>).</summary>
    public required string ServiceCode { get; init; }

    /// <summary>The service in Chinese (e.g. 设备代维).</summary>
    public required string ServiceName { get; init; }

    /// <summary>requested, accepted, scheduled, in-service, completed, cancelled or suspended.</summary>
    public required string Status { get; init; }

    /// <summary>The status in Chinese (e.g. 已受理).</summary>
    public required string StatusName { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }
}
