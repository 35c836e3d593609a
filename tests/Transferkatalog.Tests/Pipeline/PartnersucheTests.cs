using AngleSharp.Html.Parser;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Partner search (sucht): validated like every field, shown as badge, section, list pages and feed while it runs.</summary>
public sealed class PartnersucheTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private readonly TestCatalog catalog = TestCatalog.Minimal();

    public void Dispose() => catalog.Dispose();

    private void Search(string wen, string bis) =>
        catalog.Replace("projekte/dorfladen-app.md", "aktualisiert:", $"sucht:\n  wen: {wen}\n  anliegen: \"Gemeinden mit Dorfläden, die die App mitnutzen & mitgestalten\"\n  bis: {bis}\naktualisiert:");

    private BuildResult Build()
    {
        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, ReferenceDate: Today));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    private AngleSharp.Dom.IDocument Page(string path) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(catalog.Output, path, "index.html")));

    [Fact]
    public void A_running_search_shows_on_card_profile_list_pages_and_feed_with_a_prefilled_mail()
    {
        catalog.Replace("projekte/dorfladen-app.md", "  organisation: Stadt Nieheim", "  organisation: Stadt Nieheim\n  email: dorfladen@nieheim.de");
        Search("[partner]", "2027-03-31");

        var result = Build();

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "TK0503");
        var card = Page(".").QuerySelectorAll("li.karte").Single(c => c.TextContent.Contains("Dorfladen-App", StringComparison.Ordinal));
        Assert.Equal("sucht Partner", card.QuerySelector(".sucht")!.TextContent);
        Assert.Single(Page(".").QuerySelectorAll(".karte .sucht"));

        var profile = Page("projekte/dorfladen-app");
        var section = profile.QuerySelector("section.partnersuche")!;
        Assert.Equal("Partnersuche: sucht Partner", section.QuerySelector("h2")!.TextContent);
        Assert.Contains("Gemeinden mit Dorfläden, die die App mitnutzen & mitgestalten", section.TextContent);
        Assert.Equal("2027-03-31", section.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("mailto:dorfladen@nieheim.de?subject=Anfrage%20zur%20Zusammenarbeit%3A%20Dorfladen-App", section.QuerySelector("a.partnersuche-mail")!.GetAttribute("href"));
        Assert.Equal("sucht Partner", profile.QuerySelector(".status-zeile .sucht")!.TextContent);

        Assert.Single(Page("partnersuche").QuerySelectorAll(".karten a[href='/transferkatalog/projekte/dorfladen-app/']"));
        Assert.Contains("1 offene Anfrage", Page("partnersuche").QuerySelector(".treffer-zahl")!.TextContent);
        Assert.Single(Page("partnersuche/partner").QuerySelectorAll("li.karte"));
        Assert.Empty(Page("partnersuche/nachnutzer").QuerySelectorAll("li.karte"));
        Assert.Equal("page", Page("partnersuche/partner").QuerySelector(".partnersuche-filter a[aria-current]")!.GetAttribute("aria-current"));

        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(catalog.Output, "partnersuche", "feed.xml"));
        var entry = Assert.Single(feed.Root!.Elements("{http://www.w3.org/2005/Atom}entry"));
        Assert.Equal("Dorfladen-App", entry.Element("{http://www.w3.org/2005/Atom}title")!.Value);
        Assert.StartsWith("sucht Partner (bis 31.03.2027): Gemeinden", entry.Element("{http://www.w3.org/2005/Atom}summary")!.Value);
    }

    [Fact]
    public void The_catalogue_offers_a_partnersuche_filter_group_with_counts_only_for_kinds_someone_looks_for()
    {
        Search("[nachnutzer, partner]", "2027-03-31");

        Build();

        var home = Page(".");
        var group = home.QuerySelector("fieldset#filter-sucht")!;
        Assert.Equal("Partnersuche", group.QuerySelector("legend")!.TextContent);
        Assert.Equal("Partnersuche", group.ParentElement!.QuerySelector("summary")!.FirstChild!.TextContent.Trim());
        // The last group of the form, like the script's list of groups, in the schema's order.
        Assert.Same(group, home.QuerySelectorAll("#filter fieldset").Last());
        var boxes = group.QuerySelectorAll("input[type=checkbox]").ToList();
        Assert.Equal(["partner", "nachnutzer"], boxes.Select(b => b.GetAttribute("value")));
        Assert.All(boxes, b => Assert.Equal("sucht", b.GetAttribute("name")));
        Assert.Equal("sucht Partner (1)", home.QuerySelector("label[for=f-sucht-partner]")!.TextContent);
        Assert.Equal("sucht Nachnutzer (1)", home.QuerySelector("label[for=f-sucht-nachnutzer]")!.TextContent);

        // Cards carry the values the script filters on; the filter data of large catalogues lists the same profile.
        var cards = home.QuerySelectorAll("li.karte").ToList();
        var dorfladen = cards.Single(c => c.TextContent.Contains("Dorfladen-App", StringComparison.Ordinal));
        Assert.Equal("partner nachnutzer", dorfladen.GetAttribute("data-sucht"));
        Assert.All(cards.Where(c => c != dorfladen), c => Assert.False(c.HasAttribute("data-sucht")));
        var nr = int.Parse(dorfladen.GetAttribute("data-nr")!, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var wen in new[] { "partner", "nachnutzer" })
        {
            var list = FindReuse.SearchTests.FilterList(path => File.ReadAllBytes(Path.Combine(catalog.Output, path)), "sucht", wen);
            var ids = Transferkatalog.Search.Postings.Decode(list!);
            Assert.Equal([nr], ids.Select(i => i.Id));
        }

        using var chunk = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(catalog.Output, "suche", "karten", "0.json")));
        Assert.Equal(["partner", "nachnutzer"], chunk.RootElement[nr].GetProperty("w").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void A_kind_nobody_looks_for_is_not_offered_and_without_any_running_search_the_group_is_left_out()
    {
        Search("[partner]", "2027-03-31");
        Build();
        Assert.NotNull(Page(".").QuerySelector("#f-sucht-partner"));
        Assert.Null(Page(".").QuerySelector("#f-sucht-nachnutzer"));

        catalog.Replace("projekte/dorfladen-app.md", "bis: 2027-03-31", "bis: 2026-11-20");
        Build();
        Assert.Null(Page(".").QuerySelector("#filter-sucht"));
        Assert.NotNull(Page(".").QuerySelector("#filter-status"));
    }

    [Fact]
    public void Open_data_carry_the_running_search_and_deliberate_relations_in_json_csv_and_xlsx()
    {
        Search("[nachnutzer, partner]", "2027-03-31");
        catalog.Replace("projekte/dorfladen-app.md", "aktualisiert:", "verwandt: [lorawan-netz]\naktualisiert:");

        Build();

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(catalog.Output, "daten", "katalog.json")));
        var projekte = json.RootElement.GetProperty("projekte").EnumerateArray().ToDictionary(p => p.GetProperty("slug").GetString()!);
        var sucht = projekte["dorfladen-app"].GetProperty("sucht");
        Assert.Equal(["partner", "nachnutzer"], sucht.GetProperty("wen").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("Gemeinden mit Dorfläden, die die App mitnutzen & mitgestalten", sucht.GetProperty("anliegen").GetString());
        Assert.Equal("2027-03-31", sucht.GetProperty("bis").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, projekte["lorawan-netz"].GetProperty("sucht").ValueKind);
        // Written once, shown both ways — as on the profile pages.
        var verwandt = Assert.Single(projekte["dorfladen-app"].GetProperty("verwandt").EnumerateArray());
        Assert.Equal("lorawan-netz", verwandt.GetProperty("slug").GetString());
        Assert.Equal("LoRaWAN-Netz", verwandt.GetProperty("titel").GetString());
        Assert.EndsWith("/transferkatalog/projekte/lorawan-netz/", verwandt.GetProperty("url").GetString());
        Assert.Equal("dorfladen-app", Assert.Single(projekte["lorawan-netz"].GetProperty("verwandt").EnumerateArray()).GetProperty("slug").GetString());
        Assert.Empty(projekte["gemeinsames-rechenzentrum"].GetProperty("verwandt").EnumerateArray());

        var csv = Transferkatalog.Tests.FindReuse.Rfc4180.Parse(File.ReadAllText(Path.Combine(catalog.Output, "daten", "katalog.csv")).TrimStart('\uFEFF'));
        var header = csv[0];
        var row = csv.Single(r => r[0] == "dorfladen-app");
        string Cell(List<string> r, string column) => r[header.IndexOf(column)];
        Assert.Equal("partner; nachnutzer", Cell(row, "sucht_wen"));
        Assert.Equal("Gemeinden mit Dorfläden, die die App mitnutzen & mitgestalten", Cell(row, "sucht_anliegen"));
        Assert.Equal("2027-03-31", Cell(row, "sucht_bis"));
        Assert.Equal("lorawan-netz", Cell(row, "verwandt"));
        Assert.Equal("dorfladen-app", Cell(csv.Single(r => r[0] == "lorawan-netz"), "verwandt"));
        Assert.Equal("", Cell(csv.Single(r => r[0] == "lorawan-netz"), "sucht_bis"));

        using var meta = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(catalog.Output, "daten", "katalog.csv-metadata.json")));
        var columns = meta.RootElement.GetProperty("tableSchema").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(header, meta.RootElement.GetProperty("tableSchema").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("date", columns["sucht_bis"].GetProperty("datatype").GetString());
        Assert.Equal("; ", columns["sucht_wen"].GetProperty("separator").GetString());
        Assert.Equal("; ", columns["verwandt"].GetProperty("separator").GetString());

        using var stream = File.OpenRead(Path.Combine(catalog.Output, "daten", "katalog.xlsx"));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        var sheet = (DocumentFormat.OpenXml.Packaging.WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
        var rows = sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList()).ToList();
        var labels = rows[0].Select(c => c.InnerText).ToList();
        var xrow = rows.Single(r => r[0].InnerText == "dorfladen-app");
        DocumentFormat.OpenXml.Spreadsheet.Cell X(string label) =>
            xrow.Single(c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()) == Transferkatalog.Exports.CatalogXlsxExport.ColumnName(labels.IndexOf(label) + 1));
        Assert.Equal("Gemeinden mit Dorfläden, die die App mitnutzen & mitgestalten", X("Partnersuche: Anliegen").InnerText);
        Assert.Equal("partner; nachnutzer", X("Partnersuche: gesucht").InnerText);
        Assert.Equal(new DateOnly(2027, 3, 31), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(X("Partnersuche: gilt bis").CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("lorawan-netz", X("Verwandte Projekte (Kurznamen)").InnerText);
    }

    [Fact]
    public void An_expired_search_is_left_out_of_the_open_data_too()
    {
        Search("[partner]", "2026-11-20");

        Build();

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(catalog.Output, "daten", "katalog.json")));
        Assert.All(json.RootElement.GetProperty("projekte").EnumerateArray(), p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("sucht").ValueKind));
        var csv = Transferkatalog.Tests.FindReuse.Rfc4180.Parse(File.ReadAllText(Path.Combine(catalog.Output, "daten", "katalog.csv")).TrimStart('\uFEFF'));
        var at = csv[0].IndexOf("sucht_wen");
        Assert.All(csv.Skip(1), r => Assert.Equal("", r[at]));
    }

    [Fact]
    public void A_title_with_umlauts_and_an_ampersand_is_percent_encoded_in_the_mail_subject()
    {
        Assert.Equal(
            "mailto:a@b.de?subject=Anfrage%20zur%20Zusammenarbeit%3A%20M%C3%BCll%20%26%20Abf%C3%A4lle%3F%20%2B%20%23",
            Rendering.SiteRenderer.Mailto("a@b.de", "Müll & Abfälle? + #"));
    }

    [Fact]
    public void An_expired_search_is_a_warning_at_its_date_and_disappears_from_the_site()
    {
        Search("[partner, nachnutzer]", "2026-11-20");

        var result = Build();

        var d = Assert.Single(result.Diagnostics, d => d.Code == "TK0503");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.EndsWith("projekte/dorfladen-app.md", d.File);
        Assert.Equal(13, d.Line);
        Assert.Contains("am 20.11.2026 abgelaufen", d.Message);
        Assert.Empty(Page(".").QuerySelectorAll(".karte .sucht"));
        Assert.Null(Page("projekte/dorfladen-app").QuerySelector("section.partnersuche"));
        Assert.Contains("keine offenen Anfragen", Page("partnersuche").QuerySelector(".treffer-zahl")!.TextContent);
    }

    [Fact]
    public void Unknown_kind_and_missing_date_are_errors_like_every_other_field()
    {
        catalog.Replace("projekte/dorfladen-app.md", "aktualisiert:", "sucht:\n  wen: [partnr]\n  anliegen: Mitmachen\naktualisiert:");

        var result = new SiteBuilder().Check(new BuildOptions(catalog.Content, Repo.Theme, ReferenceDate: Today));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "TK0106" && d.Message.Contains("meinten Sie 'partner'?", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "TK0101" && d.Message.Contains("'sucht.bis' fehlt", StringComparison.Ordinal));
    }
}
