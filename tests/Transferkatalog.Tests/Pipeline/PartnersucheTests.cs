using AngleSharp.Html.Parser;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Partner search (sucht): validated like every field, shown as badge, section, list pages and feed while it runs.</summary>
public sealed class PartnersucheTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private readonly SampleCatalog catalog = new();

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
        Assert.Equal(12, d.Line);
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
