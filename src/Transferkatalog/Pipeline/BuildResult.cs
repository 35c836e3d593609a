using Transferkatalog.Diagnostics;
using Transferkatalog.Output;

namespace Transferkatalog.Pipeline;

/// <summary>Outcome of a check or build: every diagnostic plus figures for the summary line.</summary>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    int ProfileCount,
    int PageCount,
    IReadOnlyList<OutputFile> Files,
    bool Written,
    TimeSpan Elapsed)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>Path prefix the site was built for (from basis_url or --base-url); "/" when the build stopped before the site model.</summary>
    public string BasePath { get; init; } = "/";
}

/// <summary>The result of a build with a cache, and the exports it left for the caller to make in the background (null: none left).</summary>
public sealed record Rebuilt(BuildResult Result)
{
    /// <summary>Makes the exports and returns the result with them; until then <see cref="Result"/> carries the previous build's.</summary>
    /// <remarks>Cancelling (a newer save supersedes them) stops between two exports and keeps the previous ones as the cache's last.</remarks>
    public Func<CancellationToken, BuildResult>? PendingExports { get; init; }
}
