namespace CreditPower.Bench.Pipeline;

/// <summary>The recorder of the run in progress; messages of an earlier run still draining are not counted in it.</summary>
internal sealed class CurrentRun
{
    private LatencyRecorder? _recorder;

    public LatencyRecorder? Recorder
    {
        get => Volatile.Read(ref _recorder);
        set => Volatile.Write(ref _recorder, value);
    }
}
