using System.Security.Cryptography;
using System.Text;
using System.Diagnostics;
using Transferkatalog.Checking;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Pipeline;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;
using Transferkatalog.Validation;

namespace Transferkatalog.Serving;

/// <summary>How the preview turns file changes into a new in-memory site; the seam for incremental rebuilds.</summary>
public interface IRebuilder
{
    /// <summary>Builds without writing; <paramref name="changedFiles"/> is empty when everything may have changed.</summary>
    BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, BuildResult? previous);

    /// <summary>A short note on the last rebuild's work for the terminal, or null.</summary>
    string? LastSummary { get; }

    /// <summary>
    /// The last rebuild's result once the work it left for the background is done (search index, open data, feed,
    /// sitemap); null when it left nothing. Until then the result carries the previous build's versions of those files.
    /// </summary>
    Task<BuildResult>? Completion { get; }
}

/// <summary>The preview's rebuilder: keeps every stage's results between builds and redoes only what a change touched.</summary>
/// <remarks>
/// A saved profile is read and validated alone; the site model keeps the entries of unchanged profiles; related projects
/// are updated, not recomputed; a page is rendered again only when its signature (see <see cref="PageSignatures"/>)
/// changed, and only re-rendered pages are link-checked. Exports and the search index, which depend on every profile,
/// follow in the background. A change to settings, registries, plain pages or an unknown change starts from scratch,
/// a theme change re-renders every page. Output and diagnostics equal a full build's; the tests compare them.
/// </remarks>
public sealed class IncrementalRebuilder(ITemplateEngine? engine = null) : IRebuilder
{
    private readonly ITemplateEngine engine = engine ?? new ScribanTemplateEngine();
    private readonly CatalogValidator validator = new();
    private readonly Lock extrasGate = new();
    private ContentState? content;
    private ThemeState? theme;
    private Dictionary<string, RenderedPage> pages = new(StringComparer.Ordinal);
    private PageSignatures signatures = new();
    private IReadOnlyList<OutputFile>? lastExtras;
    private OutputPaths? lastPaths;

    public string? LastSummary { get; private set; }

    /// <summary>Wall and CPU milliseconds per stage of the last successful rebuild ("modell 4/4 …"), for the benchmark.</summary>
    public string? LastTimings { get; private set; }

    public Task<BuildResult>? Completion { get; private set; }

    /// <summary>Whether the last rebuild read the whole content folder again rather than the changed profiles only.</summary>
    public bool LastReadEverything { get; private set; }

    /// <summary>Pages rendered afresh in the last rebuild.</summary>
    public int LastRendered { get; private set; }

    /// <summary>Pages taken over unchanged from the build before.</summary>
    public int LastReused { get; private set; }

    public BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, BuildResult? previous)
    {
        using var parallelism = Parallelism.Use(options.MaxDegreeOfParallelism);
        var watch = Stopwatch.StartNew();
        var timings = new StringBuilder();
        var lap = TimeSpan.Zero;
        var cpuLap = Environment.CpuUsage.TotalTime;
        void Mark(string stage)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            timings.Append(stage).Append(' ').Append((int)(watch.Elapsed - lap).TotalMilliseconds).Append('/').Append((int)(cpu - cpuLap).TotalMilliseconds).Append(' ');
            lap = watch.Elapsed;
            cpuLap = cpu;
        }

        var referenceDate = SiteBuilder.ReferenceDate(options);
        Completion = null;
        LastRendered = 0;
        LastReused = 0;
        LastSummary = null;

        var (resetContent, resetTheme, changedProfiles) = Classify(options, referenceDate, changedFiles);
        var before = (content?.Fingerprint, theme?.Fingerprint);
        LastReadEverything = resetContent;
        if (resetContent)
        {
            content = LoadAll(options, referenceDate);
        }
        else
        {
            foreach (var path in changedProfiles)
            {
                content!.Update(path, File.Exists(path) ? LoadProfile(path, content.Registries, content.Options.ContentDir) : null);
            }
        }

        if (resetTheme)
        {
            theme = LoadTheme(options);
        }

        if (before != (content!.Fingerprint, theme!.Fingerprint))
        {
            // Signatures leave settings, registries and theme out: after a change there no rendered page can be trusted.
            pages = new(StringComparer.Ordinal);
            signatures = new();
        }

        var diagnostics = new DiagnosticBag();
        var catalog = content!.Catalog(diagnostics);
        Mark("katalog");
        diagnostics.AddRange(theme!.Diagnostics);
        if (catalog is not null)
        {
            StalenessCheck.Report(catalog, referenceDate, diagnostics);
            content.CrossChecks.Report(catalog, diagnostics);
        }

        Mark("veraltet");
        if (catalog is null || theme.Compiled is null || theme.Source is null || diagnostics.HasErrors)
        {
            return Failed(diagnostics, catalog, watch);
        }

        var site = new SiteModelBuilder().Build(catalog, options.BaseUrl, referenceDate, content.SiteCache);
        Mark("modell");
        var related = content.Related.Update(site.Profiles);
        Mark("verwandt");
        var renderer = new SiteRenderer(theme.Compiled, theme.Source);
        var jobs = renderer.PlanPages(site, related);
        Mark("plan");
        var signatureOf = signatures.For(site);
        Mark("signaturen");

        // The first build has no exports to show meanwhile, and new settings may change them all: build them now,
        // alongside the pages. Otherwise they follow in the background and the previous ones stand in.
        var pagePaths = jobs.Select(j => j.Path).ToList();
        var themeSource = theme.Source;
        var extrasNow = lastExtras;
        Task<IReadOnlyList<OutputFile>>? syncExtras = extrasNow is null || resetContent ? Task.Run(() => SiteRenderer.RenderExtras(site, pagePaths, themeSource)) : null;
        var toRender = new List<(PageJob Job, UInt128? Signature, int At)>();
        var next = new Dictionary<string, RenderedPage>(jobs.Count, StringComparer.Ordinal);
        var ordered = new OutputFile[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            var signature = signatureOf(job);
            if (signature is not null && pages.TryGetValue(job.Path, out var known) && known.Signature == signature)
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
            // The same report as a full build's for a theme that fails at render time.
            TemplateRenderException.Report(ex, ContentLoader.Display(theme.Source.Root), diagnostics);
            return Failed(diagnostics, catalog, watch);
        }

        for (var i = 0; i < fresh.Length; i++)
        {
            next[fresh[i].File.RelativePath] = fresh[i];
            ordered[toRender[i].At] = fresh[i].File;
        }

        pages = next;
        LastRendered = fresh.Length;
        LastReused = jobs.Count - fresh.Length;
        Mark("rendern");

        // Link check: re-rendered pages always; the others only when the set of files they can point to changed.
        if (syncExtras is not null)
        {
            extrasNow = syncExtras.Result;
            lock (extrasGate)
            {
                lastExtras = extrasNow;
            }
        }

        // Pages link to exports by fixed names (feed, open data, schema); the search index's shard names are never linked.
        var standIn = extrasNow ?? [];
        var paths = new OutputPaths(pagePaths, theme.Assets, standIn);
        var (lostPaths, gainedPaths) = paths.Compare(lastPaths);
        lastPaths = paths;
        var existing = paths.Set;
        var toCheck = next.Values.Where(p => p.Links is null || lostPaths || (gainedPaths && p.Links.Count > 0)).ToList();
        var found = new DiagnosticBag();
        var checker = new OutputChecker.Session(site.Urls, found, toCheck.Count > 100 ? BodySource.Of(site) : BodiesOf(jobs, toCheck));
        checker.Know(existing);
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

        Mark("links");
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, catalog, watch);
        }

        var pageFiles = ordered.Concat(theme.Assets).ToList();
        Mark("dateien");
        var sorted = diagnostics.ToSortedList();
        BuildResult Result(IReadOnlyList<OutputFile> extras, TimeSpan elapsed) =>
            new(sorted, catalog.Profiles.Count, jobs.Count, [.. pageFiles, .. extras], false, elapsed) { BasePath = site.Urls.BasePath };

        LastTimings = timings.ToString().TrimEnd();
        var work = $"{(resetContent ? "alle Inhalte gelesen, " : string.Empty)}{LastRendered} von {jobs.Count} Seiten neu gerendert{(resetTheme && !resetContent ? ", Theme neu übersetzt" : string.Empty)}";
        if (syncExtras is not null)
        {
            LastSummary = work;
            return Result(standIn, watch.Elapsed);
        }

        var started = watch.Elapsed;
        Completion = Task.Run(() =>
        {
            var extras = SiteRenderer.RenderExtras(site, pagePaths, themeSource);
            lock (extrasGate)
            {
                lastExtras = extras;
            }

            return Result(extras, watch.Elapsed);
        });
        LastSummary = $"{work}; Suchindex und offene Daten folgen";
        return Result(standIn, started);
    }

    /// <summary>The Markdown behind the given pages, so that their body links are reported at the source; cheaper than the whole site's.</summary>
    private static Dictionary<string, BodySource> BodiesOf(IReadOnlyList<PageJob> jobs, IReadOnlyCollection<RenderedPage> pages)
    {
        var wanted = pages.Select(p => p.File.RelativePath).ToHashSet(StringComparer.Ordinal);
        var bodies = new Dictionary<string, BodySource>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (!wanted.Contains(job.Path))
            {
                continue;
            }

            if (job.Subject is ProfilePage { Entry.Profile: var p })
            {
                bodies[job.Path] = new BodySource(p.SourcePath, p.ParsedBody);
            }
            else if (job.Subject is PageEntry { Page: var page })
            {
                bodies[job.Path] = new BodySource(page.SourcePath, page.ParsedBody);
            }
        }

        return bodies;
    }

    private BuildResult Failed(DiagnosticBag diagnostics, Catalog? catalog, Stopwatch watch) =>
        new(diagnostics.ToSortedList(), catalog?.Profiles.Count ?? 0, 0, [], false, watch.Elapsed);

    /// <summary>Sorts the changed paths into profile edits, and says whether content or theme must be read afresh.</summary>
    private (bool Content, bool Theme, List<string> Profiles) Classify(BuildOptions options, DateOnly referenceDate, IReadOnlyCollection<string> changedFiles)
    {
        var resetContent = content is null || content.Options != options || content.ReferenceDate != referenceDate || changedFiles.Count == 0;
        var resetTheme = theme is null || resetContent;
        var profiles = new List<string>();
        var contentRoot = Path.GetFullPath(options.ContentDir) + Path.DirectorySeparatorChar;
        var profileRoot = Path.Combine(contentRoot, "projekte") + Path.DirectorySeparatorChar;
        var themeRoot = Path.GetFullPath(options.ThemeDir) + Path.DirectorySeparatorChar;
        foreach (var changed in changedFiles)
        {
            var path = Path.GetFullPath(changed);
            if (path.StartsWith(themeRoot, StringComparison.Ordinal))
            {
                resetTheme = true;
            }
            else if (path.StartsWith(profileRoot, StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal) && !Directory.Exists(path))
            {
                profiles.Add(path);
            }
            else if (path.StartsWith(profileRoot, StringComparison.Ordinal) && IsBystander(path))
            {
                // An editor's or tool's temporary file (sed, Vim, LibreOffice write one next to the file they save).
            }
            else
            {
                // Settings, registries, plain pages, a folder moved, a file the build may report (x.MD), or something unknown: start afresh.
                resetContent = true;
                resetTheme = true;
            }
        }

        return (resetContent, resetTheme, profiles);
    }

    /// <summary>Whether a changed path in projekte/ is neither a profile nor something the build reports or reads.</summary>
    /// <remarks>A folder, or a Markdown file with another extension (reported as TK0014, also when it goes away), needs a
    /// full reload; a deleted path is a folder when profiles were read from below it.</remarks>
    private bool IsBystander(string path)
    {
        if (Directory.Exists(path) || Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown" or ".mdown" or ".mkd")
        {
            return false;
        }

        return File.Exists(path) || content?.HasProfilesBelow(path) is false;
    }

    private ContentState LoadAll(BuildOptions options, DateOnly referenceDate)
    {
        var diagnostics = new DiagnosticBag();
        var raw = new ContentLoader().Load(options.ContentDir, diagnostics, includeProfiles: false);
        var validation = new DiagnosticBag();
        var registries = validator.ValidateRegistries(raw, validation);
        var placeholders = Scaffolding.Placeholder.Report(raw, diagnostics);
        Scaffolding.Placeholder.AddValidation(diagnostics, validation, placeholders);

        var files = ContentLoader.ProfileFiles(options.ContentDir, diagnostics) ?? [];
        var slots = new ProfileSlot[files.Count];
        Parallel.For(0, files.Count, Parallelism.Options, i => slots[i] = LoadProfile(files[i], registries, options.ContentDir));
        var state = new ContentState(options, referenceDate, registries, diagnostics.ToSortedList(), Fingerprint(options, referenceDate, raw));
        for (var i = 0; i < files.Count; i++)
        {
            state.Update(files[i], slots[i]);
        }

        return state;
    }

    /// <summary>Reads and validates one profile file with the same rules and messages as a full build.</summary>
    private ProfileSlot LoadProfile(string path, Registries registries, string contentRoot)
    {
        var diagnostics = new DiagnosticBag();
        var source = ContentLoader.ReadMarkdown(path, diagnostics, contentRoot);
        Profile? profile = null;
        if (source is not null)
        {
            var validation = new DiagnosticBag();
            profile = validator.ValidateProfile(source, registries, validation);
            var placeholders = Scaffolding.Placeholder.Report(source, diagnostics);
            Scaffolding.Placeholder.AddValidation(diagnostics, validation, placeholders);
        }

        return new ProfileSlot(source, profile, diagnostics.ToSortedList());
    }

    private ThemeState LoadTheme(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var source = ThemeLoader.Load(options.ThemeDir, options.FallbackThemeDir, engine.TemplateExtension, diagnostics);
        var compiled = source is null ? null : engine.Compile(source, diagnostics);
        var assets = source is null || compiled is null ? [] : new SiteRenderer(compiled, source).Assets();
        var print = new StringBuilder();
        var texts = source is null ? [] : source.Templates.Select(t => ("t", t.Key, t.Value.Text)).Concat(source.Partials.Select(p => ("p", p.Key, p.Value.Text)));
        foreach (var (kind, name, text) in texts.OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            print.Append(kind).Append(':').Append(name).Append('\0').Append(text).Append('\0');
        }

        foreach (var asset in assets)
        {
            print.Append(asset.RelativePath).Append('\0').Append(Convert.ToHexString(SHA256.HashData(asset.Content))).Append('\0');
        }

        return new ThemeState(source, compiled, assets, diagnostics.ToSortedList(), Hash(print.ToString()));
    }

    /// <summary>Everything besides the profiles that pages are built from: when it is unchanged, rendered pages stay valid.</summary>
    private static string Fingerprint(BuildOptions options, DateOnly referenceDate, RawContent raw)
    {
        var print = new StringBuilder();
        print.Append(options).Append('\0').Append(referenceDate.DayNumber).Append('\0');
        foreach (var file in new[] { raw.Site, raw.Handlungsfelder, raw.Kommunen }.Concat(raw.Pages.Select(p => p.File)))
        {
            print.Append(file?.DisplayPath).Append('\0').Append(file?.Text).Append('\0');
        }

        return Hash(print.ToString());
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The paths of one build's output, with a cheap fingerprint so that an unchanged set need not be compared path by path.</summary>
    private sealed class OutputPaths
    {
        private readonly IReadOnlyList<string> pages;
        private readonly IReadOnlyList<OutputFile> assets;
        private readonly IReadOnlyList<OutputFile> extras;
        private readonly int fingerprint;
        private HashSet<string>? set;

        public OutputPaths(IReadOnlyList<string> pages, IReadOnlyList<OutputFile> assets, IReadOnlyList<OutputFile> extras)
        {
            this.pages = pages;
            this.assets = assets;
            this.extras = extras;
            foreach (var page in pages)
            {
                // Order-independent: the set matters, not the order of the plan.
                fingerprint ^= StringComparer.Ordinal.GetHashCode(page);
            }
        }

        public HashSet<string> Set => set ??= pages.Concat(assets.Select(a => a.RelativePath)).Concat(extras.Select(e => e.RelativePath)).ToHashSet(StringComparer.Ordinal);

        /// <summary>Whether pages or assets of the earlier build are gone, and whether new ones came; both when there is no earlier build.</summary>
        /// <remarks>Exports are left out: pages link to them by fixed names, and the search index's shard names are never linked.</remarks>
        public (bool Lost, bool Gained) Compare(OutputPaths? earlier)
        {
            if (earlier is null)
            {
                return (true, true);
            }

            if (earlier.pages.Count == pages.Count && earlier.fingerprint == fingerprint && ReferenceEquals(earlier.assets, assets))
            {
                // Same number of distinct paths, all of them known before: the same set.
                var known = earlier.set ?? earlier.pages.ToHashSet(StringComparer.Ordinal);
                if (pages.All(known.Contains))
                {
                    if (ReferenceEquals(earlier.extras, extras))
                    {
                        set = earlier.set;
                    }

                    return (false, false);
                }
            }

            var now = pages.Concat(assets.Select(a => a.RelativePath)).ToHashSet(StringComparer.Ordinal);
            var before = earlier.pages.Concat(earlier.assets.Select(a => a.RelativePath)).ToHashSet(StringComparer.Ordinal);
            return (before.Any(p => !now.Contains(p)), now.Any(p => !before.Contains(p)));
        }
    }

    private sealed record ThemeState(ThemeSource? Source, ICompiledTheme? Compiled, IReadOnlyList<OutputFile> Assets, IReadOnlyList<Diagnostic> Diagnostics, string Fingerprint);

    /// <summary>One profile file as last read: its source, the validated profile and the file's own diagnostics.</summary>
    private sealed record ProfileSlot(MarkdownSource? Source, Profile? Profile, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>A rendered page with the signature it was rendered for and its link-check findings (null: not checked yet).</summary>
    private sealed class RenderedPage(UInt128? signature, OutputFile file)
    {
        public UInt128? Signature { get; } = signature;

        public OutputFile File { get; } = file;

        public IReadOnlyList<Diagnostic>? Links { get; set; }
    }

    /// <summary>Everything read from the content folder, kept per profile file so that an edit re-reads one file.</summary>
    private sealed class ContentState(BuildOptions options, DateOnly referenceDate, Registries registries, IReadOnlyList<Diagnostic> settingsDiagnostics, string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;

        private static readonly IComparer<Profile> BySlug = Comparer<Profile>.Create((a, b) => string.CompareOrdinal(a.Slug, b.Slug));

        private readonly SortedDictionary<string, ProfileSlot> slots = new(StringComparer.Ordinal);
        private List<Profile>? bySlug;
        private IReadOnlyList<Diagnostic>? slugDiagnostics;

        public BuildOptions Options { get; } = options;

        public DateOnly ReferenceDate { get; } = referenceDate;

        public Registries Registries { get; } = registries;

        public SiteModelCache SiteCache { get; } = new();

        public RelatedIndex Related { get; } = new();

        public CrossProfileCheck CrossChecks { get; } = new();

        public bool HasProfilesBelow(string folder)
        {
            var prefix = folder + Path.DirectorySeparatorChar;
            return slots.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
        }

        public void Update(string path, ProfileSlot? slot)
        {
            slots.TryGetValue(path, out var old);

            // Slug order and slug checks change only when a file comes, goes or stops (or starts) being readable.
            var sameShape = old is not null && slot is not null && (old.Source is null) == (slot.Source is null) && old.Profile?.Slug == slot.Profile?.Slug;
            if (!sameShape)
            {
                slugDiagnostics = null;
            }

            if (slot is null)
            {
                slots.Remove(path);
            }
            else
            {
                slots[path] = slot;
            }

            if (bySlug is null)
            {
                return;
            }

            var at = old?.Profile is { } was ? bySlug.BinarySearch(was, BySlug) : -1;
            if (sameShape && (old!.Profile is null || (at >= 0 && ReferenceEquals(bySlug[at], old.Profile))))
            {
                if (old.Profile is not null)
                {
                    bySlug[at] = slot!.Profile!;
                }
            }
            else
            {
                bySlug = null;
            }
        }

        /// <summary>The catalogue as a full build would validate it, with every diagnostic of content and slugs.</summary>
        public Catalog? Catalog(DiagnosticBag diagnostics)
        {
            diagnostics.AddRange(settingsDiagnostics);
            foreach (var slot in slots.Values)
            {
                diagnostics.AddRange(slot.Diagnostics);
            }

            if (slugDiagnostics is null)
            {
                var bag = new DiagnosticBag();
                CatalogValidator.CheckSlugs(slots.Values.Select(s => s.Source).OfType<MarkdownSource>().ToList(), "projekte", bag);
                slugDiagnostics = bag.ToSortedList();
            }

            diagnostics.AddRange(slugDiagnostics);

            // Copied, so that a later edit patching the list cannot change a catalogue already handed out.
            bySlug ??= slots.Values.Select(s => s.Profile).OfType<Profile>().OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
            return CatalogValidator.AssembleSorted(Registries, bySlug.ToList());
        }
    }
}
