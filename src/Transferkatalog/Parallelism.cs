namespace Transferkatalog;

/// <summary>The degree of parallelism of the running build, for every stage's Parallel.For without threading it through each signature.</summary>
/// <remarks>An AsyncLocal, so two builds in one process (tests, serve) each keep their own limit.</remarks>
public static class Parallelism
{
    private static readonly AsyncLocal<int?> Limit = new();

    /// <summary>Options for Parallel.For/ForEach in pipeline stages: unlimited (all cores) unless a build asked for fewer.</summary>
    public static ParallelOptions Options => new() { MaxDegreeOfParallelism = Limit.Value ?? -1 };

    /// <summary>True when the running build asked for one thread: stages then also avoid running side work concurrently.</summary>
    public static bool IsSequential => Limit.Value == 1;

    /// <summary>Limits parallelism until the returned scope is disposed; null or less than 1 means all cores.</summary>
    public static IDisposable Use(int? maxDegreeOfParallelism)
    {
        var previous = Limit.Value;
        Limit.Value = maxDegreeOfParallelism is > 0 ? maxDegreeOfParallelism : null;
        return new Scope(previous);
    }

    private sealed class Scope(int? previous) : IDisposable
    {
        public void Dispose() => Limit.Value = previous;
    }
}
