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
}

/// <summary>Runs the normal pipeline but keeps the compiled theme and every rendered page between builds, re-rendering only pages whose data changed.</summary>
/// <remarks>Content is still read and validated in full, so diagnostics and output are exactly those of a full build (the tests compare them).</remarks>
public sealed class IncrementalRebuilder : IRebuilder
{
    private readonly MemoizingTemplateEngine engine = new(new HandlebarsTemplateEngine());

    public string? LastSummary { get; private set; }

    /// <summary>Template renders done afresh in the last rebuild (page bodies and layouts count separately).</summary>
    public int LastRendered => engine.Rendered;

    /// <summary>Template renders taken over unchanged from the build before.</summary>
    public int LastReused => engine.Reused;

    public BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, BuildResult? previous)
    {
        var result = new SiteBuilder(engine).Build(options, write: false);
        var total = engine.Rendered + engine.Reused;
        LastSummary = total == 0
            ? null
            : $"{engine.Rendered} von {total} Vorlagen neu gerendert{(engine.ThemeReused ? string.Empty : ", Theme neu übersetzt")}";
        return result;
    }
}
