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

            // Saves that follow each other within a second: the second rebuild runs while the first one's exports do.
            var backToBack = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var first = files[(i * 7919 + 17) % files.Count];
                var second = files[(i * 7919 + 4099) % files.Count];
                File.WriteAllText(first, edits[0].Apply(File.ReadAllText(first), 100 + i));
                previous = rebuilder.Rebuild(build, [first], previous);
                var firstExports = rebuilder.Completion;
                Thread.Sleep(500);
                File.WriteAllText(second, edits[0].Apply(File.ReadAllText(second), 200 + i));
                watch.Restart();
                previous = rebuilder.Rebuild(build, [second], previous);
                backToBack.Add(watch.Elapsed.TotalMilliseconds);
                // Exports not done by then are superseded: the second save's run cancels them.
                var superseded = firstExports is { IsCompleted: false } || firstExports is { IsCanceled: true };
                rebuilder.Completion?.GetAwaiter().GetResult();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Zweimal gespeichert {i + 1}: zweite Änderung, Seiten {backToBack[^1]:0} ms{(superseded ? " (die Exporte der ersten waren nicht fertig und wurden abgelöst)" : string.Empty)}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Zweimal gespeichert (0,5 s Abstand): Median bis die Seiten der zweiten Änderung stehen {Median(backToBack):0} ms ({runs} Läufe)"));
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
