using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Performance;

/// <summary>Parallel stages must not change a single byte: same content, same site, whatever the number of threads.</summary>
public sealed class ParallelBuildTests(GeneratedCatalog catalog) : IClassFixture<GeneratedCatalog>
{
    private static readonly DateOnly Date = new(2026, 11, 21);

    private string Build(string content, string name, int? threads)
    {
        var output = Path.Combine(Path.GetDirectoryName(content)!, name);
        var result = new SiteBuilder().Build(new BuildOptions(content, Repo.Theme, output, null, Date, threads));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics.Take(10)));
        Assert.True(result.Written);
        return output;
    }

    [Fact]
    public void Sequential_and_parallel_builds_write_identical_files()
    {
        var sequential = Build(catalog.Content, "seq", threads: 1);
        var parallel = Build(catalog.Content, "par", threads: null);

        // More threads than cores interleaves the work differently again.
        var oversubscribed = Build(catalog.Content, "par8", threads: 8);

        var files = AssertSameTree(sequential, parallel);
        AssertSameTree(sequential, oversubscribed);
        Assert.True(files > GeneratedCatalog.Profiles + GeneratedCatalog.Kommunen, $"only {files} files compared");
    }

    [Fact]
    public void Two_builds_of_the_same_content_are_identical()
    {
        var first = Build(catalog.Content, "eins", threads: null);
        var second = Build(catalog.Content, "zwei", threads: null);
        AssertSameTree(first, second);
    }

    [Fact]
    public void Real_catalogue_builds_identically_sequential_and_parallel()
    {
        var root = catalog.Output("real");
        var sequential = new SiteBuilder().Build(new BuildOptions(Repo.Content, Repo.Theme, Path.Combine(root, "seq"), null, Date, 1));
        var parallel = new SiteBuilder().Build(new BuildOptions(Repo.Content, Repo.Theme, Path.Combine(root, "par"), null, Date, null));
        Assert.True(sequential.Succeeded, string.Join(Environment.NewLine, sequential.Diagnostics));
        Assert.Equal(sequential.Diagnostics, parallel.Diagnostics);
        AssertSameTree(Path.Combine(root, "seq"), Path.Combine(root, "par"));
    }

    [Theory]
    [InlineData("status: ", "status: unbekannt-", "TK0106")]
    [InlineData("](/projekte/", "](/projekte/fehlt-", "TK0401")]
    public void Diagnostics_come_in_the_same_order_whatever_the_parallelism(string find, string replace, string code)
    {
        // Errors found in parallel stages (validation, link check) in many files: the reported list must not depend on threads.
        var broken = catalog.Output("kaputt-" + code);
        CopyFolder(catalog.Content, broken);
        foreach (var file in Directory.GetFiles(Path.Combine(broken, "projekte"), "*.md").Order(StringComparer.Ordinal).Take(40))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace(find, replace, StringComparison.Ordinal));
        }

        var sequential = new SiteBuilder().Build(new BuildOptions(broken, Repo.Theme, broken + "-seq", null, Date, 1));
        var parallel = new SiteBuilder().Build(new BuildOptions(broken, Repo.Theme, broken + "-par", null, Date, 8));
        Assert.False(sequential.Succeeded);
        Assert.True(sequential.Diagnostics.Count(d => d.Code == code) >= 40, string.Join(Environment.NewLine, sequential.Diagnostics.Take(5)));
        Assert.Equal(sequential.Diagnostics.Select(d => d.ToString()), parallel.Diagnostics.Select(d => d.ToString()));
        Assert.False(Directory.Exists(broken + "-par"));
    }

    private static int AssertSameTree(string expectedRoot, string actualRoot)
    {
        static List<string> List(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var expected = List(expectedRoot);
        Assert.Equal(expected, List(actualRoot));
        foreach (var file in expected)
        {
            var a = File.ReadAllBytes(Path.Combine(expectedRoot, file));
            var b = File.ReadAllBytes(Path.Combine(actualRoot, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between {expectedRoot} and {actualRoot}");
        }

        return expected.Count;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
