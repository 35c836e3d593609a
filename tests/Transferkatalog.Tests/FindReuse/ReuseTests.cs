using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Transferkatalog.Content;
using Transferkatalog.SafeMarkdown;
using Transferkatalog.SiteModel;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>Adopters and their filter, related projects, the printable Steckbrief and the paged catalogue.</summary>
public sealed class ReuseTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Catalogue_offers_the_adopted_only_filter_and_cards_carry_the_adopter_count()
    {
        using var fixture = FindReuseSite.Create();
        var result = fixture.Build();
        var html = Parser.ParseDocument(TestCatalog.TextOf(result, "index.html"));

        var box = html.QuerySelector("input[type='checkbox'][name='nachnutzung']")!;
        Assert.Equal("ja", box.GetAttribute("value"));
        var label = html.QuerySelector($"label[for='{box.Id}']")!.TextContent;
        Assert.Contains("nur nachgenutzte Lösungen", label);
        Assert.Contains("(1)", label);

        var abfall = html.QuerySelectorAll("[data-karte]").Single(c => c.QuerySelector("a")!.GetAttribute("href")!.EndsWith("/abfall-app/", StringComparison.Ordinal));
        Assert.Equal("2", abfall.GetAttribute("data-nachnutzung"));
        Assert.Contains("Nachgenutzt von 2 Kommunen", abfall.TextContent);

        var profile = Parser.ParseDocument(TestCatalog.TextOf(result, "projekte/abfall-app/index.html"));
        var section = profile.QuerySelector("section.nachnutzung")!;
        Assert.Equal(["/transferkatalog/kommunen/detmold/", "/transferkatalog/kommunen/bielefeld/"], section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("seit 2024", section.TextContent);

        var detmold = Parser.ParseDocument(TestCatalog.TextOf(result, "kommunen/detmold/index.html"));
        var adopted = detmold.QuerySelector("section[aria-labelledby='nachgenutzt-titel']")!;
        Assert.Contains("Abfall-App für den Kreis", adopted.TextContent);
    }

    [Fact]
    public void Related_projects_share_subjects_ranked_by_overlap_and_never_neighbours_alone()
    {
        using var fixture = FindReuseSite.Create();
        var result = fixture.Build();

        // Abfall-App: LoRaWAN shares Umwelt, Brakel and the Kreis; Ratsinformation shares Verwaltung only;
        // the Dorfladen lies in the same Kreis but shares no subject.
        Assert.Equal(["LoRaWAN-Sensoren für Straßen und Wasser", "Ratsinformation </script><script>alert(1)</script> gemeinsam"], RelatedTitles(result, "abfall-app"));
        Assert.Empty(RelatedTitles(result, "dorfladen-netz"));
        Assert.Null(Parser.ParseDocument(TestCatalog.TextOf(result, "projekte/dorfladen-netz/index.html")).QuerySelector("section.verwandt"));
    }

    [Fact]
    public void Related_projects_are_deterministic_capped_and_exclude_the_profile_itself()
    {
        var kreis = new Kommune
        {
            Key = "kreis-a",
            Name = "Kreis A",
            Typ = "kreis",
            Regierungsbezirk = "X",
            Land = "Y",
        };
        var felder = new[] { new Handlungsfeld("f1", "F1", "-"), new Handlungsfeld("f2", "F2", "-") };
        var profiles = Enumerable.Range(0, 8)
            .Select(i => Entry($"p{i}", i % 2 == 0 ? ["f1"] : ["f2"], i < 4 ? ["Sensor"] : [], kreis, felder))
            .ToList();

        var first = RelatedProjects.Compute(profiles);
        var second = RelatedProjects.Compute(profiles.AsEnumerable().Reverse().Reverse().ToList());
        for (var i = 0; i < profiles.Count; i++)
        {
            Assert.True(first[i].Count <= RelatedProjects.DefaultCount);
            Assert.DoesNotContain(profiles[i], first[i]);
            Assert.Equal(first[i].Select(p => p.Profile.Slug), second[i].Select(p => p.Profile.Slug));
        }

        // p0 (f1, Sensor): p2 shares both, then p1 and p3 share the keyword; ties go to catalogue order.
        Assert.Equal(["p2", "p1", "p3"], first[0].Select(p => p.Profile.Slug));
    }

    [Fact]
    public void Profile_page_prints_as_a_fact_sheet_with_short_url_and_without_site_chrome()
    {
        using var fixture = FindReuseSite.Create();
        var result = fixture.Build();
        var html = Parser.ParseDocument(TestCatalog.TextOf(result, "projekte/abfall-app/index.html"));
        // At the top of the printed page: catalogue name, Stand date, web address.
        var head = html.QuerySelector(".druck-kopf")!;
        Assert.Equal(DocumentPositions.Following, head.CompareDocumentPosition(html.QuerySelector("h1")!) & DocumentPositions.Following);
        Assert.Equal(["Testkatalog", "Stand: 01.10.2026", FindReuseSite.BaseUrl + "projekte/abfall-app/"], head.QuerySelectorAll("p").Select(p => p.TextContent));

        var css = File.ReadAllText(Path.Combine(Repo.Assets, "style.css"));
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Contains("size: A4", print);
        var hidden = print[..print.IndexOf("display: none", StringComparison.Ordinal)];
        foreach (var selector in new[] { ".kopf", ".fuss", ".brotkrumen", ".filter-bereich", ".suche", ".verwandt", ".seitennavigation" })
        {
            Assert.Matches(@"(^|[\s,])" + System.Text.RegularExpressions.Regex.Escape(selector) + @"[\s,{]", hidden);
        }

        // The elements the print rule hides really carry those classes on a profile page.
        Assert.NotNull(html.QuerySelector("header.kopf"));
        Assert.NotNull(html.QuerySelector("footer.fuss"));
        Assert.NotNull(html.QuerySelector("section.verwandt"));
    }

    [Fact]
    public void A_large_catalogue_is_paged_so_every_profile_stays_reachable_without_javascript()
    {
        const int extra = 120;
        using var fixture = FindReuseSite.Create();
        for (var i = 0; i < extra; i++)
        {
            fixture.WithProfile($"serie-{i:000}", $"""
                ---
                titel: Serienprojekt {i:000}
                kurzbeschreibung: Ein Projekt aus einer Serie zum Testen der Seiten.
                handlungsfelder: [{(i % 2 == 0 ? "verwaltung" : "umwelt")}]
                kommunen: [brakel]
                status: laufend
                kontakt:
                  organisation: Stadt Brakel
                aktualisiert: 2026-01-01
                ---
                Text.
                """);
        }

        var result = fixture.Build();
        var total = extra + 4;
        var pages = new[] { "index.html", "katalog/2/index.html", "katalog/3/index.html" };
        var seen = new List<string>();
        foreach (var page in pages)
        {
            var html = Parser.ParseDocument(TestCatalog.TextOf(result, page));
            var list = html.QuerySelector("#karten")!;
            Assert.False(list.HasAttribute("data-vollstaendig"));
            Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), html.QuerySelector("#trefferzahl")!.GetAttribute("data-gesamt"));
            var nav = html.QuerySelector("nav[data-seiten]")!;
            Assert.NotNull(nav.QuerySelector("a[aria-current='page']"));
            seen.AddRange(list.QuerySelectorAll("[data-karte] .karte-titel a").Select(a => a.GetAttribute("href")!));
        }

        Assert.Null(result.Files.SingleOrDefault(f => f.RelativePath == "katalog/4/index.html"));
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        var first = Parser.ParseDocument(TestCatalog.TextOf(result, "index.html"));
        Assert.Equal(Transferkatalog.Rendering.SiteRenderer.CatalogPageSize, first.QuerySelectorAll("#karten [data-karte]").Length);
        Assert.Equal("/transferkatalog/katalog/2/", first.QuerySelector("nav[data-seiten] a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(
            Enumerable.Range(0, Transferkatalog.Rendering.SiteRenderer.CatalogPageSize).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            first.QuerySelectorAll("#karten [data-karte]").Select(c => c.GetAttribute("data-nr")));
        Assert.Contains("124 Projekte, hier 1 bis 50", first.QuerySelector("#trefferzahl")!.TextContent);
        Assert.NotNull(first.QuerySelector("form#filter input[name='nachnutzung']"));
        Assert.NotNull(first.QuerySelector("form[role='search']"));

        // Further pages carry no filter form (the script needs none there) but point back to the first page.
        var second = Parser.ParseDocument(TestCatalog.TextOf(result, "katalog/2/index.html"));
        Assert.Null(second.QuerySelector("form#filter"));
        Assert.Null(second.QuerySelector("form[role='search']"));
        Assert.Equal("/transferkatalog/", second.QuerySelector(".filter-bereich p a")!.GetAttribute("href"));

        // Nor the script or the data it filters on: without the form it would have nothing to do.
        Assert.Empty(second.QuerySelectorAll("script[src]"));
        Assert.All(second.QuerySelectorAll("#karten [data-karte]"), c => Assert.Equal(["class", "data-karte"], c.Attributes.Select(a => a.Name)));
        Assert.False(second.QuerySelector("#karten")!.HasAttribute("data-daten"));
        Assert.NotNull(first.QuerySelector("script[src$='assets/katalog.js']"));
        Assert.NotNull(first.QuerySelector("#karten[data-daten] [data-karte][data-kommune]"));

        // The script renders results of a paged catalogue from card chunks: every profile is in exactly one.
        var chunkUrls = result.Files.Where(f => f.RelativePath.StartsWith("suche/karten/", StringComparison.Ordinal))
            .SelectMany(f => System.Text.Json.JsonDocument.Parse(f.Content).RootElement.EnumerateArray().Select(c => c.GetProperty("u").GetString()!))
            .ToList();
        Assert.Equal(seen.Order(StringComparer.Ordinal), chunkUrls.Order(StringComparer.Ordinal));

        // A Handlungsfeld's cards are paged the same way: following "Nächste Seite" from its page reaches each of its
        // profiles exactly once, every page names itself as canonical and says which part it shows.
        using var data = System.Text.Json.JsonDocument.Parse(TestCatalog.FileOf(result, "daten/katalog.json").Content);
        string FeldName(string key) => data.RootElement.GetProperty("handlungsfelder").EnumerateArray().Single(f => f.GetProperty("schluessel").GetString() == key).GetProperty("name").GetString()!;
        foreach (var feld in new[] { "verwaltung", "umwelt" })
        {
            var expected = data.RootElement.GetProperty("projekte").EnumerateArray()
                .Where(p => p.GetProperty("handlungsfelder").EnumerateArray().Any(f => f.GetProperty("schluessel").GetString() == feld))
                .Select(p => new Uri(p.GetProperty("url").GetString()!).AbsolutePath)
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.True(expected.Count > Transferkatalog.Rendering.SiteRenderer.CatalogPageSize, feld);
            var listed = new List<string>();
            var url = $"/transferkatalog/handlungsfelder/{feld}/";
            var number = 1;
            while (url is not null)
            {
                var html = Parser.ParseDocument(TestCatalog.TextOf(result, url["/transferkatalog/".Length..] + "index.html"));
                Assert.Equal("https://org.github.io" + url, html.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
                var cards = html.QuerySelectorAll("ul.karten .karte-titel a").Select(a => a.GetAttribute("href")!).ToList();
                Assert.InRange(cards.Count, 1, Transferkatalog.Rendering.SiteRenderer.CatalogPageSize);
                Assert.Equal(number == 1 ? FeldName(feld) : $"{FeldName(feld)}: Seite {number}", html.QuerySelector("h1")!.TextContent);
                Assert.Contains($"hier {listed.Count + 1} bis {listed.Count + cards.Count}", html.QuerySelector(".trefferzahl")!.TextContent);
                var nav = html.QuerySelector("nav.seitennavigation")!;
                Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), nav.QuerySelector("a[aria-current='page']")!.TextContent);
                Assert.StartsWith("Seiten des Handlungsfelds ", nav.GetAttribute("aria-label"));
                listed.AddRange(cards);
                url = nav.QuerySelector("a[rel='next']")?.GetAttribute("href");
                number++;
            }

            Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
            Assert.Equal(listed.Count, listed.Distinct().Count());
        }
    }

    private static List<string> RelatedTitles(Transferkatalog.Pipeline.BuildResult result, string slug) =>
        Parser.ParseDocument(TestCatalog.TextOf(result, $"projekte/{slug}/index.html"))
            .QuerySelectorAll("section.verwandt .karte-titel a")
            .Select(a => a.TextContent)
            .ToList();

    private static ProfileEntry Entry(string slug, string[] felder, string[] stichworte, Kommune kreis, Handlungsfeld[] allFelder)
    {
        var profile = new Profile
        {
            Slug = slug,
            SourcePath = slug + ".md",
            Titel = slug,
            Kurzbeschreibung = "-",
            Handlungsfelder = felder,
            Kommunen = [kreis.Key],
            Status = "laufend",
            Stichworte = stichworte,
            Kontakt = new Kontakt("Org", null, null, null),
            Aktualisiert = new DateOnly(2026, 1, 1),
            AktualisiertLine = 1,
            BodyLine = 1,
            ParsedBody = MarkdownBody.Parse(string.Empty),
        };
        return new ProfileEntry
        {
            Profile = profile,
            Url = "/p/" + slug + "/",
            Handlungsfelder = allFelder.Where(f => felder.Contains(f.Key)).ToList(),
            Kommunen = [kreis],
            Kreise = [kreis],
            Federfuehrung = null,
            Nachnutzer = [],
        };
    }
}
