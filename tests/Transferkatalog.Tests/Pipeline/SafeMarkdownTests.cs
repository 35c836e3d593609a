using System.Collections.Concurrent;
using System.Text;
using Transferkatalog.Diagnostics;
using Transferkatalog.Language;
using Transferkatalog.Pipeline;
using Transferkatalog.Rendering;
using Transferkatalog.SafeMarkdown;
using Transferkatalog.Search;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>The safe Markdown extension: one parse per body gives the HTML, the search text and the links with their places.</summary>
public sealed class SafeMarkdownTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    private static string Html(string markdown, string basePath = "/") => new MarkdownRenderer(basePath).Render(MarkdownBody.Parse(markdown)).Html;

    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript:alert(1)")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)")]
    [InlineData("[x](data:text/html;base64,AAAA)", "data:text/html;base64,AAAA")]
    [InlineData("![x](vbscript:msgbox)", "vbscript:msgbox")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)", "javascript:alert(1)")]
    public void An_unsafe_link_is_shown_as_text_and_listed_as_defused_not_as_a_link(string markdown, string written)
    {
        var body = MarkdownBody.Parse(markdown);
        var html = Html(markdown);

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Empty(body.Links);
        Assert.Equal(written, Assert.Single(body.Defused).Written);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;")]
    [InlineData("Text <img src=x onerror=alert(1)> mehr", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<div onclick=\"x()\">\nBlock\n</div>", "&lt;div onclick=&quot;x()&quot;&gt;")]
    [InlineData("<!-- Kommentar -->", "&lt;!-- Kommentar --&gt;")]
    public void Raw_html_is_printed_as_text(string markdown, string shown)
    {
        var html = Html(markdown);

        Assert.Contains(shown, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_image_becomes_a_link_and_a_local_one_stays_an_image()
    {
        var body = MarkdownBody.Parse("![](https://fremd.example/bild.png) ![Plan](/bilder/plan.png)");
        var html = new MarkdownRenderer("/katalog/").Render(body).Html;

        Assert.Contains("<a href=\"https://fremd.example/bild.png\">Bild</a>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/katalog/bilder/plan.png\" alt=\"Plan\" />", html, StringComparison.Ordinal);
        Assert.Equal(["a", "img"], body.Links.Select(l => l.Tag));
    }

    [Fact]
    public void One_parsed_body_renders_under_any_base_path_without_being_changed()
    {
        var body = MarkdownBody.Parse("[a](/seiten/ueber/) [b](/katalog/schon/) [c](https://x.org/) [d](#anker) [e](../nachbar/)");

        var under = new MarkdownRenderer("/katalog/").Render(body).Html;
        var root = new MarkdownRenderer("/").Render(body).Html;
        var again = new MarkdownRenderer("/katalog/").Render(body).Html;

        Assert.Contains("href=\"/katalog/seiten/ueber/\"", under, StringComparison.Ordinal);
        Assert.Contains("href=\"/katalog/schon/\"", under, StringComparison.Ordinal);
        Assert.Contains("href=\"/seiten/ueber/\"", root, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.org/\"", root, StringComparison.Ordinal);
        Assert.Contains("href=\"#anker\"", root, StringComparison.Ordinal);
        Assert.Contains("href=\"../nachbar/\"", root, StringComparison.Ordinal);
        Assert.Equal(under, again);
    }

    [Fact]
    public void A_link_value_is_the_attribute_a_browser_reads_on_the_page()
    {
        var body = MarkdownBody.Parse("[a](</seiten/über uns/>) [b](mailto:a@b.de) <info@b.de> [c](/x/?a=1&b=2) [d](https://x.org/\"q\")");
        var html = new MarkdownRenderer("/katalog/").Render(body).Html;
        var hrefs = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(5, hrefs.Count);
        Assert.Equal(hrefs, body.Links.Select(l => l.ValueUnder("/katalog/")));
        Assert.Equal("/katalog/seiten/%C3%BCber%20uns/", hrefs[0]);
    }

    [Fact]
    public void Links_carry_their_line_and_column_in_the_file()
    {
        // The body starts on file line 12, as after a front matter of ten lines and its two fences.
        const string Markdown = "Einleitung mit [erstem](/a/) Link.\n\n## Abschnitt\n\n- Punkt\n  - tiefer: [zweiter](/b/)\n\n> Zitat <https://c.example/>\n\n[ref]: /d/\n\nSiehe [dritter][ref] und ![Bild](/e.png).";
        var body = MarkdownBody.Parse(Markdown, "content/projekte/x.md", 12);

        Assert.Equal(
            [("/a/", 12, 16), ("/b/", 17, 13), ("https://c.example/", 19, 9), ("/d/", 21, 1), ("/e.png", 23, 26)],
            body.Links.Select(l => (l.Written, l.At.Line, l.At.Column)));
        Assert.All(body.Links, l => Assert.Equal("content/projekte/x.md", l.At.File));
    }

    [Fact]
    public void Plain_text_has_the_words_the_search_index_had_from_its_own_pipeline()
    {
        const string Markdown = "## Anlass\n\nDie *Stadt* und der **Kreis** teilen [ein Rechenzentrum](/projekte/rz/) seit 2019.\n\n- Müll\n- Läden\n  1. Öffnungszeiten\n\n| Ort | Einwohner |\n|---|---:|\n| Höxter | 28000 |\n\nMehr unter https://www.example.de/info und ~~alt~~ neu.\n";

        // What SearchIndexBuilder used before: Markdig's default pipeline, parsed a second time.
        var before = SearchText.Tokens(Markdig.Markdown.ToPlainText(Markdown)).Distinct().ToList();
        var now = MarkdownBody.Parse(Markdown).SearchWords.Split(' ').ToList();

        Assert.Equal(before, now);
    }

    [Fact]
    public void Plain_text_of_footnotes_keeps_their_words_and_drops_the_markup()
    {
        var tokens = MarkdownBody.Parse("Satz mit Beleg[^quelle].\n\n[^quelle]: Landesamt Statistik 2024.").SearchWords.Split(' ');

        Assert.Contains("landesamt", tokens);
        Assert.Contains("statistik", tokens);
        Assert.DoesNotContain("div", tokens);
        Assert.DoesNotContain("footnotes", tokens);
        Assert.DoesNotContain("fnref", tokens);
        Assert.DoesNotContain("sup", tokens);
    }

    [Fact]
    public void Positions_are_right_in_a_file_with_bom_and_crlf_line_endings()
    {
        var text = MinimalCatalog.LorawanMd.Replace("Text.", "Text.\n\nUnsicher: [klick](javascript:alert(1))\n\nKaputt: [weg](/projekte/gibt-es-nicht/)\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        sample.WriteBytes("projekte/lorawan-netz.md", [.. Encoding.UTF8.GetPreamble(), .. new UTF8Encoding(false).GetBytes(text)]);

        var result = new SiteBuilder().Build(new BuildOptions(sample.Content, Repo.Theme, sample.Output, null, new DateOnly(2026, 11, 21)), write: false);

        var defused = Assert.Single(result.Diagnostics, d => d.Code == "TK0120");
        Assert.EndsWith("projekte/lorawan-netz.md", defused.File, StringComparison.Ordinal);
        Assert.Equal((14, 11), (defused.Line, defused.Column));
        var broken = Assert.Single(result.Diagnostics, d => d.Code == "TK0401");
        Assert.EndsWith("projekte/lorawan-netz.md", broken.File, StringComparison.Ordinal);
        Assert.Equal((16, 9), (broken.Line, broken.Column));
    }

    [Fact]
    public void A_build_parses_every_body_once_even_when_a_link_error_is_traced_back_to_it()
    {
        sample.Replace("projekte/lorawan-netz.md", "---\nText.", "---\nText.\n\n[weg](/projekte/gibt-es-nicht/) und [unsicher](javascript:x)\n");
        var parsed = CountParses(() =>
        {
            var result = new SiteBuilder().Build(new BuildOptions(sample.Content, Repo.Theme, sample.Output, null, new DateOnly(2026, 11, 21)), write: false);
            var broken = Assert.Single(result.Diagnostics, d => d.Code == "TK0401");
            Assert.EndsWith("projekte/lorawan-netz.md", broken.File, StringComparison.Ordinal);
        });

        var bodies = Directory.EnumerateFiles(sample.Content, "*.md", SearchOption.AllDirectories).Count();
        Assert.Equal(bodies, parsed.Count);
        Assert.All(parsed, p => Assert.True(p.Value == 1, $"{p.Key} parsed {p.Value} times"));
    }

    [Fact]
    public void The_preview_parses_only_the_saved_body_again()
    {
        var options = new BuildOptions(sample.Content, Repo.Theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var rebuilder = new IncrementalRebuilder();
        BuildResult? first = null;
        var cold = CountParses(() => first = rebuilder.Rebuild(options, [], null));
        Assert.True(first!.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.All(cold, p => Assert.Equal(1, p.Value));

        var saved = sample.PathOf("projekte/lorawan-netz.md");
        File.WriteAllText(saved, File.ReadAllText(saved).Replace("Text.", "Text mit [Link](/projekte/nirgends/).", StringComparison.Ordinal));
        var warm = CountParses(() =>
        {
            var broken = Assert.Single(rebuilder.Rebuild(options, [saved], first).Diagnostics, d => d.Code == "TK0401");
            Assert.Equal((12, 10), (broken.Line, broken.Column));
        });

        Assert.Equal(1, Assert.Single(warm, p => p.Key.EndsWith("lorawan-netz.md", StringComparison.Ordinal)).Value);
        Assert.Single(warm);
    }

    [Fact]
    public void No_stage_outside_the_extension_parses_markdown_with_a_pipeline_of_its_own()
    {
        var source = Path.Combine(Repo.Root, "src", "Transferkatalog");
        var own = Path.Combine(source, "SafeMarkdown") + Path.DirectorySeparatorChar;
        var parsing = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(own, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var code && (code.Contains("MarkdownPipelineBuilder", StringComparison.Ordinal) || code.Contains("Markdown.Parse(", StringComparison.Ordinal) || code.Contains("Markdown.ToPlainText(", StringComparison.Ordinal) || code.Contains("Markdown.ToHtml(", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(source, f))
            .ToList();

        Assert.Empty(parsing);
    }

    /// <summary>How often each file's body was parsed while <paramref name="run"/> ran (on any thread it started).</summary>
    private static ConcurrentDictionary<string, int> CountParses(Action run)
    {
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        MarkdownBody.Parsed.Value = file => counts.AddOrUpdate(file, 1, (_, n) => n + 1);
        try
        {
            run();
        }
        finally
        {
            MarkdownBody.Parsed.Value = null;
        }

        return counts;
    }
}
