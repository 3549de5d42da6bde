using System.Diagnostics;

namespace Monitor.Cli.Bench;

/// <summary>
/// Times the stages of a benchmark: wall-clock seconds, the process's processor seconds (which a shared
/// machine's load inflates far less than wall-clock time), the garbage collector's pauses and the peak
/// working set so far.
/// </summary>
public sealed class StageClock(TextWriter output)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _stage = Stopwatch.StartNew();
    private TimeSpan _cpuAtStage = Cpu(), _pauseAtStage = GC.GetTotalPauseDuration();

    public TimeSpan Total => _total.Elapsed;

    /// <summary>Prints the stage that just ended and starts the next.</summary>
    public double Stage(string what)
    {
        var seconds = _stage.Elapsed.TotalSeconds;
        var cpu = Cpu();
        var pause = GC.GetTotalPauseDuration();
        output.WriteLine($"{what}: {seconds:N2} s (cpu {(cpu - _cpuAtStage).TotalSeconds:N2} s, gc pauses {(pause - _pauseAtStage).TotalSeconds:N2} s); " +
                         $"peak memory so far {PeakMegabytes():N0} MB (managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N0} MB)");
        (_cpuAtStage, _pauseAtStage) = (cpu, pause);
        _stage.Restart();
        return seconds;
    }

    public void Restart()
    {
        (_cpuAtStage, _pauseAtStage) = (Cpu(), GC.GetTotalPauseDuration());
        _stage.Restart();
    }

    public static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1e6;
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
