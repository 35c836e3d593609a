using Transferkatalog.Content;

namespace Transferkatalog.Tests.Robustness;

/// <summary>The per-read cache of real paths resolves every kind of path exactly as RealPaths.Of does, links included.</summary>
public sealed class RealPathCacheTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("tk-realpaths").FullName;

    public RealPathCacheTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "inhalt", "projekte"));
        Directory.CreateDirectory(Path.Combine(root, "draussen"));
        File.WriteAllText(Path.Combine(root, "inhalt", "projekte", "a.md"), "a");
        File.WriteAllText(Path.Combine(root, "draussen", "geheim.md"), "s");
        File.CreateSymbolicLink(Path.Combine(root, "inhalt", "projekte", "link.md"), Path.Combine(root, "draussen", "geheim.md"));
        File.CreateSymbolicLink(Path.Combine(root, "inhalt", "projekte", "relativ.md"), "../../draussen/geheim.md");
        File.CreateSymbolicLink(Path.Combine(root, "inhalt", "projekte", "innen.md"), "a.md");
        Directory.CreateSymbolicLink(Path.Combine(root, "inhalt", "verlinkt"), Path.Combine(root, "draussen"));
        File.CreateSymbolicLink(Path.Combine(root, "inhalt", "projekte", "schleife.md"), Path.Combine(root, "inhalt", "projekte", "schleife.md"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("inhalt/projekte/a.md")]
    [InlineData("inhalt/projekte/link.md")]
    [InlineData("inhalt/projekte/relativ.md")]
    [InlineData("inhalt/projekte/innen.md")]
    [InlineData("inhalt/verlinkt/geheim.md")]
    [InlineData("inhalt/verlinkt")]
    [InlineData("inhalt/projekte/fehlt.md")]
    [InlineData("inhalt/projekte/schleife.md")]
    [InlineData("inhalt/projekte/../projekte/a.md")]
    [InlineData("inhalt/projekte")]
    public void Resolves_a_path_as_the_full_walk_does(string relative)
    {
        var path = Path.Combine(root, relative);
        var cache = new RealPathCache();
        cache.Of(Path.Combine(root, "inhalt", "projekte", "a.md"));

        Assert.Equal(RealPaths.Of(path), cache.Of(path));
    }

    [Fact]
    public void A_file_in_a_linked_folder_is_seen_outside_the_content_folder()
    {
        var cache = new RealPathCache();

        var real = cache.Of(Path.Combine(root, "inhalt", "verlinkt", "geheim.md"));

        Assert.False(RealPaths.IsSameOrInside(real, cache.Folder(Path.Combine(root, "inhalt"))));
    }
}
