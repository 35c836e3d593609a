using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Builds real sites from real files and reads the generated HTML back.</summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly SampleCatalog sample = new();

    public void Dispose() => sample.Dispose();

    private BuildResult Build(string? baseUrl = null, string? output = null) =>
        new SiteBuilder().Build(new BuildOptions(sample.Content, Repo.Theme, output ?? sample.Output, baseUrl, new DateOnly(2026, 11, 21)));

    private IDocument Page(string relative) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, relative)));

    private BuildResult BuildOk(string? baseUrl = null)
    {
        var result = Build(baseUrl);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result;
    }

    [Fact]
    public void BuildsEveryPageType()
    {
        var result = BuildOk();
        foreach (var path in new[]
        {
            "index.html", "projekte/gemeinsames-rechenzentrum/index.html", "projekte/dorfladen-app/index.html",
            "handlungsfelder/index.html", "handlungsfelder/versorgung/index.html", "kommunen/index.html",
            "kommunen/kreis-hoexter/index.html", "kommunen/bielefeld/index.html", "seiten/impressum/index.html",
            "404.html", "assets/style.css", "assets/katalog.js",
        })
        {
            Assert.True(File.Exists(Path.Combine(sample.Output, path)), path);
        }

        Assert.Equal(3, result.ProfileCount);
    }

    [Fact]
    public void CatalogueListsEveryProfileWithFilterData()
    {
        BuildOk();
        var doc = Page("index.html");
        var cards = doc.QuerySelectorAll("[data-karte]");
        Assert.Equal(3, cards.Length);
        var rz = cards.Single(c => c.QuerySelector("a")!.TextContent == "Gemeinsames Rechenzentrum");
        Assert.Equal("verwaltung infrastruktur", rz.GetAttribute("data-handlungsfeld"));
        Assert.Equal("kreis-hoexter brakel", rz.GetAttribute("data-kommune"));
        Assert.Equal("kreis-hoexter", rz.GetAttribute("data-kreis"));
        Assert.Equal("laufend", rz.GetAttribute("data-status"));

        // The Kreis of a member town is derived, so filtering by Kreis finds the town's projects.
        var dorf = cards.Single(c => c.GetAttribute("data-kommune") == "nieheim");
        Assert.Equal("kreis-hoexter", dorf.GetAttribute("data-kreis"));

        foreach (var group in new[] { "handlungsfeld", "status" })
        {
            Assert.NotEmpty(doc.QuerySelectorAll($"input[type=checkbox][name={group}]"));
        }

        // Kreis and Kommune options come from a file when their group opens (thousands in a large catalogue);
        // every Kommune of the registry is in it, with a label.
        Assert.Empty(doc.QuerySelectorAll("input[name=kommune], input[name=kreis]"));
        Assert.Equal("/transferkatalog/suche/optionen/kommune.json", doc.QuerySelector("details[data-gruppe=kommune]")!.GetAttribute("data-optionen"));
        var kommunen = FilterOptions(sample.Output, "kommune");
        Assert.Equal(["bielefeld", "brakel", "kreis-hoexter", "nieheim"], kommunen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Kreis Höxter", kommunen["kreis-hoexter"]);
        Assert.Equal(["kreis-hoexter"], FilterOptions(sample.Output, "kreis").Keys);
        foreach (var input in doc.QuerySelectorAll("form#filter input"))
        {
            Assert.NotNull(doc.QuerySelector($"label[for='{input.Id}']"));
        }

        var count = doc.QuerySelector("#trefferzahl")!;
        Assert.Equal("polite", count.GetAttribute("aria-live"));
        Assert.Equal("3 Projekte", count.TextContent);

        // Without JavaScript the filters (which need it) are hidden and the term pages carry the navigation;
        // the browsing links follow the results, so on a phone the results come first.
        Assert.True(doc.QuerySelector("[data-filter-bereich]")!.HasAttribute("hidden"));
        Assert.Contains(doc.QuerySelectorAll(".stoebern a"), a => a.GetAttribute("href") == "/transferkatalog/handlungsfelder/versorgung/");
        Assert.Equal(DocumentPositions.Following, doc.QuerySelector("#karten")!.CompareDocumentPosition(doc.QuerySelector(".stoebern")!) & DocumentPositions.Following);
    }

    [Fact]
    public void ProfilePageShowsFactsContactAndBody()
    {
        BuildOk();
        var doc = Page("projekte/gemeinsames-rechenzentrum/index.html");
        Assert.Equal("Gemeinsames Rechenzentrum", doc.QuerySelector("h1")!.TextContent);
        Assert.Single(doc.QuerySelectorAll("h1"));
        var facts = doc.QuerySelector(".faktenbox")!.TextContent;
        Assert.Contains("Kreis Höxter", facts);
        Assert.Contains("öffentlich-rechtliche Vereinbarung", facts);
        Assert.Contains("Digitale Modellregionen, 1.250.000\u00a0€ (2021–2023)", facts);
        Assert.Contains("01.10.2026", facts);
        Assert.Contains(doc.QuerySelectorAll(".faktenbox a"), a => a.GetAttribute("href") == "/transferkatalog/kommunen/brakel/");
        Assert.Contains(doc.QuerySelectorAll(".faktenbox a"), a => a.GetAttribute("href") == "/transferkatalog/handlungsfelder/verwaltung/");
        var contact = doc.QuerySelector(".kontakt address")!;
        Assert.Contains("Stabsstelle Digitalisierung", contact.TextContent);
        Assert.Equal("mailto:digital@kreis-hoexter.de", contact.QuerySelector("a[href^=mailto]")!.GetAttribute("href"));
        Assert.Equal("tel:052719650", contact.QuerySelector("a[href^=tel]")!.GetAttribute("href"));
        Assert.Contains("Ratsbeschluss", doc.QuerySelector(".transfer")!.TextContent);
        Assert.Equal(["Anlass", "Ziel"], doc.QuerySelectorAll(".markdown h2").Select(h => h.TextContent));
        Assert.Equal("Kreis und Städte betreiben ihre Fachverfahren in einem gemeinsamen Rechenzentrum.", doc.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("de", doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void KreisPageListsProjectsOfItsTowns()
    {
        BuildOk();
        var doc = Page("kommunen/kreis-hoexter/index.html");
        var titles = doc.QuerySelectorAll("[data-karte] a").Select(a => a.TextContent).ToList();
        Assert.Contains("Gemeinsames Rechenzentrum", titles);
        Assert.Contains("Dorfladen-App", titles);
        Assert.DoesNotContain("LoRaWAN-Netz", titles);
        Assert.Contains("Brakel", doc.QuerySelector("#mitglieder-titel")!.ParentElement!.TextContent);

        var overview = Page("kommunen/index.html").QuerySelector("#kreis-kreis-hoexter")!.TextContent;
        Assert.Contains("2 Projekte", overview);
    }

    [Fact]
    public void EveryLinkHonoursTheBaseUrl()
    {
        BuildOk("https://example.org/unter/pfad/");
        foreach (var file in Directory.EnumerateFiles(sample.Output, "*.html", SearchOption.AllDirectories))
        {
            var doc = new HtmlParser().ParseDocument(File.ReadAllText(file));
            foreach (var element in doc.QuerySelectorAll("a[href], link[href], script[src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (url.StartsWith('/'))
                {
                    Assert.StartsWith("/unter/pfad/", url);
                }
            }

            Assert.StartsWith("https://example.org/unter/pfad/", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void TemplateOutputIsEncodedAndMarkdownHtmlIsNotPassedThrough()
    {
        sample.Replace("projekte/dorfladen-app.md", "titel: Dorfladen-App", "titel: \"Dorfladen <script>alert(1)</script> & Co\"");
        sample.Replace("projekte/dorfladen-app.md", "Müll, Läden und Öffnungszeiten.",
            "<script>alert(2)</script>\n\n<b onclick=\"x()\">fett</b> [klick](javascript:alert(3)) [gut](https://example.org/) ![bild](https://tracker.example/pixel.gif)\n\n[intern](/projekte/lorawan-netz/)");
        BuildOk();
        var html = File.ReadAllText(Path.Combine(sample.Output, "projekte/dorfladen-app/index.html"));
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("Dorfladen <script>alert(1)</script> & Co", doc.QuerySelector("h1")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("main script, main b, img"));
        Assert.Contains("<script>alert(2)</script>", doc.QuerySelector(".markdown")!.TextContent);
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(doc.QuerySelectorAll(".markdown a"), a => a.GetAttribute("href") == "https://example.org/");
        Assert.Contains(doc.QuerySelectorAll(".markdown a"), a => a.GetAttribute("href") == "https://tracker.example/pixel.gif");
        Assert.Contains(doc.QuerySelectorAll(".markdown a"), a => a.GetAttribute("href") == "/transferkatalog/projekte/lorawan-netz/");

        var catalogue = Page("index.html");
        Assert.Contains(catalogue.QuerySelectorAll("[data-karte] a"), a => a.TextContent == "Dorfladen <script>alert(1)</script> & Co");
        Assert.Single(catalogue.QuerySelectorAll("script"));
    }

    [Fact]
    public void BrokenInternalLinkFailsTheBuild()
    {
        sample.Replace("projekte/lorawan-netz.md", "Text.", "Siehe [altes Projekt](/projekte/gibt-es-nicht/).");
        var result = Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "TK0401");
        Assert.Contains("'/projekte/gibt-es-nicht/'", d.Message);
        Assert.EndsWith("content/projekte/lorawan-netz.md", d.File);
    }

    [Fact]
    public void FailedBuildLeavesTheOldOutputUntouched()
    {
        BuildOk();
        var before = Snapshot(sample.Output);
        sample.Replace("projekte/dorfladen-app.md", "status: geplant", "status: unbekannt");
        sample.Replace("projekte/lorawan-netz.md", "titel: LoRaWAN-Netz", "titel: Geändert");
        var result = Build();
        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        Assert.Equal(before, Snapshot(sample.Output));
        Assert.Empty(Directory.GetDirectories(sample.Root, ".*"));
    }

    [Fact]
    public void SameInputGivesByteIdenticalOutput()
    {
        BuildOk();
        var first = Snapshot(sample.Output);
        var second = Path.Combine(sample.Root, "zweiter");
        var result = Build(output: second);
        Assert.True(result.Succeeded);
        Assert.Equal(first, Snapshot(second));
    }

    [Fact]
    public void RealCatalogueBuildsWithOnlyTheWarningsItsSourcesLeaveOpen()
    {
        var output = Path.Combine(sample.Root, "echt");
        var result = new SiteBuilder().Build(new BuildOptions(Repo.Content, Repo.Theme, output, null, new DateOnly(2026, 11, 21)));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));

        // The legal pages are templates until an operator fills them in (TK0602), and four profiles' sources name an
        // office but no way to reach it (TK0118); nothing else may warn.
        var others = result.Diagnostics.Where(d => !(d.Code == "TK0602" && d.File.Contains("/seiten/", StringComparison.Ordinal)) && d.Code != "TK0118").ToList();
        Assert.Empty(others);
        var unreachable = result.Diagnostics.Where(d => d.Code == "TK0118").Select(d => Path.GetFileNameWithoutExtension(d.File)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["digitalboard-owl", "digitalbuero-owl", "digitale-modellregion-owl", "smart-region-strategie-kreis-warendorf"], unreachable);
        Assert.Contains(result.Diagnostics, d => d.Code == "TK0602" && d.File.EndsWith("impressum.md", StringComparison.Ordinal) && d.Message.Contains("[Name der betreibenden Organisation]", StringComparison.Ordinal));
        Assert.True(result.ProfileCount >= 7);

        // Every Kommune of the registry, all regions, is offered in the Kommune filter.
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        var kommunen = FilterOptions(output, "kommune").Keys.ToHashSet();
        var registry = File.ReadAllLines(Path.Combine(Repo.Content, "kommunen.yml")).Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0]) && l.EndsWith(':')).Select(l => l.TrimEnd(':')).ToList();
        Assert.True(registry.Count > 80);
        Assert.All(registry, k => Assert.Contains(k, kommunen));
    }

    /// <summary>Value and label of each option of a filter group the script builds from a file.</summary>
    private static Dictionary<string, string> FilterOptions(string site, string group)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, Transferkatalog.Search.CatalogDataBuilder.OptionsPath(group))));
        return json.RootElement.EnumerateArray().ToDictionary(o => o[0].GetString()!, o => o[1].GetString()!, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
