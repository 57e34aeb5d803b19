namespace CreditPower.Notifications.Domain;

/// <summary>A subject's WeChat Official Account follower (openid), with the moment the customer consented to notices.</summary>
public sealed class WeChatBinding
{
    public Guid SubjectId { get; init; }
    public required string OpenId { get; set; }
    public DateTimeOffset ConsentedAt { get; set; }
    public DateTimeOffset BoundAt { get; set; }
    public required string BoundBy { get; set; }
}
