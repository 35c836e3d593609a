using Microsoft.Playwright;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.BrowserTests;

/// <summary>
/// The sample site with every profile copied nine times (70 profiles): more than one catalogue page holds, so the
/// script filters and searches with the data files (filter lists, card chunks) instead of the cards in the page.
/// </summary>
public sealed class PagedSiteUnderTest : SiteUnderTest
{
    public const int Copies = 9;

    protected override TestCatalog CreateCatalog()
    {
        var catalog = base.CreateCatalog();
        var folder = Path.Combine(catalog.Content, "projekte");
        foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal).ToList())
        {
            var text = File.ReadAllText(file);
            for (var i = 1; i <= Copies; i++)
            {
                // Same text, so the copies only warn as possible duplicates; a build with warnings is published.
                catalog.WithProfile($"{Path.GetFileNameWithoutExtension(file)}-kopie-{i}", text);
            }
        }

        return catalog;
    }
}

/// <summary>Filters and search on a paged catalogue in Chromium: exact card sets built from the data files, card texts, URL state, Back.</summary>
public sealed class PagedCatalogTests(PagedSiteUnderTest site) : IClassFixture<PagedSiteUnderTest>
{
    /// <summary>Results katalog.js draws at a time (PAGE there).</summary>
    private const int Batch = 20;

    [Fact]
    public async Task Filters_on_a_paged_catalogue_show_exactly_their_profiles_from_the_data_files()
    {
        Assert.True(site.Catalog.Profiles.Count > 50, "the variant must need more than one catalogue page");
        using (var names = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.SiteDir, "suche", "namen.json"))))
        {
            // The Kommune lists fill more than one file, so finding a value's file is exercised too.
            Assert.True(names.RootElement.GetProperty("filter").GetProperty("kommune").GetArrayLength() > 1);
        }

        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var catalog = new CatalogPage(tp.Page);
        Assert.Null(await tp.Page.Locator("#karten").GetAttributeAsync("data-vollstaendig"));
        var start = tp.Page.Url;

        var choices = site.Catalog.Handlungsfelder.Select(f => new Choice("handlungsfeld", f.Key))
            .Concat(site.OfferedKommunen.Select(k => new Choice("kommune", k.Key)))
            .Concat(site.OfferedKreise.Select(k => new Choice("kreis", k.Key)))
            .Where(c => ExpectedFilter.Slugs(site.Catalog, [c]).Count > 0)
            .ToList();
        foreach (var choice in choices)
        {
            await catalog.SetAsync(choice, on: true);
            await ShowsAllAsync(tp.Page, catalog, [choice]);
            await catalog.SetAsync(choice, on: false);
        }

        // OR within a group, AND across groups, as a shared link opens them.
        var kommunen = site.OfferedKommunen.Take(2).Select(k => new Choice("kommune", k.Key)).ToList();
        var feld = new Choice("handlungsfeld", site.Catalog.Profiles.First(p => p.Kommunen.Contains(kommunen[0].Value)).Handlungsfelder[0]);
        List<Choice> chosen = [.. kommunen, feld];
        await tp.Page.GotoAsync(site.Url("?" + string.Join("&", chosen.Select(c => $"{c.Group}={c.Value}"))));
        await ShowsAllAsync(tp.Page, catalog, chosen);

        // An unknown value matches nothing, and no request fails for it.
        await tp.Page.GotoAsync(site.Url("?kommune=gibt-es-nicht"));
        await Assertions.Expect(catalog.Counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^0 von {site.Catalog.Profiles.Count} "));

        // Back to the unfiltered start: the page's own cards and page links again.
        await tp.Page.GotoAsync(start);
        await Assertions.Expect(tp.Page.Locator("[data-seiten]")).ToBeVisibleAsync();
        Assert.Equal(50, (await catalog.VisibleSlugsAsync()).Count);
        Assert.Empty(tp.Failures);
    }

    [Fact]
    public async Task Cards_built_from_the_data_files_show_the_same_facts_as_the_page_renders()
    {
        var profile = site.Catalog.Profiles.First(p => p.Kommunen.Count > 1);
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("?q=" + Uri.EscapeDataString(profile.Titel));

        // The count changes when the page's own cards are taken away, before the results are drawn.
        await Assertions.Expect(new CatalogPage(tp.Page).Counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^[0-9]+ von {site.Catalog.Profiles.Count} "));
        var card = tp.Page.Locator($"#karten [data-karte]:has(a[href$='/projekte/{profile.Slug}/'])");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        var names = site.Catalog.Kommunen.ToDictionary(k => k.Key, k => k.Name, StringComparer.Ordinal);
        var felder = site.Catalog.Handlungsfelder.ToDictionary(f => f.Key, f => f.Name, StringComparer.Ordinal);
        Assert.Equal(profile.Kommunen.Select(k => names[k]), await card.Locator("dd ul").Nth(1).Locator("li").AllTextContentsAsync());
        Assert.Equal(profile.Handlungsfelder.Select(f => felder[f]), await card.Locator("dd ul").Nth(0).Locator("li").AllTextContentsAsync());
        Assert.Equal(profile.Kurzbeschreibung, await card.Locator(".karte-text").TextContentAsync());

        // The card the generator renders for the same profile (on its Handlungsfeld's page) names the same Kommunen.
        await tp.GotoAsync($"handlungsfelder/{profile.Handlungsfelder[0]}/");
        var server = tp.Page.Locator($".karte:has(a[href$='/projekte/{profile.Slug}/'])").First;
        Assert.Equal(profile.Kommunen.Select(k => names[k]), await server.Locator("dd ul").Nth(1).Locator("li").AllTextContentsAsync());
        Assert.Empty(tp.Failures);
    }

    [Fact]
    public async Task Axe_finds_no_wcag_a_or_aa_violation_on_later_pages_of_the_catalogue_and_of_a_handlungsfeld_nor_on_results()
    {
        // The Handlungsfeld with the most profiles: in this variant it needs a second page.
        var feld = site.Catalog.Handlungsfelder.MaxBy(f => site.Catalog.Profiles.Count(p => p.Handlungsfelder.Contains(f.Key)))!;
        var kommune = site.OfferedKommunen[0].Key;
        foreach (var path in new[] { "katalog/2/", $"handlungsfelder/{feld.Key}/2/", $"?kommune={kommune}" })
        {
            await using var tp = await site.OpenAsync();
            await tp.GotoAsync(path);
            if (path.StartsWith('?'))
            {
                await Assertions.Expect(tp.Page.Locator("#karten [data-karte]").First).ToBeVisibleAsync();
            }
            else
            {
                await Assertions.Expect(tp.Page.Locator("nav.seitennavigation a[aria-current='page']")).ToHaveTextAsync("2");
            }

            await tp.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = site.AxeSource });
            var result = await tp.Page.EvaluateAsync<System.Text.Json.JsonElement>(AccessibilityTests.RunAxe);
            var violations = result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.True(violations.Count == 0, $"{path}: axe violations:\n" + string.Join("\n", violations));
            Assert.True(result.GetProperty("passes").GetInt32() > 0);
            Assert.Empty(tp.Failures);
        }
    }

    /// <summary>Waits for the count, shows every result batch with "Weitere Projekte anzeigen", then compares with the content.</summary>
    private async Task ShowsAllAsync(IPage page, CatalogPage catalog, IReadOnlyList<Choice> chosen)
    {
        var expected = ExpectedFilter.Slugs(site.Catalog, chosen);
        await Assertions.Expect(catalog.Counter).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(CatalogPage.CountPrefix(expected.Count, site.Catalog.Profiles.Count))));
        // The count is shown when the page's own cards are gone; the first batch of results follows when its card
        // chunks have arrived, and only then does the button for the next batch appear.
        var shownCards = page.Locator("#karten [data-karte]");
        await Assertions.Expect(shownCards).ToHaveCountAsync(Math.Min(expected.Count, Batch));
        var more = page.Locator("[data-mehr]");
        while (await shownCards.CountAsync() < expected.Count)
        {
            var before = await shownCards.CountAsync();
            await more.ClickAsync();
            await Assertions.Expect(shownCards).ToHaveCountAsync(Math.Min(expected.Count, before + Batch));
        }

        await Assertions.Expect(page.Locator("#karten [data-karte]")).ToHaveCountAsync(expected.Count);
        var shown = await catalog.VisibleSlugsAsync();
        Assert.True(expected.SetEquals(shown), $"filter {string.Join(", ", chosen)}: expected [{string.Join(", ", expected)}] but the page shows [{string.Join(", ", shown)}]");
    }
}
