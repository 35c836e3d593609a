using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>Every open-data file, the feed, sitemap, robots.txt and JSON-LD, each parsed back from a real build.</summary>
public sealed class ExportTests : IClassFixture<ExportTests.BuiltSite>
{
    private readonly BuiltSite site;

    public ExportTests(BuiltSite site) => this.site = site;

    /// <summary>The fixture catalogue, built once.</summary>
    public sealed class BuiltSite : IDisposable
    {
        public BuiltSite()
        {
            Site = FindReuseSite.Create();
            Result = Site.Build();
        }

        public TestCatalog Site { get; }

        public Transferkatalog.Pipeline.BuildResult Result { get; }

        public void Dispose() => Site.Dispose();
    }

    private static readonly string[] Slugs = ["abfall-app", "dorfladen-netz", "lorawan-sensoren", "ratsinformation"];

    [Fact]
    public void Katalog_json_has_every_profile_by_slug_with_resolved_names_and_absolute_urls()
    {
        using var doc = JsonDocument.Parse(TestCatalog.FileOf(site.Result, "daten/katalog.json").Content);
        var projekte = doc.RootElement.GetProperty("projekte").EnumerateArray().ToList();
        Assert.Equal(Slugs, projekte.Select(p => p.GetProperty("slug").GetString()));
        Assert.Equal(4, doc.RootElement.GetProperty("anzahl").GetInt32());

        var abfall = projekte[0];
        Assert.Equal("Abfall-App für den Kreis", abfall.GetProperty("titel").GetString());
        Assert.Equal(FindReuseSite.BaseUrl + "projekte/abfall-app/", abfall.GetProperty("url").GetString());
        var kommunen = abfall.GetProperty("kommunen").EnumerateArray().ToList();
        Assert.Equal(["Kreis Höxter", "Brakel"], kommunen.Select(k => k.GetProperty("name").GetString()));
        Assert.Equal(["kreis-hoexter", "brakel"], kommunen.Select(k => k.GetProperty("schluessel").GetString()));

        // A profile names a Kommune by key and name; the register at the top has the rest, once.
        Assert.All(kommunen, k => Assert.Equal(["schluessel", "name"], k.EnumerateObject().Select(m => m.Name)));
        var register = doc.RootElement.GetProperty("kommunen").EnumerateArray().ToDictionary(k => k.GetProperty("schluessel").GetString()!, StringComparer.Ordinal);
        Assert.Equal("Brakel", register["brakel"].GetProperty("name").GetString());
        Assert.Equal("stadt", register["brakel"].GetProperty("typ").GetString());
        Assert.Equal("Kreis Höxter", register["brakel"].GetProperty("kreis").GetString());
        Assert.Equal(FindReuseSite.BaseUrl + "kommunen/brakel/", register["brakel"].GetProperty("url").GetString());
        Assert.All(projekte.SelectMany(p => p.GetProperty("kommunen").EnumerateArray()), k => Assert.True(register.ContainsKey(k.GetProperty("schluessel").GetString()!)));
        Assert.Equal("kreis-hoexter", abfall.GetProperty("federfuehrung").GetProperty("schluessel").GetString());
        Assert.Equal("Kreis Höxter", abfall.GetProperty("federfuehrung").GetProperty("name").GetString());
        Assert.Equal(["Umwelt", "Verwaltung"], abfall.GetProperty("handlungsfelder").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var felder = doc.RootElement.GetProperty("handlungsfelder").EnumerateArray().ToDictionary(f => f.GetProperty("schluessel").GetString()!, StringComparer.Ordinal);
        Assert.Equal(FindReuseSite.BaseUrl + "handlungsfelder/umwelt/", felder["umwelt"].GetProperty("url").GetString());
        Assert.Equal(2021, abfall.GetProperty("seit").GetInt32());
        Assert.Equal("2026-10-01", abfall.GetProperty("aktualisiert").GetString());
        Assert.Equal("05271 965-0", abfall.GetProperty("kontakt").GetProperty("telefon").GetString());
        var nachnutzung = abfall.GetProperty("nachnutzung").EnumerateArray().ToList();
        Assert.Equal(["Detmold", "Bielefeld"], nachnutzung.Select(n => n.GetProperty("kommune").GetProperty("name").GetString()));
        Assert.Equal(["detmold", "bielefeld"], nachnutzung.Select(n => n.GetProperty("kommune").GetProperty("schluessel").GetString()));
        Assert.Equal(2024, nachnutzung[0].GetProperty("seit").GetInt32());
        Assert.Equal(JsonValueKind.Null, nachnutzung[1].GetProperty("seit").ValueKind);

        // Optional fields are present as null rather than missing, so every record has the same shape.
        Assert.Equal(JsonValueKind.Null, projekte[1].GetProperty("federfuehrung").ValueKind);
        Assert.Equal(
            projekte[0].EnumerateObject().Select(p => p.Name),
            projekte[1].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Katalog_csv_is_rfc4180_utf8_with_bom_and_one_row_per_profile()
    {
        var bytes = TestCatalog.FileOf(site.Result, "daten/katalog.csv").Content;
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]);
        var rows = Rfc4180.Parse(text);

        var header = rows[0];
        Assert.Equal(Transferkatalog.Exports.CatalogCsvExport.Columns, header);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));

        var bySlug = rows.Skip(1).ToDictionary(r => r[0], r => header.Zip(r).ToDictionary(p => p.First, p => p.Second));
        Assert.Equal(Slugs, rows.Skip(1).Select(r => r[0]));
        Assert.Equal("Termine der Müllabfuhr, Wertstoffhöfe und Sperrmüll: eine App für alle Städte im Kreis.", bySlug["abfall-app"]["kurzbeschreibung"]);
        Assert.Equal("Genossenschaft \"Unser Laden\" eG, Nieheim", bySlug["dorfladen-netz"]["beteiligte"]);
        Assert.Equal("Detmold; Bielefeld", bySlug["abfall-app"]["nachnutzung"]);
        Assert.Equal("2", bySlug["abfall-app"]["nachnutzung_anzahl"]);
        Assert.Equal("Kreis Höxter", bySlug["lorawan-sensoren"]["kreise"]);
        Assert.Equal(FindReuseSite.BaseUrl + "projekte/ratsinformation/", bySlug["ratsinformation"]["url"]);
        Assert.Equal(string.Empty, bySlug["dorfladen-netz"]["seit"]);
    }

    [Fact]
    public void Csv_escaping_round_trips_commas_quotes_and_line_breaks()
    {
        string[] values = ["plain", "a,b", "say \"hi\"", "two\r\nlines", "lf\nonly", "", "Ümlaut"];
        var line = string.Join(',', values.Select(Transferkatalog.Exports.CatalogCsvExport.Escape)) + "\r\n";
        Assert.Equal(values, Rfc4180.Parse(line).Single());
    }

    [Fact]
    public void Feed_is_atom_ordered_by_update_with_absolute_links()
    {
        var doc = XDocument.Parse(TestCatalog.TextOf(site.Result, "feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = doc.Root!;
        Assert.Equal(atom + "feed", feed.Name);
        Assert.Equal("Testkatalog", feed.Element(atom + "title")!.Value);
        Assert.Equal("2026-11-01T00:00:00Z", feed.Element(atom + "updated")!.Value);
        Assert.Equal(FindReuseSite.BaseUrl + "feed.xml", feed.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Equal("Digitalbüro Test", feed.Element(atom + "author")!.Element(atom + "name")!.Value);

        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(
            ["LoRaWAN-Sensoren für Straßen und Wasser", "Abfall-App für den Kreis", "Dorfladen-Netz Nieheim", "Ratsinformation </script><script>alert(1)</script> gemeinsam"],
            entries.Select(e => e.Element(atom + "title")!.Value));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(d => d), updated);
        Assert.All(entries, e =>
        {
            var href = e.Element(atom + "link")!.Attribute("href")!.Value;
            Assert.StartsWith(FindReuseSite.BaseUrl + "projekte/", href, StringComparison.Ordinal);
            Assert.Equal(href, e.Element(atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(e.Element(atom + "summary")!.Value));
        });
    }

    [Fact]
    public void Every_page_announces_the_feed()
    {
        var html = new HtmlParser().ParseDocument(TestCatalog.TextOf(site.Result, "kommunen/brakel/index.html"));
        var link = html.QuerySelector("link[rel='alternate'][type='application/atom+xml']")!;
        Assert.Equal("/transferkatalog/feed.xml", link.GetAttribute("href"));
    }

    [Fact]
    public void A_sitemap_above_the_protocol_limit_becomes_an_index_of_parts_that_together_list_every_page()
    {
        var diagnostics = new Transferkatalog.Diagnostics.DiagnosticBag();
        var catalog = new Transferkatalog.Validation.CatalogValidator().Validate(new Transferkatalog.Content.ContentLoader().Load(Repo.Content, diagnostics), diagnostics);
        Assert.NotNull(catalog);
        var model = new Transferkatalog.SiteModel.SiteModelBuilder().Build(catalog, "https://org.github.io/katalog/", new DateOnly(2026, 11, 21));
        var built = new Transferkatalog.Pipeline.SiteBuilder().Build(new Transferkatalog.Pipeline.BuildOptions(Repo.Content, Repo.Theme, BaseUrl: "https://org.github.io/katalog/", ReferenceDate: new DateOnly(2026, 11, 21)), write: false);
        var paths = built.Files.Where(f => f.IsHtml).Select(f => f.RelativePath).ToList();
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var whole = Transferkatalog.Exports.SitemapExport.Build(model, paths).Single();
        var wholeLocs = XDocument.Parse(Encoding.UTF8.GetString(whole.Content)).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();

        var split = Transferkatalog.Exports.SitemapExport.Build(model, paths, urlsPerFile: 3);

        var index = XDocument.Parse(Encoding.UTF8.GetString(split.Single(f => f.RelativePath == "sitemap.xml").Content)).Root!;
        Assert.Equal(sm + "sitemapindex", index.Name);
        var partUrls = index.Elements(sm + "sitemap").Select(e => e.Element(sm + "loc")!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, (wholeLocs.Count + 2) / 3).Select(n => $"https://org.github.io/katalog/sitemap-{n}.xml"), partUrls);
        var parts = partUrls.Select(u => split.Single(f => f.RelativePath == u["https://org.github.io/katalog/".Length..])).ToList();
        var partLocs = parts.Select(f => XDocument.Parse(Encoding.UTF8.GetString(f.Content)).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList()).ToList();
        Assert.All(partLocs, locs => Assert.InRange(locs.Count, 1, 3));
        Assert.Equal(wholeLocs, partLocs.SelectMany(l => l));
    }

    [Fact]
    public void Sitemap_lists_every_page_but_404_with_absolute_urls_and_robots_points_to_it()
    {
        var doc = XDocument.Parse(TestCatalog.TextOf(site.Result, "sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = doc.Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();

        var expected = site.Result.Files
            .Where(f => f.IsHtml && f.RelativePath != "404.html")
            .Select(f => FindReuseSite.BaseUrl + f.RelativePath[..^"index.html".Length])
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, locs);
        var abfall = doc.Root!.Elements(sm + "url").Single(u => u.Element(sm + "loc")!.Value.EndsWith("/projekte/abfall-app/", StringComparison.Ordinal));
        Assert.Equal("2026-10-01", abfall.Element(sm + "lastmod")!.Value);

        var robots = TestCatalog.TextOf(site.Result, "robots.txt");
        Assert.Contains("User-agent: *", robots);
        Assert.Contains($"Sitemap: {FindReuseSite.BaseUrl}sitemap.xml", robots.Split('\n'));
    }

    [Fact]
    public void Profile_pages_carry_json_ld_that_script_content_cannot_break_out_of()
    {
        var text = TestCatalog.TextOf(site.Result, "projekte/ratsinformation/index.html");
        var html = new HtmlParser().ParseDocument(text);

        // Had the title closed the element, the parser would see extra script elements and the alert.
        Assert.Single(html.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.DoesNotContain(html.Scripts, s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal) && s.Type != "application/ld+json");
        var script = html.QuerySelector("script[type='application/ld+json']")!;
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Project", root.GetProperty("@type").GetString());
        Assert.Equal("Ratsinformation </script><script>alert(1)</script> gemeinsam", root.GetProperty("name").GetString());
        Assert.Equal(FindReuseSite.BaseUrl + "projekte/ratsinformation/", root.GetProperty("url").GetString());
        Assert.Equal(["Kreis Lippe", "Detmold"], root.GetProperty("areaServed").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("2026-08-01", root.GetProperty("mainEntityOfPage").GetProperty("dateModified").GetString());
        Assert.DoesNotContain("</script><script>", script.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Exports_are_byte_identical_across_builds()
    {
        using var again = FindReuseSite.Create();
        var second = again.Build();
        foreach (var path in new[] { "daten/katalog.json", "daten/katalog.csv", "feed.xml", "sitemap.xml", "robots.txt", "suche/index.json", "suche/t0.json" })
        {
            Assert.Equal(TestCatalog.FileOf(site.Result, path).Content, TestCatalog.FileOf(second, path).Content);
        }
    }
}

/// <summary>A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records; rejects stray quotes.</summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                Assert.True(field.Length == 0, $"quote inside an unquoted field at {i}");
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', $"text after closing quote at {i}");
                continue;
            }

            if (text[i] == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"CR without LF at {i}");
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i += 2;
            }
            else
            {
                Assert.True(text[i] != '\n', $"bare LF outside quotes at {i}");
                field.Append(text[i++]);
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "last record must end with CRLF");
        return rows;
    }
}
