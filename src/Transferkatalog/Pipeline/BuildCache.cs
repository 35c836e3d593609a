using System.Security.Cryptography;
using System.Text;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;
using Transferkatalog.Validation;

namespace Transferkatalog.Pipeline;

/// <summary>What <see cref="SiteBuilder.Rebuild"/> keeps between two builds of the preview, so that a change redoes only what it touched.</summary>
/// <remarks>
/// Per profile file its source, validated profile and diagnostics; the site model (<see cref="SiteModelCache"/>), related
/// projects (<see cref="RelatedIndex"/>), every rendered page with its signature (<see cref="PageSignatures"/>) and its
/// link findings, and the last exports. A change to settings, registries, plain pages or an unknown change starts from
/// scratch, a theme change re-renders every page. A cold build uses a fresh one and keeps no pages.
/// </remarks>
public sealed class BuildCache
{
    private readonly CatalogValidator validator = new();
    private readonly Lock extrasGate = new();
    private IReadOnlyList<OutputFile>? lastExtras;

    internal ContentState? Content { get; private set; }

    internal ThemeState? Theme { get; private set; }

    internal Dictionary<string, RenderedPage> Pages { get; set; } = new(StringComparer.Ordinal);

    internal PageSignatures Signatures { get; private set; } = new();

    internal OutputPaths? LastPaths { get; set; }

    /// <summary>The exports of the last build that made them; they stand in while the next ones are made.</summary>
    internal IReadOnlyList<OutputFile>? LastExtras
    {
        get
        {
            lock (extrasGate)
            {
                return lastExtras;
            }
        }

        set
        {
            lock (extrasGate)
            {
                lastExtras = value;
            }
        }
    }

    /// <summary>Whether the last build read the whole content folder again rather than the changed profiles only.</summary>
    public bool LastReadEverything { get; private set; }

    /// <summary>Whether the last build read and compiled the theme again.</summary>
    public bool LastReadTheme { get; private set; }

    /// <summary>Pages rendered afresh in the last build.</summary>
    public int LastRendered { get; internal set; }

    /// <summary>Pages taken over unchanged from the build before.</summary>
    public int LastReused { get; internal set; }

    /// <summary>Brings content and (with an engine) theme up to date with the changed paths; empty means anything may have changed.</summary>
    internal void Refresh(BuildOptions options, DateOnly referenceDate, IReadOnlyCollection<string> changedFiles, ITemplateEngine? engine)
    {
        LastRendered = 0;
        LastReused = 0;
        var (resetContent, resetTheme, changedProfiles) = Classify(options, referenceDate, changedFiles);
        resetTheme = engine is not null && (resetTheme || Theme is null);
        var before = (Content?.Fingerprint, Theme?.Fingerprint);
        LastReadEverything = resetContent;
        LastReadTheme = resetTheme;

        // The theme does not depend on the content: compiled alongside, it fills the core that reading the settings,
        // registries and the file list leave idle (a cold build of 1,000 profiles spends a tenth of its time there).
        var theme = !resetTheme ? null : Parallelism.IsSequential ? Task.FromResult(LoadTheme(options, engine!)) : Task.Run(() => LoadTheme(options, engine!));
        if (resetContent)
        {
            Content = LoadAll(options, referenceDate);
        }
        else
        {
            foreach (var path in changedProfiles)
            {
                Content!.Update(path, File.Exists(path) ? LoadProfile(path, Content.Registries, Content.Options.ContentDir) : null);
            }
        }

        if (theme is not null)
        {
            Theme = theme.GetAwaiter().GetResult();
        }

        if (before != (Content!.Fingerprint, Theme?.Fingerprint))
        {
            // Signatures leave settings, registries and theme out: after a change there no rendered page can be trusted.
            Pages = new(StringComparer.Ordinal);
            Signatures = new();
        }
    }

    /// <summary>Sorts the changed paths into profile edits, and says whether content or theme must be read afresh.</summary>
    private (bool Content, bool Theme, List<string> Profiles) Classify(BuildOptions options, DateOnly referenceDate, IReadOnlyCollection<string> changedFiles)
    {
        var resetContent = Content is null || Content.Options != options || Content.ReferenceDate != referenceDate || changedFiles.Count == 0;
        var resetTheme = resetContent;
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

        return File.Exists(path) || Content?.HasProfilesBelow(path) is false;
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
        var paths = new RealPathCache();
        Parallel.For(0, files.Count, Parallelism.Options, i => slots[i] = LoadProfile(files[i], registries, options.ContentDir, paths));
        var state = new ContentState(options, referenceDate, registries, diagnostics.ToSortedList(), Fingerprint(options, referenceDate, raw));
        for (var i = 0; i < files.Count; i++)
        {
            state.Update(files[i], slots[i]);
        }

        return state;
    }

    /// <summary>Reads and validates one profile file with the same rules and messages as a full build.</summary>
    private ProfileSlot LoadProfile(string path, Registries registries, string contentRoot, RealPathCache? paths = null)
    {
        var diagnostics = new DiagnosticBag();
        var source = ContentLoader.ReadMarkdown(path, diagnostics, contentRoot, paths);
        Profile? profile = null;
        if (source is not null)
        {
            var validation = new DiagnosticBag();
            profile = validator.ValidateProfile(source, registries, validation);
            var placeholders = Scaffolding.Placeholder.Report(source, diagnostics);
            Scaffolding.Placeholder.AddValidation(diagnostics, validation, placeholders);
        }

        // Only the file's name is kept of its text: held for every profile until the build ends, the text and its two
        // halves took ~24 KiB per profile (240 MiB at 10,000), and nothing after validation reads them.
        return new ProfileSlot(source is null ? null : SlugSource.Of(source), profile, diagnostics.ToSortedList());
    }

    private static ThemeState LoadTheme(BuildOptions options, ITemplateEngine engine)
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
    internal sealed class OutputPaths
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

    internal sealed record ThemeState(ThemeSource? Source, ICompiledTheme? Compiled, IReadOnlyList<OutputFile> Assets, IReadOnlyList<Diagnostic> Diagnostics, string Fingerprint);

    /// <summary>One profile file as last read: its source, the validated profile and the file's own diagnostics.</summary>
    internal sealed record ProfileSlot(SlugSource? Source, Profile? Profile, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>A rendered page with the signature it was rendered for and its link-check findings (null: not checked yet).</summary>
    internal sealed class RenderedPage(UInt128? signature, OutputFile file)
    {
        public UInt128? Signature { get; } = signature;

        public OutputFile File { get; } = file;

        public IReadOnlyList<Diagnostic>? Links { get; set; }
    }

    /// <summary>Everything read from the content folder, kept per profile file so that an edit re-reads one file.</summary>
    internal sealed class ContentState(BuildOptions options, DateOnly referenceDate, Registries registries, IReadOnlyList<Diagnostic> settingsDiagnostics, string fingerprint)
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
                CatalogValidator.CheckSlugs(slots.Values.Where(s => s.Source is not null).Select(s => s.Source!.Value).ToList(), "projekte", bag);
                slugDiagnostics = bag.ToSortedList();
            }

            diagnostics.AddRange(slugDiagnostics);

            // Copied, so that a later edit patching the list cannot change a catalogue already handed out.
            bySlug ??= slots.Values.Select(s => s.Profile).OfType<Profile>().OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
            return CatalogValidator.AssembleSorted(Registries, bySlug.ToList());
        }
    }
}
