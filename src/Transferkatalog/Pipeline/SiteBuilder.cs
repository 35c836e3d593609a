using System.Text;
using Transferkatalog.Checking;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;
using Transferkatalog.Validation;
using static Transferkatalog.Pipeline.BuildCache;

namespace Transferkatalog.Pipeline;

/// <summary>The one orchestrator of the pipeline: load, validate, model, render, check, write. Stops before writing when anything failed.</summary>
/// <remarks>
/// `check` and `build` run it cold; `serve` runs it with a <see cref="BuildCache"/> and the paths that changed, and
/// then it redoes only what those touched (see <see cref="Rebuild"/>). Either way the stages, their order, the error
/// gates and the diagnostics are the same, so the preview shows what a build would write.
/// </remarks>
public sealed class SiteBuilder(ITemplateEngine? engine = null)
{
    private readonly ITemplateEngine engine = engine ?? new ScribanTemplateEngine();

    /// <summary>Receives the name of each stage as it starts, for a progress line on interactive terminals.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Receives each stage's wall and CPU time as it ends (benchmark, preview timings).</summary>
    public IStageObserver? Observer { get; init; }

    /// <summary>Validates the content only; writes nothing.</summary>
    public BuildResult Check(BuildOptions options) => Run(options, Mode.Check, null, []).Result;

    /// <summary>Builds the site; the output folder is replaced only when there are no errors.</summary>
    public BuildResult Build(BuildOptions options, bool write = true) => Run(options, write ? Mode.Write : Mode.Memory, null, []).Result;

    /// <summary>Builds in memory with what <paramref name="cache"/> kept from the last build, redoing only what <paramref name="changedFiles"/> touched.</summary>
    /// <remarks>
    /// A saved profile is read and validated alone; the site model keeps the entries of unchanged profiles; related
    /// projects are updated, not recomputed; a page is rendered again only when its signature changed, and only
    /// re-rendered pages are link-checked (all of them when pages they may point to went away). The exports, which
    /// depend on every profile, are left in <see cref="Rebuilt.PendingExports"/> for the caller to run in the
    /// background, the previous ones standing in meanwhile — except in a first build or after new settings.
    /// Output and diagnostics equal a cold build's; the tests compare them.
    /// </remarks>
    public Rebuilt Rebuild(BuildOptions options, BuildCache cache, IReadOnlyCollection<string> changedFiles) => Run(options, Mode.Memory, cache, changedFiles);

    private enum Mode
    {
        Check,
        Memory,
        Write,
    }

    private Rebuilt Run(BuildOptions options, Mode mode, BuildCache? cache, IReadOnlyCollection<string> changedFiles)
    {
        using var parallelism = Parallelism.Use(options.MaxDegreeOfParallelism);
        var clock = new StageClock(Observer);
        var diagnostics = new DiagnosticBag();
        Progress?.Report("Inhalte lesen und prüfen");

        // Checked first and reported with everything else: a folder that is not ours is never staged beside, let alone replaced.
        if (mode == Mode.Write && OutputFolder.Problem(options.OutputDir, options.ContentDir, options.ThemeDir) is { } refused)
        {
            diagnostics.Error(DiagnosticCodes.OutputFolderRefused, refused, SourceSpan.OfFile(Diagnostics.Suggestions.Shown(options.OutputDir)));
        }

        // A cold build goes through the same per-file reading and validation as the preview, with a cache it then drops.
        var referenceDate = ReferenceDate(options);
        var state = cache ?? new BuildCache();
        state.Refresh(options, referenceDate, changedFiles, mode == Mode.Check ? null : engine);
        var content = state.Content!;
        var catalog = content.Catalog(diagnostics);
        clock.Lap("katalog");
        var theme = state.Theme;
        if (mode != Mode.Check)
        {
            diagnostics.AddRange(theme!.Diagnostics);
        }

        // Warnings only, so they may come while the pages are made; every way out of this method adds them.
        var duplicates = Task.FromResult<IReadOnlyList<Diagnostic>>([]);
        if (catalog is not null)
        {
            StalenessCheck.Report(catalog, referenceDate, diagnostics);
            duplicates = content.CrossChecks.Report(catalog, diagnostics);
        }

        clock.Lap("veraltet");
        if (mode == Mode.Check || catalog is null || theme?.Compiled is null || theme.Source is null || diagnostics.HasErrors)
        {
            diagnostics.AddRange(duplicates.GetAwaiter().GetResult());
            return new(Failed(diagnostics, catalog, clock));
        }

        var site = new SiteModelBuilder().Build(catalog, options.BaseUrl, referenceDate, cache is null ? null : content.SiteCache);
        clock.Lap("modell");
        var renderer = new SiteRenderer(theme.Compiled, theme.Source);
        if (cache is null)
        {
            Progress?.Report(mode == Mode.Write ? "Seiten erzeugen, prüfen und schreiben" : "Seiten erzeugen und prüfen");
            return new(RenderAll(options, mode == Mode.Write, diagnostics, duplicates, catalog, site, renderer, theme, clock));
        }

        var related = content.Related.Update(site.Profiles);
        clock.Lap("verwandt");
        var jobs = renderer.PlanPages(site, related);
        clock.Lap("plan");
        Progress?.Report("Seiten erzeugen und prüfen");
        return RenderChanged(cache, diagnostics, duplicates, catalog, site, jobs, theme, clock);
    }

    /// <summary>A cold build: every page is rendered, link-checked and (when writing) staged at once, so the site is never held in memory.</summary>
    private static BuildResult RenderAll(BuildOptions options, bool write, DiagnosticBag diagnostics, Task<IReadOnlyList<Diagnostic>> duplicates, Catalog catalog, Site site, SiteRenderer renderer, ThemeState theme, StageClock clock)
    {
        // Link errors go to their own bag: a theme that fails half-way must report only its own error, as before pages were checked while rendering.
        var linkDiagnostics = new DiagnosticBag();
        using var staged = write ? SiteWriter.Stage(options.OutputDir) : null;
        IReadOnlyList<PageJob>? jobs = null;
        var output = new CheckedOutput(site.Urls, linkDiagnostics, staged, () => Bodies(jobs ?? [], _ => true));
        IReadOnlyList<OutputFile> files;
        Task<IReadOnlyList<OutputFile>>? extras = null;
        var planned = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // Exports and the search index read only the site model, not the pages: started before the related projects
            // and the page plan and built alongside the pages, they add no time after the parallel part. Only the sitemap
            // waits for the plan. A sequential build still does everything one after the other.
            if (!Parallelism.IsSequential)
            {
                extras = Task.Run(() => SiteExtras.Build(site, PagePaths(planned.Task), theme.Source, output.Add));
            }

            var related = RelatedProjects.Compute(site.Profiles);
            clock.Lap("verwandt");
            jobs = renderer.PlanPages(site, related);
            clock.Lap("plan");
            var pagePaths = jobs.Select(j => j.Path).ToList();
            planned.SetResult(pagePaths);
            output.Planned(pagePaths.Concat(theme.Assets.Select(a => a.RelativePath)));
            extras ??= Task.FromResult(SiteExtras.Build(site, pagePaths, theme.Source, output.Add));
            var pages = SiteRenderer.RenderPages(jobs, output);
            var assets = theme.Assets.ToArray();
            Parallel.For(0, assets.Length, Parallelism.Options, i => assets[i] = output.Add(assets[i]));
            files = [.. pages, .. assets, .. extras.Result];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The exports write into the staging folder as they go: they must be done before it is removed, or a late one
            // would create it again beside the output. Without a plan the sitemap never comes; the exports stop there.
            planned.TrySetCanceled();
            try
            {
                extras?.Wait();
            }
            catch (AggregateException)
            {
                // Its own failure adds nothing to the one being reported.
            }

            diagnostics.AddRange(duplicates.GetAwaiter().GetResult());
            return RenderFailed(ex, theme, diagnostics, catalog, clock);
        }
        finally
        {
            // Also when what went wrong is not caught here (out of memory): the sitemap must not wait for ever.
            planned.TrySetCanceled();
        }

        output.Complete();
        clock.Lap("rendern");
        diagnostics.AddRange(duplicates.GetAwaiter().GetResult());
        diagnostics.AddRange(linkDiagnostics.ToSortedList());
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, catalog, clock);
        }

        var written = staged is not null && staged.Commit(diagnostics);
        clock.Lap("schreiben");
        return new BuildResult(diagnostics.ToSortedList(), catalog.Profiles.Count, files.Count(f => f.IsHtml), files, written, clock.Elapsed) { BasePath = site.Urls.BasePath };
    }

    /// <summary>The page paths once the plan is made; the sitemap, the last export to need them, waits here.</summary>
    private static IEnumerable<string> PagePaths(Task<IReadOnlyList<string>> planned)
    {
        foreach (var path in planned.GetAwaiter().GetResult())
        {
            yield return path;
        }
    }

    /// <summary>A build with a cache: renders the pages whose signature changed and link-checks what may have changed.</summary>
    private static Rebuilt RenderChanged(BuildCache cache, DiagnosticBag diagnostics, Task<IReadOnlyList<Diagnostic>> duplicates, Catalog catalog, Site site, IReadOnlyList<PageJob> jobs, ThemeState theme, StageClock clock)
    {
        // Signatures are computed as each page is looked at, so their time counts towards "rendern".
        var signatureOf = cache.Signatures.For(site);

        // The first build has no exports to show meanwhile, and new settings may change them all: build them now,
        // alongside the pages. Otherwise they follow in the background and the previous ones stand in.
        var pagePaths = jobs.Select(j => j.Path).ToList();
        var themeSource = theme.Source;
        var extrasNow = cache.LastExtras;
        Task<IReadOnlyList<OutputFile>>? syncExtras = extrasNow is null || cache.LastReadEverything ? Task.Run(() => SiteExtras.Build(site, pagePaths, themeSource)) : null;
        var toRender = new List<(PageJob Job, UInt128? Signature, int At)>();
        var next = new Dictionary<string, RenderedPage>(jobs.Count, StringComparer.Ordinal);
        var ordered = new OutputFile[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            var signature = signatureOf(job);
            if (signature is not null && cache.Pages.TryGetValue(job.Path, out var known) && known.Signature == signature)
            {
                next[job.Path] = known;
                ordered[i] = known.File;
            }
            else
            {
                toRender.Add((job, signature, i));
            }
        }

        RenderedPage[] fresh;
        try
        {
            fresh = new RenderedPage[toRender.Count];
            Parallel.For(0, toRender.Count, Parallelism.Options, i => fresh[i] = new RenderedPage(toRender[i].Signature, toRender[i].Job.ToFile()));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.AddRange(duplicates.GetAwaiter().GetResult());
            return new(RenderFailed(ex, theme, diagnostics, catalog, clock));
        }

        for (var i = 0; i < fresh.Length; i++)
        {
            next[fresh[i].File.RelativePath] = fresh[i];
            ordered[toRender[i].At] = fresh[i].File;
        }

        cache.Pages = next;
        cache.LastRendered = fresh.Length;
        cache.LastReused = jobs.Count - fresh.Length;
        clock.Lap("rendern");

        // Link check: re-rendered pages always; the others only when the set of files they can point to changed.
        if (syncExtras is not null)
        {
            extrasNow = syncExtras.Result;
            cache.LastExtras = extrasNow;
        }

        // Pages link to exports by fixed names (feed, open data, schema); the search index's shard names are never linked.
        var standIn = extrasNow ?? [];
        var paths = new OutputPaths(pagePaths, theme.Assets, standIn);
        var (lostPaths, gainedPaths) = paths.Compare(cache.LastPaths);
        cache.LastPaths = paths;
        var toCheck = next.Values.Where(p => p.Links is null || lostPaths || (gainedPaths && p.Links.Count > 0)).ToList();
        var checkedPaths = toCheck.Select(p => p.File.RelativePath).ToHashSet(StringComparer.Ordinal);
        var found = new DiagnosticBag();
        var checker = new OutputChecker.Session(site.Urls, found, () => Bodies(jobs, checkedPaths.Contains));
        checker.Know(paths.Set);
        Parallel.For(0, toCheck.Count, Parallelism.Options, i => checker.CheckPage(toCheck[i].File.RelativePath, Encoding.UTF8.GetString(toCheck[i].File.Content)));
        checker.Complete();
        var byPage = found.ToSortedList().ToLookup(checker.PageOf, StringComparer.Ordinal);
        foreach (var page in toCheck)
        {
            page.Links = byPage[page.File.RelativePath].ToList();
        }

        foreach (var page in next.Values)
        {
            diagnostics.AddRange(page.Links!);
        }

        diagnostics.AddRange(duplicates.GetAwaiter().GetResult());

        clock.Lap("links");
        if (diagnostics.HasErrors)
        {
            return new(Failed(diagnostics, catalog, clock));
        }

        var pageFiles = ordered.Concat(theme.Assets).ToList();
        var sorted = diagnostics.ToSortedList();
        BuildResult Result(IReadOnlyList<OutputFile> extras, TimeSpan elapsed) =>
            new(sorted, catalog.Profiles.Count, jobs.Count, [.. pageFiles, .. extras], false, elapsed) { BasePath = site.Urls.BasePath };

        clock.Lap("dateien");
        if (syncExtras is not null)
        {
            return new(Result(standIn, clock.Elapsed));
        }

        var started = clock.Elapsed;
        return new(Result(standIn, started))
        {
            PendingExports = cancellation =>
            {
                var extras = SiteExtras.Build(site, pagePaths, themeSource, cancellation: cancellation);
                cache.LastExtras = extras;
                return Result(extras, clock.Elapsed);
            },
        };
    }

    /// <summary>The Markdown behind the selected pages, so that their body and front-matter links are reported at the source.</summary>
    private static Dictionary<string, PageBody> Bodies(IReadOnlyList<PageJob> jobs, Func<string, bool> wanted)
    {
        var bodies = new Dictionary<string, PageBody>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (wanted(job.Path) && job.Page.Body is { } body)
            {
                bodies[job.Path] = body;
            }
        }

        return bodies;
    }

    /// <summary>A theme that fails at render time: reported like any other input error, never a stack trace.</summary>
    private static BuildResult RenderFailed(Exception ex, ThemeState theme, DiagnosticBag diagnostics, Catalog catalog, StageClock clock)
    {
        TemplateRenderException.Report(ex, ContentLoader.Display(theme.Source!.Root), diagnostics);
        return Failed(diagnostics, catalog, clock);
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, Catalog? catalog, StageClock clock) =>
        new(diagnostics.ToSortedList(), catalog?.Profiles.Count ?? 0, 0, [], false, clock.Elapsed);

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
