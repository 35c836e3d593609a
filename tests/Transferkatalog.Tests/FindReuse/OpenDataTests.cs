using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>Licence, municipality codes, spreadsheet and DCAT-AP.de description, each read back from a real build.</summary>
public sealed class OpenDataTests : IClassFixture<OpenDataTests.BuiltSite>
{
    private readonly BuiltSite site;

    public OpenDataTests(BuiltSite site) => this.site = site;

    /// <summary>The find-and-reuse catalogue with municipality codes, a funded profile with a contact page and an international phone number.</summary>
    public sealed class BuiltSite : IDisposable
    {
        public BuiltSite()
        {
            Site = FindReuseSite.Create()
                .Replace("kommunen.yml", "kreis-hoexter:\n  name: Kreis Höxter\n  typ: kreis\n", "kreis-hoexter:\n  name: Kreis Höxter\n  typ: kreis\n  ags: \"05762\"\n")
                .Replace("kommunen.yml", "kreis-lippe:\n  name: Kreis Lippe\n  typ: kreis\n", "kreis-lippe:\n  name: Kreis Lippe\n  typ: kreis\n  ags: \"05766\"\n")
                .Replace("kommunen.yml", "bielefeld:\n  name: Bielefeld\n  typ: kreisfreie-stadt\n", "bielefeld:\n  name: Bielefeld\n  typ: kreisfreie-stadt\n  ags: \"05711000\"\n")
                .Replace("handlungsfelder.yml", "umwelt:\n  name: Umwelt\n", "umwelt:\n  name: \"Klimaschutz, Mobilität & Umwelt\"\n")
                .Replace("projekte/abfall-app.md", "  telefon: \"05271 965-0\"\n", "  telefon: \"+49 5271 965-0\"\n  url: https://www.kreis-hoexter.de/abfall\nfoerderung:\n  programm: Förderung der interkommunalen Zusammenarbeit\n  betrag_eur: 490000\n  zeitraum: 2022–2026\n");
            Result = Site.Build();
        }

        public TestCatalog Site { get; }

        public BuildResult Result { get; }

        public void Dispose() => Site.Dispose();
    }

    private const string DefaultLicence = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";

    [Fact]
    public void Json_carries_the_licence_contact_page_and_municipality_codes()
    {
        using var doc = JsonDocument.Parse(TestCatalog.FileOf(site.Result, "daten/katalog.json").Content);
        var lizenz = doc.RootElement.GetProperty("lizenz");
        Assert.Equal("dl-by-de/2.0", lizenz.GetProperty("id").GetString());
        Assert.Equal(DefaultLicence, lizenz.GetProperty("uri").GetString());
        Assert.Equal("https://www.govdata.de/dl-de/by-2-0", lizenz.GetProperty("url").GetString());
        Assert.Equal("Digitalbüro Test", doc.RootElement.GetProperty("herausgeber").GetString());

        var abfall = doc.RootElement.GetProperty("projekte")[0];
        Assert.Equal("https://www.kreis-hoexter.de/abfall", abfall.GetProperty("kontakt").GetProperty("url").GetString());
        var register = doc.RootElement.GetProperty("kommunen").EnumerateArray().ToDictionary(k => k.GetProperty("schluessel").GetString()!, StringComparer.Ordinal);
        var kommunen = abfall.GetProperty("kommunen").EnumerateArray().Select(k => register[k.GetProperty("schluessel").GetString()!]).ToList();
        Assert.Equal("05762", kommunen[0].GetProperty("ags").GetString());
        Assert.Equal(JsonValueKind.Null, kommunen[1].GetProperty("ags").ValueKind);
    }

    [Fact]
    public void Csv_sidecar_describes_licence_and_every_column_of_the_csv()
    {
        using var meta = JsonDocument.Parse(TestCatalog.FileOf(site.Result, "daten/katalog.csv-metadata.json").Content);
        Assert.Equal("katalog.csv", meta.RootElement.GetProperty("url").GetString());
        Assert.Equal(DefaultLicence, meta.RootElement.GetProperty("dc:license").GetProperty("@id").GetString());
        var columns = meta.RootElement.GetProperty("tableSchema").GetProperty("columns").EnumerateArray().ToList();
        var header = Rfc4180.Parse(TestCatalog.TextOf(site.Result, "daten/katalog.csv").TrimStart('\uFEFF'))[0];
        Assert.Equal(header, columns.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("; ", columns.Single(c => c.GetProperty("name").GetString() == "stichworte").GetProperty("separator").GetString());
        Assert.Equal("date", columns.Single(c => c.GetProperty("name").GetString() == "aktualisiert").GetProperty("datatype").GetString());

        // The CSV itself stays RFC 4180: the licence is in the sidecar, not in a comment line a reader would take as the header.
        Assert.Equal("slug", header[0]);
        Assert.Contains("kommunen_ags", header);
        Assert.Contains("kontakt_url", header);
    }

    [Fact]
    public void Feed_names_the_licence()
    {
        var feed = XDocument.Parse(TestCatalog.TextOf(site.Result, "feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains("Datenlizenz Deutschland – Namensnennung – Version 2.0", feed.Root!.Element(atom + "rights")!.Value, StringComparison.Ordinal);
        Assert.Contains(feed.Root.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "license" && (string?)l.Attribute("href") == "https://www.govdata.de/dl-de/by-2-0");
    }

    [Fact]
    public void Json_ld_has_keywords_as_a_list_funder_and_municipality_codes()
    {
        var html = TestCatalog.TextOf(site.Result, "projekte/abfall-app/index.html");
        var doc = new HtmlParser().ParseDocument(html);
        var text = doc.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var ld = JsonDocument.Parse(text);

        // Umlauts as they are (the HTML-sensitive characters stay escaped: ExportTests breaks out with a title).
        Assert.Contains("\"Klimaschutz, Mobilität & Umwelt\"".Replace("&", "\\u0026", StringComparison.Ordinal), text, StringComparison.Ordinal);
        var keywords = ld.RootElement.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Equal(["Klimaschutz, Mobilität & Umwelt", "Verwaltung", "Müll", "Abfallkalender"], keywords);
        Assert.Equal("Förderung der interkommunalen Zusammenarbeit", ld.RootElement.GetProperty("funder").GetProperty("name").GetString());
        Assert.Equal(490000, ld.RootElement.GetProperty("funding").GetProperty("amount").GetProperty("value").GetInt32());
        var kreis = ld.RootElement.GetProperty("areaServed")[0];
        Assert.Equal("05762", kreis.GetProperty("identifier").GetProperty("value").GetString());
        Assert.Equal("http://dcat-ap.de/def/politicalGeocoding/districtKey/05762", kreis.GetProperty("sameAs").GetString());
        Assert.False(ld.RootElement.GetProperty("areaServed")[1].TryGetProperty("identifier", out _));
        Assert.Equal("https://www.kreis-hoexter.de/abfall", ld.RootElement.GetProperty("contactPoint").GetProperty("url").GetString());
    }

    [Fact]
    public void Sitemap_dates_list_pages_by_their_newest_profile()
    {
        var sitemap = XDocument.Parse(TestCatalog.TextOf(site.Result, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var lastmod = sitemap.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);
        Assert.Equal(Newest(), lastmod[FindReuseSite.BaseUrl]);
        Assert.Equal("2026-10-01", lastmod[FindReuseSite.BaseUrl + "projekte/abfall-app/"]);
        Assert.NotNull(lastmod[FindReuseSite.BaseUrl + "kommunen/brakel/"]);
    }

    [Fact]
    public void Xlsx_is_a_valid_workbook_with_typed_cells_and_german_headers()
    {
        var bytes = TestCatalog.FileOf(site.Result, "daten/katalog.xlsx").Content;
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);

        // The Open XML SDK's own schema validator: what Excel and LibreOffice expect of the file.
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Projekte", "Lizenz und Quelle"], sheets.Select(s => s.Name!.Value));
        var projects = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!);
        var rows = projects.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(5, rows.Count);
        var headers = rows[0].Elements<Cell>().Select(Text).ToList();
        Assert.Equal("Titel", headers[1]);
        Assert.Contains("Kontakt: Telefon", headers);

        var abfall = rows[1].Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()));
        string Column(string header) => Transferkatalog.Exports.CatalogXlsxExport.ColumnName(headers.IndexOf(header) + 1);

        // Text stays text: no apostrophe before '+', and a value starting with '=' could never be a formula (inline strings only).
        Assert.Equal("+49 5271 965-0", Text(abfall[Column("Kontakt: Telefon")]));
        Assert.Empty(projects.Worksheet.Descendants<CellFormula>());
        var betrag = abfall[Column("Fördersumme (Euro)")];
        Assert.Equal(CellValues.Number, betrag.DataType!.Value);
        Assert.Equal("490000", betrag.CellValue!.Text);
        var datum = abfall[Column("Zuletzt geprüft")];
        Assert.Equal(new DateOnly(2026, 10, 1), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(datum.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("05762", Text(abfall[Column("Amtliche Gemeindeschlüssel")]));

        var licence = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!);
        Assert.Contains(licence.Worksheet.Descendants<Cell>().Select(Text), t => t.Contains("Datenlizenz Deutschland – Namensnennung – Version 2.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Xlsx_and_dcat_are_byte_identical_across_builds()
    {
        using var again = FindReuseSite.Create();
        var second = again.Build();
        using var other = FindReuseSite.Create();
        var third = other.Build();
        foreach (var path in new[] { "daten/katalog.xlsx", "daten/dcat.rdf", "daten/katalog.csv-metadata.json" })
        {
            Assert.Equal(TestCatalog.FileOf(second, path).Content, TestCatalog.FileOf(third, path).Content);
        }
    }

    [Fact]
    public void Dcat_parses_as_rdf_and_describes_dataset_distributions_licence_publisher_contact_and_coverage()
    {
        var file = Path.Combine(site.Site.Output, "daten", "dcat.rdf");
        var output = RunRdflib(file, """
            import sys, rdflib
            from rdflib.namespace import RDF, DCAT, DCTERMS, FOAF, Namespace
            VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
            DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
            g = rdflib.Graph()
            g.parse(sys.argv[1], format="xml")
            (catalog,) = list(g.subjects(RDF.type, DCAT.Catalog))
            (ds,) = list(g.objects(catalog, DCAT.dataset))
            assert (ds, RDF.type, DCAT.Dataset) in g
            print("title", g.value(ds, DCTERMS.title))
            print("modified", g.value(ds, DCTERMS.modified))
            print("publisher", g.value(g.value(ds, DCTERMS.publisher), FOAF.name))
            print("contact", g.value(g.value(ds, DCAT.contactPoint), VCARD.fn))
            for s in sorted(g.objects(ds, DCTERMS.spatial)):
                print("spatial", s)
            for d in sorted(g.objects(ds, DCAT.distribution)):
                assert (d, RDF.type, DCAT.Distribution) in g
                print("distribution", d, g.value(d, DCTERMS.format), g.value(d, DCTERMS.license), g.value(d, DCATDE.licenseAttributionByText), g.value(d, DCAT.downloadURL) == d)
            """);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("title Testkatalog", lines);
        Assert.Contains($"modified {Newest()}", lines);
        Assert.Contains("publisher Digitalbüro Test", lines);
        Assert.Contains("contact Digitalbüro Test", lines);
        Assert.Equal(
            ["spatial http://dcat-ap.de/def/politicalGeocoding/districtKey/05762", "spatial http://dcat-ap.de/def/politicalGeocoding/districtKey/05766"],
            lines.Where(l => l.StartsWith("spatial", StringComparison.Ordinal)));
        var distributions = lines.Where(l => l.StartsWith("distribution", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, distributions.Count);
        foreach (var (path, format) in new[] { ("daten/katalog.json", "JSON"), ("daten/katalog.csv", "CSV"), ("daten/katalog.xlsx", "XLSX"), ("feed.xml", "ATOM") })
        {
            Assert.Contains($"distribution {FindReuseSite.BaseUrl}{path} http://publications.europa.eu/resource/authority/file-type/{format} {DefaultLicence} Digitalbüro Test True", distributions);
        }
    }

    [Fact]
    public void A_licence_from_site_yml_reaches_every_export()
    {
        using var cc = FindReuseSite.Create().Write("site.yml", $"titel: Testkatalog\nbeschreibung: B\nbasis_url: {FindReuseSite.BaseUrl}\nsprache: de\nlizenz: cc-by/4.0\n");
        var result = cc.Build();
        const string uri = "http://dcat-ap.de/def/licenses/cc-by/4.0";
        Assert.Contains($"<dct:license rdf:resource=\"{uri}\" />", TestCatalog.TextOf(result, "daten/dcat.rdf"), StringComparison.Ordinal);
        Assert.Contains(uri, TestCatalog.TextOf(result, "daten/katalog.json"), StringComparison.Ordinal);
        Assert.Contains(uri, TestCatalog.TextOf(result, "daten/katalog.csv-metadata.json"), StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", TestCatalog.TextOf(result, "feed.xml"), StringComparison.Ordinal);
    }

    /// <summary>The newest aktualisiert of the fixture's profiles, read from the files themselves.</summary>
    private string Newest() => Directory.GetFiles(Path.Combine(site.Site.Content, "projekte"))
        .Select(f => File.ReadAllLines(f).First(l => l.StartsWith("aktualisiert:", StringComparison.Ordinal))["aktualisiert:".Length..].Trim())
        .Max(StringComparer.Ordinal)!;

    [Fact]
    public void Every_page_has_open_graph_and_twitter_tags_and_the_licence_in_the_footer()
    {
        var pages = site.Result.Files.Where(f => f.IsHtml).ToList();
        Assert.True(pages.Count > 10);
        foreach (var page in pages)
        {
            var doc = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(page.Content));
            string? Meta(string selector) => doc.QuerySelector(selector)?.GetAttribute("content");
            var where = page.RelativePath;
            Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:title']")), where);
            Assert.Equal(Meta("meta[name='description']"), Meta("meta[property='og:description']"));
            Assert.Equal(doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href"), Meta("meta[property='og:url']"));
            Assert.StartsWith(FindReuseSite.BaseUrl, Meta("meta[property='og:url']"), StringComparison.Ordinal);
            Assert.Equal("Testkatalog", Meta("meta[property='og:site_name']"));
            Assert.Equal("de_DE", Meta("meta[property='og:locale']"));
            Assert.Equal("summary", Meta("meta[name='twitter:card']"));

            // X/Twitter falls back to og:title and og:description; repeating them cost ~300 bytes on every page.
            Assert.Null(doc.QuerySelector("meta[name='twitter:title'], meta[name='twitter:description']"));
            var licence = doc.QuerySelector("footer a[rel='license']");
            Assert.NotNull(licence);
            Assert.Equal("https://www.govdata.de/dl-de/by-2-0", licence.GetAttribute("href"));
            Assert.Equal("Datenlizenz Deutschland – Namensnennung – Version 2.0", licence.TextContent);
        }

        var profile = new HtmlParser().ParseDocument(TestCatalog.TextOf(site.Result, "projekte/abfall-app/index.html"));
        Assert.Equal("Abfall-App für den Kreis", profile.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("article", profile.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Contains(profile.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://www.kreis-hoexter.de/abfall");
        var home = new HtmlParser().ParseDocument(TestCatalog.TextOf(site.Result, "index.html"));
        Assert.Equal("website", home.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Contains(home.QuerySelectorAll(".offene-daten a"), a => a.GetAttribute("href") == "/transferkatalog/daten/katalog.xlsx");
        Assert.Contains(home.QuerySelectorAll(".offene-daten a"), a => a.GetAttribute("href") == "/transferkatalog/daten/dcat.rdf");
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;

    /// <summary>Runs a Python script with Debian's python3-rdflib (installed by .ci/run); fails with a hint when it is missing.</summary>
    private static string RunRdflib(string file, string script)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.False(stderr.Contains("No module named 'rdflib'", StringComparison.Ordinal), "python3-rdflib fehlt: apt-get install -y python3-rdflib (.ci/run installiert es)");
        Assert.True(process.ExitCode == 0, stderr);
        return stdout.Result;
    }
}
