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
        _counter = ((ulong)_bytes[10] << 40) | ((ulong)_bytes[11] << 32) | ((ulong)_bytes[12] << 24) | ((ulong)_bytes[13] << 16)
                   | ((ulong)_bytes[14] << 8) | _bytes[15];
    }

    public Guid Next()
    {
        var value = _counter++;
        for (var i = 15; i >= 10; i--)
        {
            _bytes[i] = (byte)value;
            value >>= 8;
        }

        return new Guid(_bytes, bigEndian: true);
    }
}
