using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Transferkatalog.Content;

namespace Transferkatalog.BrowserTests;

/// <summary>What a visitor sees without JavaScript, on a profile, on a phone and on paper.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class PageTests(SiteUnderTest site)
{
    [Fact]
    public async Task Without_javascript_every_profile_is_listed_and_term_pages_are_reachable()
    {
        await using var tp = await site.OpenAsync(javaScript: false);
        var page = tp.Page;
        await tp.GotoAsync("");
        var catalog = new CatalogPage(page);
        var all = new SortedSet<string>(site.Catalog.Profiles.Select(p => p.Slug), StringComparer.Ordinal);
        Assert.Equal(all, await catalog.VisibleSlugsAsync());
        Assert.False(await page.Locator("#filter").IsVisibleAsync(), "the filter form must stay hidden when it cannot work");
        await Assertions.Expect(catalog.Counter).ToHaveTextAsync(new Regex($"^{all.Count} Projekte"));

        // Every Handlungsfeld page, reached by clicking the browse links, lists exactly its profiles.
        foreach (var feld in site.Catalog.Handlungsfelder)
        {
            await tp.GotoAsync("");
            await page.Locator("nav.stoebern").GetByRole(AriaRole.Link, new() { Name = feld.Name, Exact = true }).ClickAsync();
            Assert.Equal(site.Url($"handlungsfelder/{feld.Key}/"), page.Url);
            Assert.Equal(ExpectedFilter.Slugs(site.Catalog, [new Choice("handlungsfeld", feld.Key)]), await CardSlugsAsync(page.Locator("main")));
        }

        // Kommunen through the main navigation: the overview, then each Kommune page a profile names.
        var usedKommunen = site.Catalog.Profiles.SelectMany(p => p.Kommunen).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var key in usedKommunen)
        {
            var kommune = site.Catalog.Kommunen.Single(k => k.Key == key);
            await tp.GotoAsync("");
            await page.Locator("nav.hauptnavigation").GetByRole(AriaRole.Link, new() { Name = "Kommunen", Exact = true }).ClickAsync();
            Assert.Equal(site.Url("kommunen/"), page.Url);
            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = kommune.Name, Exact = true }).First.ClickAsync();
            Assert.Equal(site.Url($"kommunen/{key}/"), page.Url);
            Assert.Equal(ExpectedFilter.Slugs(site.Catalog, [new Choice("kommune", key)]), await CardSlugsAsync(page.Locator("section[aria-labelledby=eigene-titel]")));
        }
    }

    [Fact]
    public async Task A_profile_page_renders_its_fact_box_body_and_contact()
    {
        await using var tp = await site.OpenAsync();
        var page = tp.Page;
        var kommunen = site.Catalog.Kommunen.ToDictionary(k => k.Key, StringComparer.Ordinal);
        var felder = site.Catalog.Handlungsfelder.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var p in site.Catalog.Profiles)
        {
            await tp.GotoAsync("");
            await page.Locator("#karten").GetByRole(AriaRole.Link, new() { Name = p.Titel, Exact = true }).ClickAsync();
            Assert.Equal(site.Url($"projekte/{p.Slug}/"), page.Url);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(p.Titel);
            var facts = page.Locator(".faktenbox");
            await Assertions.Expect(facts).ToBeVisibleAsync();
            foreach (var f in p.Handlungsfelder)
            {
                await Assertions.Expect(facts.GetByRole(AriaRole.Link, new() { Name = felder[f].Name, Exact = true })).ToBeVisibleAsync();
            }

            foreach (var k in p.Kommunen)
            {
                await Assertions.Expect(facts.GetByRole(AriaRole.Link, new() { Name = kommunen[k].Name, Exact = true }).First).ToBeVisibleAsync();
            }

            await Assertions.Expect(page.Locator(".kontakt")).ToContainTextAsync(p.Kontakt.Organisation);
            var bodyHeadings = BodyHeading().Matches(ContentLoader.ReadMarkdown(Path.Combine(site.ContentDir, "projekte", p.Slug + ".md"), new Transferkatalog.Diagnostics.DiagnosticBag())!.Body).Select(m => m.Groups[1].Value.Trim()).ToList();
            Assert.NotEmpty(bodyHeadings);
            foreach (var h in bodyHeadings)
            {
                await Assertions.Expect(page.Locator(".markdown h2", new() { HasTextString = h })).ToBeVisibleAsync();
            }
        }
    }

    [Fact]
    public async Task Print_hides_navigation_and_filters_and_prints_facts_and_contact()
    {
        await using var tp = await site.OpenAsync();
        var page = tp.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var profile = site.Catalog.Profiles[0];
        await tp.GotoAsync($"projekte/{profile.Slug}/");
        foreach (var hidden in new[] { "header.kopf", ".hauptnavigation", "footer.fuss", ".brotkrumen", ".skip-link" })
        {
            await Assertions.Expect(page.Locator(hidden)).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".faktenbox")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".faktenbox dl")).ToContainTextAsync("Zuletzt aktualisiert");
        await Assertions.Expect(page.Locator(".kontakt")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".kontakt")).ToContainTextAsync(profile.Kontakt.Organisation);
        await Assertions.Expect(page.Locator(".druck-kopf")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".druck-kopf")).ToContainTextAsync(site.Url($"projekte/{profile.Slug}/"));

        // The same page on screen shows the navigation and hides the print-only header: the print rules did it.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await Assertions.Expect(page.Locator(".hauptnavigation")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".druck-kopf")).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await tp.GotoAsync("");
        await Assertions.Expect(page.Locator("#filter")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".filter-bereich")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.kopf")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#karten [data-karte]").First).ToBeVisibleAsync();

        // A real PDF comes out of the print path, without errors.
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 1000 && pdf[0] == (byte)'%' && pdf[1] == (byte)'P', "printing the catalogue did not produce a PDF");
    }

    [Fact]
    public async Task Screenshots_of_the_catalogue_at_desktop_and_phone_width()
    {
        Directory.CreateDirectory(site.ScreenshotDir);
        foreach (var (width, name) in new[] { (1280, "katalog-1280.png"), (360, "katalog-360.png") })
        {
            await using var tp = await site.OpenAsync(width: width, height: 900);
            await tp.GotoAsync("");
            var path = Path.Combine(site.ScreenshotDir, name);
            var bytes = await tp.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(bytes.Length > 10_000, $"{name} is suspiciously small");
        }

        await using (var filtered = await site.OpenAsync(width: 360, height: 900))
        {
            await filtered.GotoAsync(PageTypes.FilteredCatalogue(site));
            await filtered.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, "katalog-360-gefiltert.png") });
            await filtered.Page.EvaluateAsync("() => document.getElementById('ergebnis-titel').scrollIntoView()");
            await filtered.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, "katalog-360-ergebnisse.png") });
        }

        // The Kommune group as the script builds it, narrowed by a typed name.
        await using (var narrowed = await site.OpenAsync(width: 360, height: 900))
        {
            await narrowed.GotoAsync("");
            var catalog = new CatalogPage(narrowed.Page);
            await catalog.OpenGroupAsync("kommune");
            await catalog.Narrowing("kommune").FillAsync("bad");
            await Assertions.Expect(narrowed.Page.Locator("#filter-kommune-hinweis")).ToContainTextAsync("„bad“");
            await catalog.Group("kommune").ScrollIntoViewIfNeededAsync();
            await narrowed.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, "katalog-360-kommune-suchen.png") });
        }
    }

    private static async Task<SortedSet<string>> CardSlugsAsync(ILocator scope)
    {
        var hrefs = await scope.Locator("[data-karte] a[href*=\"/projekte/\"]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        return new SortedSet<string>(hrefs.Select(CatalogPage.SlugOf), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^##\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex BodyHeading();
}
