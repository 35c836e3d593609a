using System.Diagnostics;
using System.Globalization;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Benchmarks;

/// <summary>Times what `serve` does after an editor saves one profile: the preview's rebuild of the whole catalogue in memory.</summary>
public static partial class RebuildTimer
{
    public static int Run(Options options)
    {
        var source = options.Require("content");
        var runs = options.Int("runs", 5);
        var theme = options.Get("theme") ?? Repo.Theme;
        var content = Path.Combine(Path.GetTempPath(), $"tk-rebuild-{Environment.ProcessId}");
        CopyFolder(source, content);
        try
        {
            var build = new BuildOptions(content, theme, Path.Combine(content, "_unbenutzt"), null, new DateOnly(2026, 11, 21));
            var rebuilder = new IncrementalRebuilder();
            var watch = Stopwatch.StartNew();
            var previous = rebuilder.Rebuild(build, [], null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Erster Bau im Speicher: {watch.Elapsed.TotalSeconds:0.00} s, {previous.Files.Count} Dateien, Fehler: {previous.ErrorCount}"));

            var files = Directory.GetFiles(Path.Combine(content, "projekte"), "*.md").Order(StringComparer.Ordinal).ToList();
            var edits = new (string Name, Func<string, int, string> Apply)[]
            {
                // A visible edit in the body, as an editor would make it.
                ("Text ergänzt", (text, i) => text + $"\nErgänzung {i + 1}: Die Projektgruppe hat ihre Erfahrungen erneut ausgewertet.\n"),

                // A new title changes the card on every listing that shows the profile, and its place in the catalogue.
                ("Titel geändert", (text, i) => TitleLine().Replace(text, $"titel: \"Überarbeitetes Projekt {i + 1}\"", 1)),
            };
            foreach (var (name, apply) in edits)
            {
                var pagesTimes = new List<double>();
                var allTimes = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    // A different profile each time, spread over the catalogue.
                    var profile = files[(i * 7919 + name.Length * 104729) % files.Count];
                    File.WriteAllText(profile, apply(File.ReadAllText(profile), i));
                    watch.Restart();
                    previous = rebuilder.Rebuild(build, [profile], previous);
                    pagesTimes.Add(watch.Elapsed.TotalMilliseconds);
                    var done = rebuilder.Completion?.GetAwaiter().GetResult() ?? previous;
                    allTimes.Add(watch.Elapsed.TotalMilliseconds);
                    if (!done.Succeeded)
                    {
                        Console.WriteLine(string.Join('\n', done.Diagnostics.Take(5)));
                        return 1;
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} {i + 1}: Seiten {pagesTimes[^1]:0} ms, mit Exporten {allTimes[^1]:0} ms — {rebuilder.LastSummary} [{rebuilder.LastTimings}]"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: Median bis die Seiten stehen {Median(pagesTimes):0} ms, bis Suchindex und offene Daten folgen {Median(allTimes):0} ms ({runs} Läufe)"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [System.Text.RegularExpressions.GeneratedRegex("^titel: .*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex TitleLine();

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
