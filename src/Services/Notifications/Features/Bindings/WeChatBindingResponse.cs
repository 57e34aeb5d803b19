namespace CreditPower.Notifications.Features.Bindings;

/// <summary>A binding as staff see it: the openid masked.</summary>
public sealed record WeChatBindingResponse(Guid SubjectId, string OpenId, DateTimeOffset ConsentedAt, DateTimeOffset BoundAt, string BoundBy);
