using System.Diagnostics;
using System.Globalization;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Benchmarks;

/// <summary>Runs one build in this process and prints wall and CPU time of each pipeline stage: a quick profile before reaching for BenchmarkDotNet.</summary>
/// <remarks>The stages are the orchestrator's own (<see cref="IStageObserver"/>), so what is timed is what `build` runs.</remarks>
public static class PhaseTimer
{
    public static int Run(Options options)
    {
        var content = options.Require("content");
        var theme = options.Get("theme") ?? Repo.Theme;
        var output = options.Get("out") ?? Path.Combine(Path.GetTempPath(), $"tk-phases-{Environment.ProcessId}");
        var process = Process.GetCurrentProcess();

        // --threads N limits every stage (BuildOptions.MaxDegreeOfParallelism), to see what each stage gains from more threads.
        var build = new BuildOptions(content, theme, output, null, new DateOnly(2026, 11, 21), options.Int("threads", 0) is > 0 and var n ? n : null);
        var result = new SiteBuilder { Observer = new Printer() }.Build(build);
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Gesamt       Wand {result.Elapsed.TotalMilliseconds,8:0} ms   CPU {process.TotalProcessorTime.TotalMilliseconds,8:0} ms (inkl. Start)   Spitze {process.PeakWorkingSet64 / 1048576.0:0} MiB   {result.Files.Count} Dateien, {result.Files.Sum(f => (long)f.Content.Length) / 1048576.0:0.0} MiB, Fehler: {result.ErrorCount}"));
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Take(5))
        {
            Console.WriteLine(d);
        }

        if (!options.Has("out") && Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        return result.Succeeded ? 0 : 1;
    }

    private sealed class Printer : IStageObserver
    {
        public void StageDone(string stage, TimeSpan wall, TimeSpan cpu) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-12} Wand {wall.TotalMilliseconds,8:0} ms   CPU {cpu.TotalMilliseconds,8:0} ms"));
    }
}
