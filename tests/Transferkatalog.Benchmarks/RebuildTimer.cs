using System.Diagnostics;
using System.Globalization;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;

namespace Transferkatalog.Benchmarks;

/// <summary>Times what `serve` does after an editor saves one profile: the preview's rebuild of the whole catalogue in memory.</summary>
public static class RebuildTimer
{
    public static int Run(Options options)
    {
        var source = options.Require("content");
        var runs = options.Int("runs", 5);
        var theme = options.Get("theme") ?? Path.Combine(RepoRoot.Find(), "themes", "default");
        var content = Path.Combine(Path.GetTempPath(), $"tk-rebuild-{Environment.ProcessId}");
        CopyFolder(source, content);
        try
        {
            var build = new BuildOptions(content, theme, Path.Combine(content, "_unbenutzt"), null, new DateOnly(2026, 11, 21));
            var rebuilder = new IncrementalRebuilder();
            var watch = Stopwatch.StartNew();
            var previous = rebuilder.Rebuild(build, [], null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Erster Bau im Speicher: {watch.Elapsed.TotalSeconds:0.00} s, {previous.Files.Count} Dateien, Fehler: {previous.ErrorCount}"));

            var profile = Directory.GetFiles(Path.Combine(content, "projekte"), "*.md").Order(StringComparer.Ordinal).First();
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                // A visible edit in the body, as an editor would make it.
                File.AppendAllText(profile, $"\nErgänzung {i + 1}: Die Projektgruppe hat ihre Erfahrungen erneut ausgewertet.\n");
                watch.Restart();
                previous = rebuilder.Rebuild(build, [profile], previous);
                times.Add(watch.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Änderung {i + 1}: {times[^1]:0} ms — {rebuilder.LastSummary}"));
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median eines Neubaus nach Änderung eines Steckbriefs: {times[times.Count / 2]:0} ms ({runs} Läufe)"));
            return 0;
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
