using Transferkatalog.Pipeline;

namespace Transferkatalog.Serving;

/// <summary>How the preview turns file changes into a new in-memory site; the seam for incremental rebuilds.</summary>
public interface IRebuilder
{
    /// <summary>Builds without writing; <paramref name="changedFiles"/> is empty when everything may have changed.</summary>
    BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, BuildResult? previous);
}

/// <summary>Rebuilds the whole site on every change: simple, and the reference an incremental rebuilder must match.</summary>
public sealed class FullRebuilder : IRebuilder
{
    public BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, BuildResult? previous) =>
        new SiteBuilder().Build(options, write: false);
}
