using Transferkatalog.Diagnostics;
using Transferkatalog.Rendering;
using Transferkatalog.SafeMarkdown;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Small stage-level checks: diagnostics format, suggestions, URLs, Markdown safety, German formats.</summary>
public sealed class UnitTests
{
    [Fact]
    public void Diagnostic_uses_canonical_compiler_format()
    {
        var d = new Diagnostic(DiagnosticCodes.UnknownHandlungsfeld, "unbekannter Handlungsfeld-Schlüssel 'verwaltng' — meinten Sie 'verwaltung'?", "content/projekte/x.md", 12, 3);
        Assert.Equal("content/projekte/x.md(12,3): error TK0103: unbekannter Handlungsfeld-Schlüssel 'verwaltng' — meinten Sie 'verwaltung'?", d.ToString());
        Assert.Equal("::error file=content/projekte/x.md,line=12,col=3,title=TK0103::unbekannter Handlungsfeld-Schlüssel 'verwaltng' — meinten Sie 'verwaltung'?", d.ToGitHubAnnotation());
        Assert.Equal("content/site.yml: warning TK0501: x", new Diagnostic(DiagnosticCodes.StaleProfile, "x", "content/site.yml", 0, 0).ToString());
    }

    [Theory]
    [InlineData("brakle", "brakel")]
    [InlineData("verwaltng", "verwaltung")]
    [InlineData("Brakel", "brakel")]
    [InlineData("hoexter", "hoexter")]
    [InlineData("zzzzzz", null)]
    public void Suggestions_find_the_closest_name(string input, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(input, ["brakel", "verwaltung", "hoexter", "bad-driburg"]));
    }

    [Fact]
    public void Url_scheme_keeps_the_sub_path()
    {
        var urls = new UrlScheme("https://org.github.io/repo");
        Assert.Equal("/repo/", urls.BasePath);
        Assert.Equal("/repo/projekte/a/", urls.Profile("a"));
        Assert.Equal("https://org.github.io/repo/projekte/a/", urls.Absolute(urls.Profile("a")));
        Assert.Equal("projekte/a/index.html", urls.OutputPathFor("/repo/projekte/a/"));
        Assert.Null(urls.OutputPathFor("/anders/"));
        Assert.Equal("/", new UrlScheme("https://example.org").BasePath);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "alert")]
    [InlineData("[x](data:text/html;base64,AAAA)", "data:")]
    [InlineData("[x](vbscript:msgbox)", "vbscript")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript")]
    public void Unsafe_link_schemes_are_not_emitted(string markdown, string forbidden)
    {
        var html = new MarkdownRenderer("/").Render(MarkdownBody.Parse(markdown)).Html;
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain(forbidden, html.Replace(">x<", string.Empty, StringComparison.Ordinal).Replace("&lt;", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Safe_links_remain_and_headings_start_at_h2()
    {
        var html = new MarkdownRenderer("/base/").Render(MarkdownBody.Parse("# Titel\n\n[a](https://x.org/) [b](mailto:a@b.de) [c](/seiten/ueber/) [d](#anker)")).Html;
        Assert.Contains("<h2>Titel</h2>", html);
        Assert.Contains("href=\"https://x.org/\"", html);
        Assert.Contains("href=\"mailto:a@b.de\"", html);
        Assert.Contains("href=\"/base/seiten/ueber/\"", html);
        Assert.Contains("href=\"#anker\"", html);
    }

    [Theory]
    [InlineData("Kreis Höxter", "kreis", "des Kreises Höxter", "im Kreis Höxter")]
    [InlineData("Kreis Minden-Lübbecke", "kreis", "des Kreises Minden-Lübbecke", "im Kreis Minden-Lübbecke")]
    [InlineData("Hochsauerlandkreis", "kreis", "des Hochsauerlandkreises", "im Hochsauerlandkreis")]
    [InlineData("Rhein-Kreis Neuss", "kreis", "des Rhein-Kreises Neuss", "im Rhein-Kreis Neuss")]
    [InlineData("Städteregion Aachen", "kreis", "der Städteregion Aachen", "in der Städteregion Aachen")]
    [InlineData("Paderborn", "stadt", "der Stadt Paderborn", null)]
    [InlineData("Bielefeld", "kreisfreie-stadt", "der Stadt Bielefeld", null)]
    [InlineData("Hansestadt Lemgo", "stadt", "der Hansestadt Lemgo", null)]
    [InlineData("Altenbeken", "gemeinde", "der Gemeinde Altenbeken", null)]
    [InlineData("Gemeinde Ostbevern", "gemeinde", "der Gemeinde Ostbevern", null)]
    public void Kommune_names_take_their_German_case(string name, string typ, string genitiv, string? imKreis)
    {
        Assert.Equal(genitiv, GermanFormat.Genitiv(name, typ));
        if (imKreis is not null)
        {
            Assert.Equal(imKreis, GermanFormat.ImKreis(name));
        }
    }

    [Fact]
    public void German_formats_do_not_depend_on_the_machine()
    {
        Assert.Equal("1.250.000\u00a0€", GermanFormat.Euro(1250000m));
        Assert.Equal("490,50\u00a0€", GermanFormat.Euro(490.5m));
        Assert.Equal("03.01.2025", GermanFormat.Date(new DateOnly(2025, 1, 3)));
        Assert.Equal("1 Projekt", GermanFormat.Count(1, "Projekt", "Projekte"));
        Assert.Equal("1.200 Projekte", GermanFormat.Count(1200, "Projekt", "Projekte"));
        Assert.True(string.CompareOrdinal(SiteModelBuilder.SortKey("Ärztenetz"), SiteModelBuilder.SortKey("Bürgerbus")) < 0);
    }
}
