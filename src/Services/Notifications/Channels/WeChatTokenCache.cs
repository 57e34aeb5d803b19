using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CreditPower.Notifications.Channels;

/// <summary>
/// The Official Account's access token, one for all replicas: kept in Redis, fetched from <c>/cgi-bin/stable_token</c>
/// by one replica at a time (a Redis lock) once <see cref="WeChatOptions.RefreshAtFraction"/> of its life has passed,
/// while the others keep using the old one until it is replaced. A token WeChat has refused is replaced at once
/// (forced refresh) — unless another replica already did. Each replica keeps the token it last read
/// (<see cref="WeChatTokenCopy"/>) until its refresh time, so a send does not ask Redis each time.
/// </summary>
internal sealed partial class WeChatTokenCache(
    HttpClient http,
    IConnectionMultiplexer redis,
    WeChatTokenCopy copy,
    IOptions<WeChatOptions> options,
    TimeProvider clock,
    ILogger<WeChatTokenCache> logger)
{
    private static readonly TimeSpan _lockTime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan _waitStep = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan _waitLimit = TimeSpan.FromSeconds(10);

    private string Key => $"notifications:wechat:access-token:{options.Value.AppId}";

    /// <summary>A valid token; <paramref name="rejected"/> is one WeChat just refused (40001/42001), never returned again.</summary>
    public async Task<string> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        if (copy.Token is { } kept && kept.Token != rejected && clock.GetUtcNow() < kept.RefreshAt)
        {
            return kept.Token;
        }

        var db = redis.GetDatabase();
        var waited = TimeSpan.Zero;
        while (true)
        {
            var cached = await ReadAsync(db);
            var now = clock.GetUtcNow();
            var usable = cached is not null && cached.Token != rejected && now < cached.ExpiresAt;
            if (usable && now < cached!.RefreshAt)
            {
                return cached.Token;
            }

            var lockKey = Key + ":lock";
            var lockValue = Guid.NewGuid().ToString("N");
            if (await db.LockTakeAsync(lockKey, lockValue, _lockTime))
            {
                try
                {
                    // Another replica may have refreshed between our read and our lock.
                    cached = await ReadAsync(db);
                    now = clock.GetUtcNow();
                    if (cached is not null && cached.Token != rejected && now < cached.RefreshAt)
                    {
                        return cached.Token;
                    }

                    var fresh = await FetchAsync(forceRefresh: rejected is not null && cached?.Token == rejected, cancellationToken);
                    await db.StringSetAsync(Key, JsonSerializer.Serialize(fresh), fresh.ExpiresAt - now);
                    copy.Token = fresh;
                    LogRefreshed(logger, options.Value.AppId, fresh.ExpiresAt);
                    return fresh.Token;
                }
                finally
                {
                    await db.LockReleaseAsync(lockKey, lockValue);
                }
            }

            if (usable)
            {
                return cached!.Token;
            }

            if (waited >= _waitLimit)
            {
                throw new TimeoutException("另一个服务实例正在刷新微信接口凭证，稍后将自动重试。");
            }

            await Task.Delay(_waitStep, cancellationToken);
            waited += _waitStep;
        }
    }

    private async Task<CachedToken> FetchAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var wechat = options.Value;
        using var response = await http.PostAsJsonAsync(new Uri(wechat.BaseUrl!, "cgi-bin/stable_token"), new
        {
            grant_type = "client_credential",
            appid = wechat.AppId,
            secret = wechat.AppSecret,
            force_refresh = forceRefresh,
        }, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!answer.TryGetProperty("access_token", out var token) || !answer.TryGetProperty("expires_in", out var expiresIn))
        {
            throw new WeChatTokenException($"获取微信接口凭证失败：{WeChatError.From(answer).Describe()}。");
        }

        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromSeconds(expiresIn.GetInt32());
        return new CachedToken(token.GetString()!, now + lifetime * wechat.RefreshAtFraction, now + lifetime);
    }

    private async Task<CachedToken?> ReadAsync(IDatabase db)
    {
        var value = await db.StringGetAsync(Key);
        var cached = value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CachedToken>(value.ToString());
        copy.Token = cached;
        return cached;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat access token for {AppId} refreshed; valid until {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, string appId, DateTimeOffset expiresAt);
}
