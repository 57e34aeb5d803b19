namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// Partition <see cref="Index"/> of <see cref="Of"/>: an equal slice of the uuid space. PostgreSQL orders uuids byte
/// by byte, so slicing on the first four bytes (big-endian) gives ranges an index on the id can scan.
/// </summary>
internal readonly record struct SubjectRange(int Index, int Of)
{
    /// <summary>Inclusive lower bound; null for the first slice.</summary>
    public Guid? From => Index == 0 ? null : Bound(Index);

    /// <summary>Exclusive upper bound; null for the last slice.</summary>
    public Guid? To => Index == Of - 1 ? null : Bound(Index + 1);

    /// <summary>The SQL condition on <paramref name="column"/> for this range (literals: COPY takes no parameters).</summary>
    public string Where(string column)
    {
        var conditions = new List<string>(2);
        if (From is { } from)
        {
            conditions.Add($"{column} >= '{from}'::uuid");
        }

        if (To is { } to)
        {
            conditions.Add($"{column} < '{to}'::uuid");
        }

        return conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
    }

    public static IEnumerable<SubjectRange> All(int of) => Enumerable.Range(0, of).Select(i => new SubjectRange(i, of));

    private Guid Bound(int index)
    {
        var prefix = (uint)((ulong)index * 0x1_0000_0000UL / (ulong)Of);
        var bytes = new byte[16];
        bytes[0] = (byte)(prefix >> 24);
        bytes[1] = (byte)(prefix >> 16);
        bytes[2] = (byte)(prefix >> 8);
        bytes[3] = (byte)prefix;
        return new Guid(bytes, bigEndian: true);
    }
}
