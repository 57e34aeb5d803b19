namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// A range's events in force as PostgreSQL sends them, in no particular order, grouped here by subject with a counting
/// sort over the subjects' positions in the range: ordering them by subject in the query cost PostgreSQL more than
/// reading them (bench/Reevaluation). Kept from range to range, so its arrays are allocated once.
/// </summary>
internal sealed class RangeEvents
{
    private int[] _subject = new int[4096];
    private int[] _type = new int[4096];
    private long[] _occurredAt = new long[4096];
    private long[] _expiresAt = new long[4096];
    private int[] _order = [];
    private int[] _start = [];
    private int[] _fill = [];

    public int Count { get; private set; }

    public void Add(int subject, int type, long occurredAt, long expiresAt)
    {
        if (Count == _subject.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _subject, size);
            Array.Resize(ref _type, size);
            Array.Resize(ref _occurredAt, size);
            Array.Resize(ref _expiresAt, size);
        }

        _subject[Count] = subject;
        _type[Count] = type;
        _occurredAt[Count] = occurredAt;
        _expiresAt[Count] = expiresAt;
        Count++;
    }

    /// <summary>Groups the events by subject (0 to <paramref name="subjects"/> − 1), each subject's in the order they came.</summary>
    public void Group(int subjects)
    {
        Ensure(ref _start, subjects + 1);
        Ensure(ref _fill, subjects);
        Ensure(ref _order, Count);
        Array.Clear(_start, 0, subjects + 1);
        for (var e = 0; e < Count; e++)
        {
            _start[_subject[e] + 1]++;
        }

        for (var s = 0; s < subjects; s++)
        {
            _start[s + 1] += _start[s];
            _fill[s] = _start[s];
        }

        for (var e = 0; e < Count; e++)
        {
            _order[_fill[_subject[e]]++] = e;
        }
    }

    /// <summary>After <see cref="Group"/>: the events of <paramref name="subject"/>, appended to <paramref name="events"/>.</summary>
    public void CopyTo(int subject, EventBuffer events)
    {
        for (var k = _start[subject]; k < _start[subject + 1]; k++)
        {
            var e = _order[k];
            events.Add(_type[e], _occurredAt[e], _expiresAt[e]);
        }
    }

    public void Clear() => Count = 0;

    private static void Ensure(ref int[] array, int length)
    {
        if (array.Length < length)
        {
            array = new int[Math.Max(length, array.Length * 2)];
        }
    }
}
