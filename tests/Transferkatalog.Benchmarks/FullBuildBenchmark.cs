using System.Diagnostics;
using System.Globalization;
using System.Text;
using Transferkatalog.Benchmarks.Generator;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Benchmarks;

/// <summary>Times whole cold builds, ours and Hugo's, each as a fresh process under GNU time, and prints medians and ratios.</summary>
public sealed class FullBuildBenchmark(Options options)
{
    /// <summary>2026-11-21, so staleness notes and thus output bytes do not depend on the day the benchmark runs.</summary>
    private const long PinnedEpoch = 1_795_219_200;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One process run: wall and CPU seconds, peak resident memory, and what it wrote.</summary>
    public sealed record Measurement(double Wall, double Cpu, long PeakKiB, int Pages, long Bytes, long CatalogPageBytes);

    public int Run()
    {
        var repo = Repo.Root;
        var runs = options.Int("runs", 5);
        var work = Path.GetFullPath(options.Get("work") ?? Path.Combine(Path.GetTempPath(), "tk-bench"));
        var cli = options.Get("cli")
            ?? (options.Has("jit") ? Path.Combine(AppContext.BaseDirectory, "Transferkatalog.Cli.dll")
                : options.Has("r2r") ? Publish(repo, Path.Combine(work, "cli-r2r"), "--self-contained", "false", "-p:PublishReadyToRun=true")
                : Publish(repo, Path.Combine(work, "cli-native"), "-p:PublishAot=true"));
        var theme = options.Get("theme") ?? Path.Combine(repo, "themes", "default");
        var withHugo = !options.Has("no-hugo");
        deleteBefore = options.Has("delete-before");
        trash = Path.Combine(work, "alte-ausgaben");
        var sizes = ParseSizes(options.Get("sizes") ?? "1000:400,10000:4000");
        if (!File.Exists("/usr/bin/time"))
        {
            throw new UsageException("/usr/bin/time fehlt — apt-get install -y time");
        }

        if (withHugo && FindOnPath("hugo") is null)
        {
            throw new UsageException("hugo fehlt — apt-get install -y hugo (oder --no-hugo)");
        }

        Directory.CreateDirectory(work);
        Console.WriteLine($"Transferkatalog-Benchmark · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} Kerne · .NET {Environment.Version} · {runs} Läufe je Messung");
        Console.WriteLine($"CLI: {cli}");
        Console.WriteLine(deleteBefore
            ? "Alte Ausgabe: direkt vor jedem Lauf gelöscht (--delete-before; ext4 sucht danach bis zu 6 min lang an frisch freigegebenen Inodes vorbei)"
            : $"Alte Ausgabe: vor jedem Lauf beiseitegelegt ({trash}), gelöscht erst nach allen Messungen — wie auf einem frischen CI-Runner");
        if (withHugo)
        {
            Console.WriteLine($"Hugo: {Capture("hugo", "version").Trim()}");
        }

        var report = new StringBuilder();
        report.AppendLine("| Steckbriefe / Kommunen | Generator | Wandzeit | CPU-Zeit | Spitzen-RSS | Seiten | Ausgabe | Startseite |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var ratios = new List<string>();
        foreach (var (profiles, kommunen) in sizes)
        {
            var content = Path.Combine(work, $"content-{profiles}");
            var summary = new CatalogGenerator(profiles, kommunen).Write(content);
            Console.WriteLine($"\n== {profiles} Steckbriefe, {kommunen} Kommunen ({summary.Kreise} Kreise), {summary.Words / profiles} Wörter je Text, Inhalt {summary.Bytes / 1048576.0:0.0} MiB");
            var hugoSource = Path.Combine(work, $"hugo-{profiles}");
            if (withHugo)
            {
                HugoSite.Convert(content, hugoSource, repo);
            }

            var ourOut = Path.Combine(work, $"out-tk-{profiles}");
            var hugoOut = Path.Combine(work, $"out-hugo-{profiles}");
            string[] ours = [.. cli.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", cli] : new[] { cli }, "build", "--content", content, "--theme", theme, "--output", ourOut];
            string[] hugo = ["hugo", "--source", hugoSource, "--destination", hugoOut, "--quiet", "--cacheDir", Path.Combine(work, "hugo-cache")];

            // One unmeasured run each warms the page cache, so neither side pays for the first disk read.
            Measure(ours, ourOut, "index.html");
            if (withHugo)
            {
                Measure(hugo, hugoOut, "index.html");
            }

            var ourRuns = new List<Measurement>();
            var hugoRuns = new List<Measurement>();
            for (var i = 0; i < runs; i++)
            {
                // Interleaved, so a slow phase of the machine hits both sides alike.
                ourRuns.Add(Measure(ours, ourOut, "index.html"));
                Console.WriteLine($"  Lauf {i + 1}: Transferkatalog {Describe(ourRuns[^1])}");
                if (withHugo)
                {
                    hugoRuns.Add(Measure(hugo, hugoOut, "index.html"));
                    Console.WriteLine($"  Lauf {i + 1}: Hugo            {Describe(hugoRuns[^1])}");
                }
            }

            var ourMedian = Median(ourRuns);
            Console.WriteLine($"  Median Transferkatalog: {Describe(ourMedian)}");
            report.AppendLine(Row($"{De(profiles, "N0")} / {De(kommunen, "N0")}", "Transferkatalog", ourMedian));
            if (withHugo)
            {
                var hugoMedian = Median(hugoRuns);
                Console.WriteLine($"  Median Hugo:            {Describe(hugoMedian)}");
                report.AppendLine(Row($"{De(profiles, "N0")} / {De(kommunen, "N0")}", "Hugo " + HugoVersion(), hugoMedian));
                var ratio = hugoMedian.Wall / ourMedian.Wall;
                var line = string.Create(Inv, $"{profiles} Steckbriefe: Hugo {hugoMedian.Wall:0.00} s / Transferkatalog {ourMedian.Wall:0.00} s = {ratio:0.00} (Wandzeit; > 1 heißt: wir sind schneller), CPU {hugoMedian.Cpu / ourMedian.Cpu:0.00}, Speicher {ourMedian.PeakKiB / (double)hugoMedian.PeakKiB:0.00}× Hugos");
                ratios.Add(line);
            }
        }

        if (Directory.Exists(trash))
        {
            Directory.Delete(trash, recursive: true);
        }

        Console.WriteLine("\nMediane (Markdown für README):\n");
        Console.Write(report.ToString());
        if (ratios.Count > 0)
        {
            Console.WriteLine();
            ratios.ForEach(r => Console.WriteLine(r));
        }

        return 0;
    }

    private static string Row(string size, string generator, Measurement r) =>
        $"| {size} | {generator} | {De(r.Wall, "0.00")} s | {De(r.Cpu, "0.00")} s | {De(r.PeakKiB / 1024.0, "0")} MiB | {De(r.Pages, "N0")} | {De(r.Bytes / 1048576.0, "0.0")} MiB | {De(r.CatalogPageBytes / 1048576.0, "0.00")} MiB |";

    /// <summary>German number format for the German README: 10.000 Seiten, 1,23 s.</summary>
    private static string De(double value, string format) =>
        value.ToString(format, Inv).Replace(",", "\u0001", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal).Replace("\u0001", ".", StringComparison.Ordinal);

    private static string Describe(Measurement r) => string.Create(Inv,
        $"Wand {r.Wall:0.00} s, CPU {r.Cpu:0.00} s, Spitze {r.PeakKiB / 1024.0:0} MiB, {r.Pages} Seiten, {r.Bytes / 1048576.0:0.0} MiB, Startseite {r.CatalogPageBytes / 1024.0:0} KiB");

    private static Measurement Median(List<Measurement> runs)
    {
        static double Mid(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        return new Measurement(Mid(runs.Select(r => r.Wall)), Mid(runs.Select(r => r.Cpu)), (long)Mid(runs.Select(r => (double)r.PeakKiB)), runs[^1].Pages, runs[^1].Bytes, runs[^1].CatalogPageBytes);
    }

    private bool deleteBefore;
    private string trash = string.Empty;
    private int moved;

    private Measurement Measure(string[] command, string outputDir, string catalogPage)
    {
        // Deleting 20,000 files right before a build makes ext4 (as here) skip the freed inodes for minutes, checking
        // each one on every new file: that cost up to 10 s of system time per 10,000-profile build, for both generators,
        // and is not what a fresh CI runner sees. So the old output is moved aside and deleted after all runs.
        if (Directory.Exists(outputDir))
        {
            if (deleteBefore)
            {
                Directory.Delete(outputDir, recursive: true);
            }
            else
            {
                Directory.CreateDirectory(trash);
                Directory.Move(outputDir, Path.Combine(trash, (++moved).ToString(Inv)));
            }
        }

        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("TKTIME %e %U %S %M");
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        start.Environment["SOURCE_DATE_EPOCH"] = PinnedEpoch.ToString(Inv);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("process did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var timeLine = stderr.Split('\n').LastOrDefault(l => l.StartsWith("TKTIME ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || timeLine is null)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
        }

        var f = timeLine.Split(' ');
        var wall = double.Parse(f[1], Inv);
        var cpu = double.Parse(f[2], Inv) + double.Parse(f[3], Inv);
        var peak = long.Parse(f[4], Inv);
        var files = Directory.EnumerateFiles(outputDir, "*", SearchOption.AllDirectories).Select(p => new FileInfo(p)).ToList();
        var pages = files.Count(fi => fi.Name.EndsWith(".html", StringComparison.Ordinal));
        var catalog = new FileInfo(Path.Combine(outputDir, catalogPage));
        return new Measurement(wall, cpu, peak, pages, files.Sum(fi => fi.Length), catalog.Exists ? catalog.Length : 0);
    }

    private static List<(int Profiles, int Kommunen)> ParseSizes(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split(':'))
            .Select(p => p.Length == 2 && int.TryParse(p[0], Inv, out var a) && int.TryParse(p[1], Inv, out var b)
                ? (a, b)
                : throw new UsageException($"--sizes erwartet z. B. 1000:400,10000:4000, nicht '{text}'"))
            .ToList();

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string? hugoVersion;

    private static string HugoVersion()
    {
        if (hugoVersion is null)
        {
            var text = Capture("hugo", "version");
            var v = text.Split(' ').FirstOrDefault(p => p.StartsWith('v')) ?? "?";
            hugoVersion = v.Split('+')[0];
        }

        return hugoVersion;
    }

    /// <summary>
    /// Publishes the CLI as the GitHub action does: native (AOT) by default, which at 1,000 profiles took 0.87 s against
    /// ReadyToRun's 1.23 s (start-up and JIT); <c>--r2r</c> for ReadyToRun (the action's fallback without clang).
    /// Returns the native executable, or the .dll for the dotnet host.
    /// </summary>
    private static string Publish(string repo, string folder, params string[] how)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "publish", Path.Combine(repo, "src", "Transferkatalog.Cli"), "-c", "Release", "--use-current-runtime" }.Concat(how).Concat(["-o", folder, "--nologo", "-v", "quiet"]))
        {
            start.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new UsageException($"dotnet publish des Generators ist fehlgeschlagen (für die native Datei braucht es clang; sonst --r2r, --jit oder --cli angeben):\n{log}");
        }

        var dll = Path.Combine(folder, "Transferkatalog.Cli.dll");
        return File.Exists(dll) ? dll : Path.Combine(folder, "Transferkatalog.Cli");
    }

    private static string Capture(string file, string args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(start)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
