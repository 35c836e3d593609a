using AngleSharp.Html.Parser;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Theming;

/// <summary>Whole builds with the real theme or a broken copy of it: what a page prints, what a broken theme reports.</summary>
public sealed class ThemeBuildTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    /// <summary>A copy of the default theme the test may break.</summary>
    private string CopyTheme()
    {
        var copy = Path.Combine(sample.Root, "themes", "default");
        foreach (var file in Directory.EnumerateFiles(Repo.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Repo.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private BuildResult Build(string theme) =>
        new SiteBuilder().Build(new BuildOptions(sample.Content, theme, sample.Output, null, new DateOnly(2026, 11, 21)));

    [Fact]
    public void Hostile_text_in_list_items_nested_members_and_attributes_is_shown_as_text()
    {
        const string Evil = "<script>alert(`1`)</script>\\\" onmouseover=\\\"x()";
        const string Shown = "<script>alert(`1`)</script>\" onmouseover=\"x()";
        sample.Replace("projekte/dorfladen-app.md", "  organisation: Stadt Nieheim", $"  organisation: \"{Evil}\"\nbeteiligte: [\"{Evil}\"]\nstichworte: [\"{Evil}\"]");
        sample.Replace("projekte/dorfladen-app.md", "kurzbeschreibung: Eine App bündelt die Angebote der Dorfläden in Nieheim.", $"kurzbeschreibung: \"{Evil}\"");
        var result = Build(Repo.Theme);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));

        var html = File.ReadAllText(Path.Combine(sample.Output, "projekte/dorfladen-app/index.html"));
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(Shown, doc.QuerySelector(".kontakt-stelle")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll(".faktenbox li"), li => li.TextContent == Shown);
        Assert.Equal(Shown, doc.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Empty(doc.QuerySelectorAll("[onmouseover]"));
        Assert.Contains("alert(&#x60;1&#x60;)", html);
        Assert.DoesNotContain("&amp;lt;", html);

        var card = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, "index.html")))
            .QuerySelectorAll("[data-karte]").Single(c => c.QuerySelector("a")!.TextContent == "Dorfladen-App");
        Assert.Equal(Shown, card.QuerySelector(".karte-text")!.TextContent);
    }

    [Fact]
    public void A_misspelt_member_in_a_partial_fails_the_build_at_the_partial_and_writes_nothing()
    {
        var theme = CopyTheme();
        var karte = Path.Combine(theme, "templates", "partials", "karte.sbn-html");
        File.WriteAllText(karte, File.ReadAllText(karte).Replace("{{ StatusLabel }}", "{{ StatusLable }}", StringComparison.Ordinal));

        var result = Build(theme);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("TK0402", error.Code);
        Assert.EndsWith("themes/default/templates/partials/karte.sbn-html", error.File);
        Assert.Equal((6, 69), (error.Line, error.Column));
        Assert.Contains("meinten Sie 'StatusLabel'?", error.Message);
        Assert.False(Directory.Exists(sample.Output));
    }

    [Fact]
    public void A_failed_theme_leaves_the_previous_output_as_it_was()
    {
        var theme = CopyTheme();
        Assert.True(Build(theme).Succeeded);
        var before = File.ReadAllBytes(Path.Combine(sample.Output, "index.html"));

        var layout = Path.Combine(theme, "templates", "layout.sbn-html");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("{{ SiteTitle }}", "{{ SiteTitel }}", StringComparison.Ordinal));
        var result = Build(theme);

        Assert.False(result.Succeeded);
        Assert.All(result.Diagnostics, d => Assert.EndsWith("templates/layout.sbn-html", d.File));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(sample.Output, "index.html")));
    }

    [Fact]
    public void A_theme_failing_while_rendering_leaves_nothing_beside_the_output()
    {
        // The theme's own empty variable: only rendering finds it, after the exports have begun writing to the staging folder.
        var theme = CopyTheme();
        var projekt = Path.Combine(theme, "templates", "projekt.sbn-html");
        File.WriteAllText(projekt, "{{ leer = null }}{{ leer.wert }}" + File.ReadAllText(projekt));
        var parent = Path.GetDirectoryName(sample.Output)!;
        var before = Directory.GetFileSystemEntries(parent).Order(StringComparer.Ordinal).ToList();

        var result = Build(theme);

        Assert.Equal("TK0402", Assert.Single(result.Diagnostics, d => d.Severity == Transferkatalog.Diagnostics.Severity.Error).Code);

        // An export still running after the build returned would create the staging folder again; give it the time to.
        Thread.Sleep(1000);
        Assert.Equal(before, Directory.GetFileSystemEntries(parent).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_missing_template_names_the_file_with_the_engines_extension()
    {
        var theme = CopyTheme();
        File.Delete(Path.Combine(theme, "templates", "seite.sbn-html"));
        var error = Assert.Single(Build(theme).Diagnostics);
        Assert.Equal("TK0403", error.Code);
        Assert.Contains("'seite.sbn-html' fehlt", error.Message);
    }
}
