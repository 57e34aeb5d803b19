using System.Globalization;

namespace CreditPower.Bench.Pipeline;

/// <summary>The figures of one measured run.</summary>
internal sealed record RunResult
{
    public required string Name { get; init; }
    public required int Rate { get; init; }
    public required int Seconds { get; init; }
    public required int Measured { get; init; }
    public required double[] LatenciesMs { get; init; }
    public required long Missing { get; init; }
    public required long Duplicates { get; init; }
    public required long RedeliveriesDropped { get; init; }
    public required long SendErrors { get; init; }
    public required IReadOnlyList<long> Backlog { get; init; }
    public required double MaxScheduleLagMs { get; init; }
    public required double CpuCores { get; init; }
    public required int Gen0 { get; init; }
    public required int Gen1 { get; init; }
    public required int Gen2 { get; init; }
    public required double GcPauseMs { get; init; }
    public required long MaxThreadPoolQueue { get; init; }
    public required string Load { get; init; }

    public double Percentile(double p) => Percentile(LatenciesMs, p);

    /// <summary>The <paramref name="p"/>th percentile (nearest rank) of <paramref name="sorted"/>, ascending; NaN for none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1))];

    public double Max => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[^1];

    public int OverOneSecond => LatenciesMs.Count(l => l > 1000);

    /// <summary>Messages sent but not yet consumed, per second: least-squares slope over the second half of the run.</summary>
    public double BacklogSlope => SecondHalfSlope(Backlog);

    /// <summary>Least-squares slope, per sample, of the second half of once-a-second samples.</summary>
    public static double SecondHalfSlope(IReadOnlyList<long> samples)
    {
        var half = samples.Skip(samples.Count / 2).Select((b, i) => (X: (double)i, Y: (double)b)).ToList();
        if (half.Count < 2)
        {
            return 0;
        }

        var meanX = half.Average(p => p.X);
        var meanY = half.Average(p => p.Y);
        var covariance = half.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = half.Sum(p => (p.X - meanX) * (p.X - meanX));
        return covariance / variance;
    }

    /// <summary>
    /// A backlog that keeps growing: rising by more than 1 % of the rate per second over the second half and, at the
    /// end, holding more than 100 ms worth of messages.
    /// </summary>
    public bool BacklogGrowing => BacklogSlope > Rate * 0.01 && Backlog.Count > 0 && Backlog[^1] > Rate / 10;

    public string BacklogSummary
    {
        get
        {
            if (Backlog.Count == 0)
            {
                return "—";
            }

            long At(double fraction) => Backlog[Math.Min(Backlog.Count - 1, (int)(fraction * Backlog.Count))];
            return string.Create(CultureInfo.InvariantCulture,
                $"{At(0.25)}/{At(0.5)}/{At(0.75)}/{Backlog[^1]} max {Backlog.Max()}, {BacklogSlope:+0.0;-0.0} msg/s");
        }
    }
}
