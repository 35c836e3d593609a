using System.Reflection;

namespace Transferkatalog.Tests.Support;

/// <summary>The repository checkout the tests and the benchmark run from; the one place that knows how to find it.</summary>
/// <remarks>Compiled into Transferkatalog.Tests, Transferkatalog.BrowserTests and Transferkatalog.Benchmarks (linked source).</remarks>
public static class Repo
{
    private static readonly Lazy<string> Found = new(FindRoot);

    /// <summary>The folder holding Transferkatalog.sln.</summary>
    public static string Root => Found.Value;

    /// <summary>The sample catalogue's content/ folder.</summary>
    public static string Content => Path.Combine(Root, "content");

    /// <summary>The default theme.</summary>
    public static string Theme => Path.Combine(Root, "themes", "default");

    /// <summary>The default theme's assets (CSS, JavaScript).</summary>
    public static string Assets => Path.Combine(Theme, "assets");

    /// <summary>A path below the repository root, e.g. <c>Repo.PathOf("tests", "Transferkatalog.Tests", "Theming", "Golden")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        // TK_REPOSITORY_ROOT points the tests at another (e.g. modified) checkout. Otherwise the checkout the project was
        // built from, which each project records, because builds with --artifacts-path put the binaries outside it;
        // the folders above the binaries and the working directory are the fallback for a moved checkout.
        var named = Environment.GetEnvironmentVariable("TK_REPOSITORY_ROOT");
        var recorded = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (!string.IsNullOrEmpty(named))
        {
            return IsRoot(named) ? Path.GetFullPath(named) : throw new DirectoryNotFoundException($"TK_REPOSITORY_ROOT={named} enthält keine Transferkatalog.sln");
        }

        foreach (var start in new[] { recorded, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsRoot(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"Repository-Wurzel (Transferkatalog.sln) nicht gefunden über {AppContext.BaseDirectory} oder {Environment.CurrentDirectory} — im Repository starten oder TK_REPOSITORY_ROOT setzen");
    }

    private static bool IsRoot(string folder) => File.Exists(Path.Combine(folder, "Transferkatalog.sln"));
}
