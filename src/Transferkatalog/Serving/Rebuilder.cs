using System.Globalization;
using System.Text;
using Transferkatalog.Pipeline;
using Transferkatalog.Rendering;

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
    /// Cancelled when a newer rebuild superseded that work before it was done.
    /// </summary>
    Task<BuildResult>? Completion { get; }
}

/// <summary>The preview's rebuilder: runs the pipeline with a <see cref="BuildCache"/> and makes the exports it leaves in the background.</summary>
/// <remarks>
/// What is redone after a change is the orchestrator's business (<see cref="SiteBuilder.Rebuild"/>); this adds only the
/// background work (<see cref="BackgroundExports"/>: one run at a time, the newest wins) and the terminal line.
/// </remarks>
public sealed class IncrementalRebuilder : IRebuilder, IDisposable
{
    private readonly BuildCache cache = new();
    private readonly BackgroundExports background = new(TimeSpan.FromMilliseconds(500));
    private readonly StageTimings timings = new();
    private readonly SiteBuilder builder;

    public IncrementalRebuilder(ITemplateEngine? engine = null) => builder = new SiteBuilder(engine) { Observer = timings };

    public string? LastSummary { get; private set; }

    /// <summary>Wall and CPU milliseconds per stage of the last successful rebuild ("modell 4/4 …"), for the benchmark.</summary>
    public string? LastTimings { get; private set; }

    public Task<BuildResult>? Completion { get; private set; }

    /// <summary>Whether the last rebuild read the whole content folder again rather than the changed profiles only.</summary>
    public bool LastReadEverything => cache.LastReadEverything;

    /// <summary>Pages rendered afresh in the last rebuild.</summary>
    public int LastRendered => cache.LastRendered;

    /// <summary>Pages taken over unchanged from the build before.</summary>
    public int LastReused => cache.LastReused;

    public BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, BuildResult? previous)
    {
        Completion = null;
        LastSummary = null;
        timings.Clear();
        var rebuilt = builder.Rebuild(options, cache, changedFiles);
        if (!rebuilt.Result.Succeeded)
        {
            return rebuilt.Result;
        }

        LastTimings = timings.ToString();
        var pages = cache.LastRendered + cache.LastReused;
        var work = $"{(cache.LastReadEverything ? "alle Inhalte gelesen, " : string.Empty)}{cache.LastRendered} von {pages} Seiten neu gerendert{(cache.LastReadTheme && !cache.LastReadEverything ? ", Theme neu übersetzt" : string.Empty)}";
        if (rebuilt.PendingExports is not { } exports)
        {
            LastSummary = work;
            return rebuilt.Result;
        }

        // Supersedes the exports of the rebuild before, if they are still running: the newest are the only ones worth finishing.
        Completion = background.Run(exports);
        LastSummary = $"{work}; Suchindex und offene Daten folgen";
        return rebuilt.Result;
    }

    public void Dispose() => background.Dispose();

    /// <summary>Collects "stage wall/cpu" in milliseconds.</summary>
    private sealed class StageTimings : IStageObserver
    {
        private readonly StringBuilder text = new();

        public void Clear() => text.Clear();

        public void StageDone(string stage, TimeSpan wall, TimeSpan cpu) =>
            text.Append(CultureInfo.InvariantCulture, $"{stage} {(int)wall.TotalMilliseconds}/{(int)cpu.TotalMilliseconds} ");

        public override string ToString() => text.ToString().TrimEnd();
    }
}
