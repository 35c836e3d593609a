using System.Diagnostics;

namespace Transferkatalog.Pipeline;

/// <summary>Receives the wall and CPU time of each pipeline stage as it ends: the benchmark's and the preview's per-stage timings.</summary>
/// <remarks>CPU time is the whole process's, so work running beside a stage (exports in the background) counts towards it.</remarks>
public interface IStageObserver
{
    void StageDone(string stage, TimeSpan wall, TimeSpan cpu);
}

/// <summary>Measures consecutive stages of one build for an <see cref="IStageObserver"/>.</summary>
internal sealed class StageClock(IStageObserver? observer)
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private TimeSpan lap;
    private TimeSpan cpuLap = Environment.CpuUsage.TotalTime;

    public TimeSpan Elapsed => watch.Elapsed;

    /// <summary>Ends the stage that began with the previous lap (or the build).</summary>
    public void Lap(string stage)
    {
        if (observer is null)
        {
            return;
        }

        var now = watch.Elapsed;
        var cpu = Environment.CpuUsage.TotalTime;
        observer.StageDone(stage, now - lap, cpu - cpuLap);
        lap = now;
        cpuLap = cpu;
    }
}
