using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Builds real sites from real files and reads the generated HTML back.</summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

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
    public void Builds_every_page_type()
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
    public void Catalogue_lists_every_profile_with_filter_data()
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
        // A Kreis is offered once, in the Kreis group, not again as a Kommune.
        Assert.Equal(["bielefeld", "brakel", "nieheim"], kommunen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["kreis-hoexter"], FilterOptions(sample.Output, "kreis").Keys);
        foreach (var input in doc.QuerySelectorAll("form#filter input"))
        {
            Assert.NotNull(doc.QuerySelector($"label[for='{input.Id}']"));
        }

        var count = doc.QuerySelector("#trefferzahl")!;
        Assert.Equal("polite", count.GetAttribute("aria-live"));
        Assert.Equal("3 Projekte", count.TextContent);

        // The filters are in the page in their final layout (no script has to show them, so nothing shifts); the
        // style sheet hides what needs script when there is none, and the term pages carry the navigation then.
        // The browsing links follow the results, so on a phone the results come first.
        var filters = doc.QuerySelector("section.filter-bereich")!;
        Assert.False(filters.HasAttribute("hidden"));
        Assert.Contains("nur-mit-skript", filters.ClassList);
        Assert.Contains("@media (scripting: none) { .nur-mit-skript { display: none !important; } }", File.ReadAllText(Path.Combine(Repo.Theme, "assets", "style.css")), StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll(".stoebern a"), a => a.GetAttribute("href") == "/transferkatalog/handlungsfelder/versorgung/");
        Assert.Equal(DocumentPositions.Following, doc.QuerySelector("#karten")!.CompareDocumentPosition(doc.QuerySelector(".stoebern")!) & DocumentPositions.Following);
    }

    [Fact]
    public void Profile_page_shows_facts_contact_and_body()
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

        // Contact right after the summary, before the facts; call and mail as actions. Status once, in the header.
        Assert.Equal(DocumentPositions.Following, doc.QuerySelector(".kontakt")!.CompareDocumentPosition(doc.QuerySelector(".faktenbox")!) & DocumentPositions.Following);
        Assert.Equal(DocumentPositions.Following, doc.QuerySelector(".kurzbeschreibung")!.CompareDocumentPosition(doc.QuerySelector(".kontakt")!) & DocumentPositions.Following);
        Assert.StartsWith("Anrufen:", contact.QuerySelector("a[href^=tel]")!.TextContent);
        Assert.DoesNotContain(doc.QuerySelectorAll(".faktenbox dt"), dt => dt.TextContent == "Status");
        Assert.Single(doc.QuerySelectorAll(".steckbrief .status"));

        // Übertragbarkeit on its scale, the heading not repeated: three steps, as many filled as the level says.
        Assert.DoesNotContain(doc.QuerySelectorAll(".transfer dt"), dt => dt.TextContent == "Übertragbarkeit");
        Assert.NotEqual("Übertragbarkeit", doc.QuerySelector(".transfer h2")!.TextContent);
        Assert.Equal(3, doc.QuerySelectorAll(".transfer .skala-stufen span").Length);
        Assert.Equal(3, doc.QuerySelectorAll(".transfer .skala-stufen span.an").Length);
        Assert.Contains("Stufe 3 von 3", doc.QuerySelector(".transfer .skala")!.TextContent);
        Assert.Equal(["Anlass", "Ziel"], doc.QuerySelectorAll(".markdown h2").Select(h => h.TextContent));
        Assert.Equal("Kreis und Städte betreiben ihre Fachverfahren in einem gemeinsamen Rechenzentrum.", doc.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("de", doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Kreis_page_lists_projects_of_its_towns()
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
    public void Every_link_honours_the_base_url()
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
    public void Template_output_is_encoded_and_Markdown_html_is_not_passed_through()
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
        // The theme's scripts only: katalog.js and, in each open filter group, the line that closes it on a phone
        // before its options are drawn.
        var scripts = catalogue.QuerySelectorAll("script");
        Assert.EndsWith("/assets/katalog.js", scripts.Single(x => x.HasAttribute("src")).GetAttribute("src"));
        Assert.All(scripts.Where(x => !x.HasAttribute("src")), x =>
        {
            Assert.Equal("details", x.ParentElement!.LocalName);
            Assert.DoesNotContain("alert", x.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Broken_internal_link_fails_the_build()
    {
        sample.Replace("projekte/lorawan-netz.md", "Text.", "Siehe [altes Projekt](/projekte/gibt-es-nicht/).");
        var result = Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "TK0401");
        Assert.Contains("'/projekte/gibt-es-nicht/'", d.Message);
        Assert.EndsWith("content/projekte/lorawan-netz.md", d.File);
    }

    [Fact]
    public void Failed_build_leaves_the_old_output_untouched()
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
    public void Same_input_gives_byte_identical_output()
    {
        BuildOk();
        var first = Snapshot(sample.Output);
        var second = Path.Combine(sample.Root, "zweiter");
        var result = Build(output: second);
        Assert.True(result.Succeeded);
        Assert.Equal(first, Snapshot(second));
    }

    [Fact]
    public void Real_catalogue_builds_with_only_the_warnings_its_sources_leave_open()
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

        // The Kommune filter offers exactly the towns and municipalities that take part in a profile: no Kreis (they
        // have their own group) and nothing that would show no project.
        var diagnostics = new DiagnosticBag();
        var catalog = new Transferkatalog.Validation.CatalogValidator().Validate(new Transferkatalog.Content.ContentLoader().Load(Repo.Content, diagnostics), diagnostics)!;
        var kreise = catalog.Kommunen.Where(k => k.IsKreis).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var taking = catalog.Profiles.SelectMany(p => p.Kommunen).ToHashSet(StringComparer.Ordinal);
        Assert.True(catalog.Kommunen.Count > 80);
        Assert.Equal(taking.Where(k => !kreise.Contains(k)).Order(StringComparer.Ordinal), FilterOptions(output, "kommune").Keys.Order(StringComparer.Ordinal));
        var byKey = catalog.Kommunen.ToDictionary(k => k.Key, StringComparer.Ordinal);
        var kreiseWithProjects = taking.Select(k => byKey[k].IsKreis ? k : byKey[k].Kreis).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(kreiseWithProjects, FilterOptions(output, "kreis").Keys.Order(StringComparer.Ordinal));

        // Status offers only the values some profile has.
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal(
            catalog.Profiles.Select(p => p.Status).Distinct().Order(StringComparer.Ordinal),
            doc.QuerySelectorAll("input[name=status]").Select(b => b.GetAttribute("value")!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(doc.QuerySelectorAll("#filter .anzahl"), a => a.TextContent == "(0)");
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
