using AngleSharp.Html.Parser;
using Transferkatalog.Checking;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Pipeline;
using Transferkatalog.SiteModel;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Performance;

/// <summary>The link check scans pages for tags instead of building a DOM; it must see exactly what a DOM shows.</summary>
public sealed class LinkScanTests(GeneratedCatalog catalog) : IClassFixture<GeneratedCatalog>
{
    private static readonly string[] Selectors = ["a[href]", "area[href]", "link[href]", "script[src]", "img[src]", "source[src]", "iframe[src]", "form[action]"];

    [Fact]
    public void Tokenizer_scan_finds_what_the_dom_finds_on_every_generated_page()
    {
        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output("scan"), null, new DateOnly(2026, 11, 21)), write: false);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics.Take(10)));
        var pages = result.Files.Where(f => f.IsHtml).ToList();
        Assert.True(pages.Count > GeneratedCatalog.Profiles);
        foreach (var page in pages)
        {
            AssertSameAsDom(System.Text.Encoding.UTF8.GetString(page.Content), page.RelativePath);
        }
    }

    [Theory]
    [InlineData("<p><a href=\"/x/?a=1&amp;b=2\">x</a><a href='/y/'>y</a><a href=/z/>z</a></p>")]
    [InlineData("<script>var s = '<a href=\"/im-skript/\">';</script><a href=\"/echt/\">e</a>")]
    [InlineData("<title><a href=\"/im-titel/\"></title><style>a[href=\"/css/\"] { }</style><textarea><img src=\"/t.png\"></textarea>")]
    [InlineData("<!-- <a href=\"/kommentar/\"> --><A HREF=\"/GROSS/\" id=\"Anker\">g</A><a href=\"#Anker\">h</a>")]
    [InlineData("<a href=\"/erstes/\" href=\"/zweites/\" id=\"a\" id=\"b\">doppelt</a><form action=\"/suche/\"><img src=\"x.png\"></form>")]
    [InlineData("<iframe src=\"/rahmen/\"><a href=\"/im-iframe/\"></iframe><link rel=\"stylesheet\" href=\"/s.css\"><source src=\"/v.mp4\"><map><area href=\"/flaeche/\"></map>")]
    [InlineData("<a href=\"&#x2F;kodiert&#47;\">k</a><span id=\"&uuml;ber\"></span><a href=\"#%C3%BCber\">ü</a>")]
    [InlineData("<a/href=\"/schraeg/\"/>s</a><a href=/ohne/anfuehrung/ id=x>o</a><a id href=\"/leer-id/\">l</a><a href = \"/mit-abstand/\" >m</a>")]
    [InlineData("<!--><a href=\"/nach-abruptem-kommentar/\"><!---><a href=\"/auch/\"><!-- x --!><a href=\"/bang/\"><? pi ><a href=\"/nach-pi/\">")]
    [InlineData("<SCRIPT>if (a < b) { x = '</scripts>'; }</SCRIPT ><a href=\"/nach-skript/\">n</a><p>a < b <3 </ p><a href=\"/weiter/\">w</a>")]
    [InlineData("<a title=\"a > b\" href=\"/groesser/\">g</a><a title='it\"s' href='/einfach/'>e</a><a href=\"/offen/\"")]
    [InlineData("<img src=\"a.png\" src=\"b.png\"><a =\"komisch\" href=\"/gleich/\">x</a></a href=\"/endtag/\"><a href=\"/x/\" >")]
    public void Tokenizer_scan_agrees_with_the_dom_on_tricky_markup(string body) =>
        AssertSameAsDom($"<!DOCTYPE html><html><head></head><body>{body}</body></html>", body);

    [Fact]
    public void Broken_links_and_foreign_resources_are_still_reported()
    {
        var urls = new UrlScheme("https://org.github.io/katalog/");
        var html = """
            <!DOCTYPE html><html><head><link rel="stylesheet" href="https://cdn.example.com/x.css"></head><body>
            <script>document.write('<a href="/katalog/fehlt-im-skript/">');</script>
            <a href="/katalog/da/">da</a><a href="/katalog/fehlt/">fehlt</a><a href="#nirgends">Sprung</a><a href="/anderswo/">außen</a>
            </body></html>
            """;
        var files = new List<OutputFile>
        {
            new("index.html", System.Text.Encoding.UTF8.GetBytes(html)),
            new("da/index.html", System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html><title>da</title>")),
        };
        var diagnostics = new DiagnosticBag();
        new OutputChecker().Check(files, urls, diagnostics);
        var messages = diagnostics.ToSortedList().Select(d => d.Message).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains(messages, m => m.Contains("fremdem Server", StringComparison.Ordinal) && m.Contains("cdn.example.com", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("/katalog/fehlt/", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'nirgends'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("/anderswo/", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("fehlt-im-skript", StringComparison.Ordinal));
    }

    private static void AssertSameAsDom(string html, string label)
    {
        var document = new HtmlParser().ParseDocument(html);
        var domIds = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var domReferences = Selectors
            .SelectMany(s => document.QuerySelectorAll(s).Select(e => (e.LocalName, Value: e.GetAttribute(s[(s.IndexOf('[') + 1)..^1])!)))
            .Order()
            .ToList();

        var (ids, references) = OutputChecker.Scan(html);
        Assert.True(domIds.SetEquals(ids), $"{label}: ids {string.Join(",", domIds)} vs {string.Join(",", ids)}");
        Assert.Equal(domReferences, references.Select(r => (r.Tag, r.Value)).Order().ToList());
    }
}
