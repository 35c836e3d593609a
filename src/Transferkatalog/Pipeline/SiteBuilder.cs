using System.Diagnostics;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;
using Transferkatalog.Validation;

namespace Transferkatalog.Pipeline;

/// <summary>The whole pipeline: load, validate, model, render, check, write. Stops before writing when anything failed.</summary>
public sealed class SiteBuilder(ITemplateEngine? engine = null)
{
    private readonly ITemplateEngine engine = engine ?? new ScribanTemplateEngine();

    /// <summary>Receives the name of each stage as it starts, for a progress line on interactive terminals.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Validates the content only; writes nothing.</summary>
    public BuildResult Check(BuildOptions options)
    {
        using var parallelism = Parallelism.Use(options.MaxDegreeOfParallelism);
        var watch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var catalog = LoadCatalog(options, diagnostics);
        return new BuildResult(diagnostics.ToSortedList(), catalog?.Profiles.Count ?? 0, 0, [], false, watch.Elapsed);
    }

    /// <summary>Builds the site; the output folder is replaced only when there are no errors.</summary>
    public BuildResult Build(BuildOptions options, bool write = true)
    {
        using var parallelism = Parallelism.Use(options.MaxDegreeOfParallelism);
        var watch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        Progress?.Report("Inhalte lesen und prüfen");

        // Checked first and reported with everything else: a folder that is not ours is never staged beside, let alone replaced.
        if (write && OutputFolder.Problem(options.OutputDir, options.ContentDir, options.ThemeDir) is { } refused)
        {
            diagnostics.Error(DiagnosticCodes.OutputFolderRefused, refused, SourceSpan.OfFile(Diagnostics.Suggestions.Shown(options.OutputDir)));
        }

        var catalog = LoadCatalog(options, diagnostics);
        var themeSource = ThemeLoader.Load(options.ThemeDir, options.FallbackThemeDir, engine.TemplateExtension, diagnostics);
        var theme = themeSource is null ? null : engine.Compile(themeSource, diagnostics);
        if (catalog is null || theme is null || themeSource is null || diagnostics.HasErrors)
        {
            return Fail(diagnostics, catalog, watch);
        }

        var site = new SiteModelBuilder().Build(catalog, options.BaseUrl, ReferenceDate(options));
        IReadOnlyList<OutputFile> files;
        Progress?.Report(write ? "Seiten erzeugen, prüfen und schreiben" : "Seiten erzeugen und prüfen");

        // Link errors go to their own bag: a theme that fails half-way must report only its own error, as before pages were checked while rendering.
        var linkDiagnostics = new DiagnosticBag();
        using var staged = write ? SiteWriter.Stage(options.OutputDir) : null;
        var output = new CheckedOutput(site.Urls, linkDiagnostics, staged, Checking.BodySource.Of(site));
        try
        {
            files = new SiteRenderer(theme, themeSource).Render(site, output);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken theme must not crash the build with a stack trace; report it like any other input error.
            TemplateRenderException.Report(ex, ContentLoader.Display(themeSource.Root), diagnostics);
            return Fail(diagnostics, catalog, watch);
        }

        output.Complete();
        diagnostics.AddRange(linkDiagnostics.ToSortedList());
        if (diagnostics.HasErrors)
        {
            return Fail(diagnostics, catalog, watch);
        }

        var written = staged is not null && staged.Commit(diagnostics);
        var pages = files.Count(f => f.IsHtml);
        return new BuildResult(diagnostics.ToSortedList(), catalog.Profiles.Count, pages, files, written, watch.Elapsed) { BasePath = site.Urls.BasePath };
    }

    private static BuildResult Fail(DiagnosticBag diagnostics, Catalog? catalog, Stopwatch watch) =>
        new(diagnostics.ToSortedList(), catalog?.Profiles.Count ?? 0, 0, [], false, watch.Elapsed);

    private static Catalog? LoadCatalog(BuildOptions options, DiagnosticBag diagnostics)
    {
        var raw = new ContentLoader().Load(options.ContentDir, diagnostics);

        // A placeholder left by `new` gets one clear message; the validator's complaint about the same line would only repeat it.
        var validation = new DiagnosticBag();
        var catalog = new CatalogValidator().Validate(raw, validation);
        var placeholders = Scaffolding.Placeholder.Report(raw, diagnostics);
        Scaffolding.Placeholder.AddValidation(diagnostics, validation, placeholders);
        if (catalog is not null)
        {
            StalenessCheck.Report(catalog, ReferenceDate(options), diagnostics);
            new CrossProfileCheck().Report(catalog, diagnostics);
        }

        return catalog;
    }

    /// <summary>The build date, or SOURCE_DATE_EPOCH when set, so staleness and output stay reproducible.</summary>
    public static DateOnly ReferenceDate(BuildOptions options)
    {
        if (options.ReferenceDate is { } given)
        {
            return given;
        }

        return SourceDateEpoch(out var date) == null && date is { } fixedDate ? fixedDate : DateOnly.FromDateTime(DateTime.UtcNow);
    }

    /// <summary>Reads SOURCE_DATE_EPOCH; returns why it is unusable (the CLI refuses to run then), or null when it is unset or valid.</summary>
    public static string? SourceDateEpoch(out DateOnly? date)
    {
        date = null;
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(epoch))
        {
            return null;
        }

        // Years 1970 to 9999 only: DateTimeOffset throws beyond them, and a negative epoch is no build date.
        if (!long.TryParse(epoch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"SOURCE_DATE_EPOCH='{Diagnostics.Suggestions.Shown(epoch)}' ist keine Zeitangabe — erwartet werden Sekunden seit 1970 (UTC), z. B. 1767225600 für den 1. Januar 2026; oder die Variable nicht setzen";
        }

        date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        return null;
    }
}
