using Transferkatalog.Pipeline;
using Transferkatalog.Serving;

namespace Transferkatalog.Tests.Editor;

/// <summary>The preview's incremental rebuild: re-renders only what an edit touched, and its output equals a full build's byte for byte.</summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private readonly TempCatalog catalog = new();
    private readonly string theme;

    public IncrementalRebuildTests()
    {
        // A private copy of the theme, so a test may edit it.
        theme = Path.Combine(catalog.Root, "theme");
        foreach (var file in Directory.EnumerateFiles(TempCatalog.RepoTheme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(theme, Path.GetRelativePath(TempCatalog.RepoTheme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => catalog.Dispose();

    [Fact]
    public void Editing_one_profile_rerenders_a_few_pages_and_matches_a_full_build()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var rebuilder = new IncrementalRebuilder();
        var first = rebuilder.Rebuild(options, [], null);
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Equal(0, rebuilder.LastReused);
        var everything = rebuilder.LastRendered;

        var profile = catalog.Profile("digitalboard-owl");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("titel: Digitalboard OWL", "titel: Digitalboard Ostwestfalen-Lippe", StringComparison.Ordinal));
        var incremental = rebuilder.Rebuild(options, [profile], first);

        AssertSameAsFullBuild(options, incremental);
        Assert.Contains("Digitalboard Ostwestfalen-Lippe", Text(incremental, "projekte/digitalboard-owl/index.html"));

        // Its page, the catalogue, its Handlungsfeld and Kommunen pages and related profiles change; the rest is reused.
        Assert.True(rebuilder.LastReused > 0);
        Assert.True(rebuilder.LastRendered < everything / 2, $"{rebuilder.LastRendered} of {everything} renders repeated");
        Assert.Equal(everything, rebuilder.LastRendered + rebuilder.LastReused);
    }

    [Fact]
    public void Unchanged_content_rerenders_nothing_and_a_theme_edit_rerenders_everything()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var rebuilder = new IncrementalRebuilder();
        var first = rebuilder.Rebuild(options, [], null);
        var everything = rebuilder.LastRendered;

        var again = rebuilder.Rebuild(options, [], first);
        Assert.Equal(0, rebuilder.LastRendered);
        AssertSameAsFullBuild(options, again);

        var layout = Path.Combine(theme, "templates", "layout.hbs");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("<main ", "<main data-probe=\"1\" ", StringComparison.Ordinal));
        var themed = rebuilder.Rebuild(options, [layout], again);
        Assert.Equal(everything, rebuilder.LastRendered);
        Assert.Contains("data-probe=\"1\"", Text(themed, "index.html"));
        AssertSameAsFullBuild(options, themed);
    }

    [Fact]
    public void A_broken_edit_and_its_fix_give_the_full_builds_diagnostics_and_output()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var rebuilder = new IncrementalRebuilder();
        var first = rebuilder.Rebuild(options, [], null);
        var profile = catalog.Profile("digitalboard-owl");
        var original = File.ReadAllText(profile);

        File.WriteAllText(profile, original.Replace("status: laufend", "status: laeuft", StringComparison.Ordinal));
        var broken = rebuilder.Rebuild(options, [profile], first);
        Assert.False(broken.Succeeded);
        Assert.Equal(new SiteBuilder().Build(options, write: false).Diagnostics, broken.Diagnostics);

        File.WriteAllText(profile, original);
        var fixedBuild = rebuilder.Rebuild(options, [profile], broken);
        AssertSameAsFullBuild(options, fixedBuild);
    }

    private static void AssertSameAsFullBuild(BuildOptions options, BuildResult incremental)
    {
        var full = new SiteBuilder().Build(options, write: false);
        Assert.True(incremental.Succeeded, string.Join('\n', incremental.Diagnostics));
        Assert.Equal(full.Diagnostics, incremental.Diagnostics);
        Assert.Equal(full.Files.Select(f => f.RelativePath), incremental.Files.Select(f => f.RelativePath));
        Assert.All(full.Files.Zip(incremental.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.RelativePath));
    }

    private static string Text(BuildResult result, string path) =>
        System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.RelativePath == path).Content);
}
