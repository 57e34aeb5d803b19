namespace CreditPower.Bench.Pipeline;

/// <summary>Makes the probes of a run: subjects drawn from a fixed pool, so most messages update an existing read-model row.</summary>
internal sealed class Probes(int subjects, int seed)
{
    private readonly Guid[] _subjects = Enumerable.Range(0, subjects).Select(i => new Guid(i + 1, 0x7a3, 0x4c1, new byte[] { 1, 2, 3, 4, 5, 6, 7, (byte)(seed & 0xff) })).ToArray();
    private readonly Random _random = new(seed);

    public Guid[] SubjectsFor(int count)
    {
        var drawn = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            drawn[i] = _subjects[_random.Next(_subjects.Length)];
        }

        return drawn;
    }

    public static PipelineProbe Make(int run, int sequence, Guid subjectId, DateTimeOffset now) => new()
    {
        Run = run,
        Sequence = sequence,
        SubjectId = subjectId,
        Name = "淮安市淮阴区管道基准测试电力用户有限公司",
        Accounts = ["3208040000012345", "3208040000067890"],
        Reasons = ["电费逾期超过 30 天（经催缴）", "违约用电（已查处）"],
        Score = 72,
        EffectiveAt = now,
    };
}
