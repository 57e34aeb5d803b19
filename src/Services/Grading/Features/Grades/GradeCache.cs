using System.Text.Json;
using CreditPower.Grading.Domain;
using StackExchange.Redis;

namespace CreditPower.Grading.Features.Grades;

/// <summary>Cache-aside for grade look-ups; entries are dropped as soon as the grade they hold changes.</summary>
internal sealed class GradeCache(IConnectionMultiplexer redis)
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string KeyFor(bool byAccount, string value) => byAccount ? $"account:{value}" : $"id:{value}";

    public async Task<GradeLookupResponse?> GetAsync(string key)
    {
        var value = await redis.GetDatabase().StringGetAsync(RedisKeyFor(key));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<GradeLookupResponse>((ReadOnlySpan<byte>)(byte[])value!, _json);
    }

    public Task SetAsync(string key, GradeLookupResponse grade) =>
        redis.GetDatabase().StringSetAsync(RedisKeyFor(key), JsonSerializer.SerializeToUtf8Bytes(grade, _json), _lifetime);

    /// <summary>Drops every look-up key of <paramref name="subject"/>: by identifier and by each account.</summary>
    public Task InvalidateAsync(Subject subject) => InvalidateAsync([subject]);

    /// <summary>Drops every look-up key of <paramref name="subjects"/> in one round trip.</summary>
    public Task InvalidateAsync(IEnumerable<Subject> subjects)
    {
        var keys = subjects
            .SelectMany(subject => subject.Accounts.Select(a => RedisKeyFor(KeyFor(true, a.Number)))
                .Append(RedisKeyFor(KeyFor(false, subject.Identifier))))
            .ToArray();
        return keys.Length == 0 ? Task.CompletedTask : redis.GetDatabase().KeyDeleteAsync(keys);
    }

    private static RedisKey RedisKeyFor(string key) => $"grading:grade:{key}";
}
