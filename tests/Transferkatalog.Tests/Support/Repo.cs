namespace Transferkatalog.Tests.Support;

/// <summary>Locates the repository checkout the tests run from, for the real theme and content.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Theme => Path.Combine(Root, "themes", "default");

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        // Builds with --artifacts-path put the binaries outside the checkout, so the project records where it lives.
        var recorded = typeof(Repo).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, recorded })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Transferkatalog.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Transferkatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
