using System.Diagnostics;
using System.Globalization;
using Transferkatalog.Checking;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;
using Transferkatalog.Validation;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Benchmarks;

/// <summary>Runs the pipeline stages one after another in this process and prints wall and CPU time of each: a quick profile before reaching for BenchmarkDotNet.</summary>
public static class PhaseTimer
{
    public static int Run(Options options)
    {
        var content = options.Require("content");
        var theme = options.Get("theme") ?? Repo.Theme;
        var output = options.Get("out") ?? Path.Combine(Path.GetTempPath(), $"tk-phases-{Environment.ProcessId}");
        var diagnostics = new DiagnosticBag();
        var total = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();

        T Phase<T>(string name, Func<T> run)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = run();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} Wand {watch.Elapsed.TotalMilliseconds,8:0} ms   CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds,8:0} ms"));
            return result;
        }

        var raw = Phase("Laden", () => new ContentLoader().Load(content, diagnostics));
        var catalog = Phase("Validieren", () => new CatalogValidator().Validate(raw, diagnostics)) ?? throw new UsageException("Katalog ungültig");
        Phase("Ähnliche Steckbriefe", () => DuplicateCheck.Find(catalog.Profiles).Count);
        var site = Phase("Site-Modell", () => new SiteModelBuilder().Build(catalog, null, new DateOnly(2026, 11, 21)));
        var source = Phase("Theme laden", () => ThemeLoader.Load(theme, new ScribanTemplateEngine().TemplateExtension, diagnostics)) ?? throw new UsageException("Theme fehlt");
        var compiled = Phase("Theme kompilieren", () => new ScribanTemplateEngine().Compile(source, diagnostics)) ?? throw new UsageException("Theme ungültig");
        // The open-data files one by one (they are also part of "Rendern", in a background task): what each costs at this size.
        Phase("Export JSON", () => Exports.CatalogJsonExport.Build(site).Length);
        Phase("Export CSV", () => Exports.CatalogCsvExport.Build(site).Length);
        Phase("Export XLSX", () => Exports.CatalogXlsxExport.Build(site).Length);
        Phase("Export DCAT", () => Exports.Dcat.Build(site).Length);
        if (options.Has("pages"))
        {
            // Every page once on this thread: views, Markdown and templates without the exports beside them.
            var jobs = new SiteRenderer(compiled, source).PlanPages(site, RelatedProjects.Compute(site.Profiles));
            Phase("Seiten (1 Thread)", () => jobs.Sum(j => (long)j.Render().Length));
        }

        var files = Phase("Rendern", () => new SiteRenderer(compiled, source).Render(site));
        Phase("Verweise prüfen", () =>
        {
            new OutputChecker().Check(files, site.Urls, diagnostics);
            return 0;
        });
        Phase("Schreiben", () =>
        {
            // --write-threads N tries how many writers the file system rewards.
            using var writers = Pipeline.Parallelism.Use(options.Int("write-threads", 0));
            return new SiteWriter().Write(files, output, diagnostics);
        });
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Gesamt                 Wand {total.Elapsed.TotalMilliseconds,8:0} ms   CPU {process.TotalProcessorTime.TotalMilliseconds,8:0} ms (inkl. Start)   Spitze {process.PeakWorkingSet64 / 1048576.0:0} MiB   {files.Count} Dateien, {files.Sum(f => (long)f.Content.Length) / 1048576.0:0.0} MiB, Fehler: {diagnostics.ToSortedList().Count(d => d.Severity == Severity.Error)}"));
        foreach (var d in diagnostics.ToSortedList().Where(d => d.Severity == Severity.Error).Take(5))
        {
            Console.WriteLine(d);
        }

        if (!options.Has("out"))
        {
            Directory.Delete(output, recursive: true);
        }

        return 0;
    }
}
