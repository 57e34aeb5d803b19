namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// Version 7 ids that rise from one to the next (RFC 9562 §6.2, method 2: the random bits of one id, then incremented),
/// for the rows of one bulk COPY. PostgreSQL then adds each to the right-hand edge of the primary-key index. Ids all
/// made with <c>Guid.CreateVersion7(asOf)</c> share their timestamp and differ only in random bits: each insert then
/// went to a random place in the index (perf: a seventh of the run's database time in b-tree inserts).
/// </summary>
internal sealed class RisingGuids
{
    private readonly byte[] _bytes;
    private ulong _counter;

    public RisingGuids(DateTimeOffset now)
    {
        _bytes = Guid.CreateVersion7(now).ToByteArray(bigEndian: true);

        // The low 48 bits count; starting them below 2^44 leaves room for far more rows than any COPY writes.
        _bytes[10] &= 0x0F;
        _counter = Counter(_bytes);
    }

    /// <summary>
    /// The id <paramref name="offset"/> places after <paramref name="first"/> in its sequence: a bulk run's claim check
    /// names a chunk of consecutive grade rows by the first one's id.
    /// </summary>
    public static Guid After(Guid first, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var bytes = first.ToByteArray(bigEndian: true);
        return WithCounter(bytes, Counter(bytes) + (ulong)offset);
    }

    public Guid Next() => WithCounter(_bytes, _counter++);

    private static ulong Counter(byte[] bytes) =>
        ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32) | ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15];

    private static Guid WithCounter(byte[] bytes, ulong value)
    {
        for (var i = 15; i >= 10; i--)
        {
            bytes[i] = (byte)value;
            value >>= 8;
        }

        return new Guid(bytes, bigEndian: true);
    }
}
