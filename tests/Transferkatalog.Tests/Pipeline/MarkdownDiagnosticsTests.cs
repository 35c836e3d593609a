using AngleSharp.Html.Parser;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Problems in an editor's Markdown come back at the line and column where the editor wrote them.</summary>
public sealed class MarkdownDiagnosticsTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    private BuildResult Build() =>
        new SiteBuilder().Build(new BuildOptions(sample.Content, Repo.Theme, sample.Output, null, new DateOnly(2026, 11, 21)));

    /// <summary>LorawanMd's body is the single line "Text." on line 12.</summary>
    private void LorawanBody(string markdown) => sample.Replace("projekte/lorawan-netz.md", "---\nText.", "---\nText.\n" + markdown);

    private static Diagnostic Single(BuildResult result, string code)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, string.Join('\n', result.Diagnostics));
        return found[0];
    }

    [Fact]
    public void A_broken_root_relative_link_is_reported_in_the_profile_not_in_the_output()
    {
        LorawanBody("\nSiehe [altes Projekt](/projekte/gibt-es-nicht/).\n");
        var result = Build();

        Assert.False(result.Succeeded);
        var d = Single(result, "TK0401");
        Assert.EndsWith("content/projekte/lorawan-netz.md", d.File);
        Assert.Equal((14, 7), (d.Line, d.Column));
        Assert.Contains("'/projekte/gibt-es-nicht/'", d.Message);
        Assert.DoesNotContain(result.Diagnostics, x => x.File.StartsWith("(Ausgabe)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_profile_link_gets_a_suggestion()
    {
        LorawanBody("\n## Mehr\n\n- Vorbild: [Dorfladen](/projekte/dorfladn-app/)\n");
        var d = Single(Build(), "TK0401");
        Assert.EndsWith("content/projekte/lorawan-netz.md", d.File);
        Assert.Equal((16, 12), (d.Line, d.Column));
        Assert.Contains("meinten Sie '/projekte/dorfladen-app/'?", d.Message);
    }

    [Fact]
    public void Relative_links_and_missing_anchors_are_reported_at_their_source()
    {
        LorawanBody("\n> Vorgänger: [alt](../gibt-es-nicht/) und [Abschnitt](#abschnitt)\n");
        var result = Build();
        var links = result.Diagnostics.Where(d => d.Code == "TK0401").ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, d => Assert.EndsWith("content/projekte/lorawan-netz.md", d.File));
        Assert.Equal((14, 14), (links[0].Line, links[0].Column));
        Assert.Contains("'../gibt-es-nicht/'", links[0].Message);
        Assert.Equal((14, 43), (links[1].Line, links[1].Column));
        Assert.Contains("'#abschnitt'", links[1].Message);
    }

    [Fact]
    public void A_broken_link_after_a_defused_one_in_the_same_paragraph_is_still_found()
    {
        LorawanBody("\n[x](javascript:alert(1)) und\n[y](/projekte/nein/)\n");
        var d = Single(Build(), "TK0401");
        Assert.Equal((15, 1), (d.Line, d.Column));
    }

    [Fact]
    public void A_link_through_a_reference_definition_is_reported_at_the_definition()
    {
        LorawanBody("\nSiehe [das alte Projekt][alt].\n\n[alt]: /kommunen/bilefeld/\n");
        var d = Single(Build(), "TK0401");
        Assert.Equal((16, 1), (d.Line, d.Column));
        Assert.Contains("meinten Sie '/kommunen/bielefeld/'?", d.Message);
    }

    [Fact]
    public void Working_links_in_every_written_form_pass()
    {
        LorawanBody("\n[a](/projekte/dorfladen-app/) [b](/transferkatalog/kommunen/bielefeld/) [c](../dorfladen-app/) [d](https://org.github.io/transferkatalog/handlungsfelder/versorgung/) [e](/seiten/impressum/) [f](/daten/katalog.csv)\n");
        var result = Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    [Fact]
    public void A_broken_link_on_a_plain_page_is_reported_in_its_file()
    {
        sample.Replace("seiten/impressum.md", "Angaben gemäß § 5 DDG.", "Angaben gemäß § 5 DDG. [Kontakt](/seiten/kontakt/)");
        var d = Single(Build(), "TK0401");
        Assert.EndsWith("content/seiten/impressum.md", d.File);
        Assert.Equal((4, 24), (d.Line, d.Column));
    }

    [Fact]
    public void A_missing_image_is_reported_at_its_source()
    {
        LorawanBody("\n![Karte des Netzes](/assets/karte.png)\n");
        var d = Single(Build(), "TK0401");
        Assert.EndsWith("content/projekte/lorawan-netz.md", d.File);
        Assert.Equal((14, 1), (d.Line, d.Column));
        Assert.Contains("'/assets/karte.png'", d.Message);
    }

    [Fact]
    public void Lines_and_columns_count_characters_of_the_file_with_crlf_and_tabs()
    {
        var text = File.ReadAllText(sample.PathOf("projekte/lorawan-netz.md")).Replace("\n", "\r\n", StringComparison.Ordinal);
        sample.Write("projekte/lorawan-netz.md", text + "\r\n\r\nVorbild:\t[x](/projekte/nein/)\r\n");
        var d = Single(Build(), "TK0401");
        Assert.Equal((14, 10), (d.Line, d.Column));
    }

    [Fact]
    public void An_unsafe_link_is_defused_with_a_warning_at_its_source()
    {
        LorawanBody("\n[Klick](javascript:alert(1)) und <vbscript:msgbox> und ![x](data:image/png;base64,AAAA)\n\n[ref]: JavaScript:alert(2)\n\n[Noch einer][ref]\n");
        var result = Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var warnings = result.Diagnostics.Where(d => d.Code == "TK0120").ToList();
        Assert.Equal([(14, 1), (14, 34), (14, 56), (16, 1)], warnings.Select(d => (d.Line, d.Column)));
        Assert.All(warnings, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.All(warnings, d => Assert.EndsWith("content/projekte/lorawan-netz.md", d.File));
        Assert.Contains("'javascript:'", warnings[0].Message);
        Assert.Contains("'vbscript:'", warnings[1].Message);
        Assert.Contains("'data:'", warnings[2].Message);
        var html = File.ReadAllText(Path.Combine(sample.Output, "projekte/lorawan-netz/index.html"));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_unsafe_link_on_a_plain_page_is_reported_by_check()
    {
        sample.Replace("seiten/impressum.md", "Angaben gemäß § 5 DDG.", "Angaben gemäß § 5 DDG. [x](javascript:void(0))");
        var result = new SiteBuilder().Check(new BuildOptions(sample.Content));
        var d = Single(result, "TK0120");
        Assert.EndsWith("content/seiten/impressum.md", d.File);
        Assert.Equal((4, 24), (d.Line, d.Column));
    }

    [Fact]
    public void Footnotes_render_with_back_references_and_pass_the_link_check()
    {
        LorawanBody("\nDas Netz deckt 90 % der Fläche ab[^1] und kostet wenig.[^quelle]\n\n[^1]: Messung 2025.\n[^quelle]: Haushaltsplan, S. 12.\n");
        var result = Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, "projekte/lorawan-netz/index.html")));
        var refs = doc.QuerySelectorAll(".markdown a.footnote-ref");
        Assert.Equal(2, refs.Length);
        foreach (var a in refs)
        {
            var note = doc.GetElementById(a.GetAttribute("href")![1..]);
            Assert.NotNull(note);
            var back = note.QuerySelector("a.footnote-back-ref");
            Assert.NotNull(back);
            Assert.Equal("#" + a.Id, back.GetAttribute("href"));
            Assert.False(string.IsNullOrWhiteSpace(back.GetAttribute("aria-label")));
            Assert.False(string.IsNullOrWhiteSpace(a.GetAttribute("aria-label")) && string.IsNullOrWhiteSpace(a.TextContent));
        }

        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
