using Microsoft.Playwright;

namespace Transferkatalog.BrowserTests;

/// <summary>The catalogue filters in Chromium: exact card sets, count and live region, URL state, reload, reset.</summary>
[Collection(SiteCollection.Name)]
public sealed class FilterTests(SiteUnderTest site)
{
    private int Total => site.Catalog.Profiles.Count;

    [Fact]
    public async Task Every_single_Handlungsfeld_and_Kommune_choice_shows_exactly_its_profiles()
    {
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var catalog = new CatalogPage(tp.Page);
        var choices = site.Catalog.Handlungsfelder.Select(f => new Choice("handlungsfeld", f.Key))
            .Concat(site.OfferedKommunen.Select(k => new Choice("kommune", k.Key)))
            .ToList();
        foreach (var choice in choices)
        {
            await catalog.SetAsync(choice, on: true);
            await AssertShowsAsync(catalog, [choice]);
            await catalog.SetAsync(choice, on: false);
            await AssertShowsAsync(catalog, []);
        }
    }

    [Fact]
    public async Task Or_within_a_group_and_across_groups_url_follows_reload_restores_reset_clears()
    {
        var (felder, kommunen) = DiscriminatingSelection();
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var catalog = new CatalogPage(tp.Page);
        var liveRegion = await catalog.Counter.ElementHandleAsync();
        Assert.Equal("polite", await liveRegion.GetAttributeAsync("aria-live"));
        Assert.Equal("status", await liveRegion.GetAttributeAsync("role"));
        var before = await liveRegion.TextContentAsync();

        var chosen = new List<Choice>();
        foreach (var c in felder.Concat(kommunen))
        {
            await catalog.SetAsync(c, on: true);
            chosen.Add(c);
            await AssertShowsAsync(catalog, chosen);
        }

        // The same element must change: screen readers announce changes to a live region, not a replacement node.
        Assert.True(await liveRegion.EvaluateAsync<bool>("e => e.isConnected"), "the live region was replaced instead of updated");
        Assert.NotEqual(before, await liveRegion.TextContentAsync());
        var expected = ExpectedFilter.Slugs(site.Catalog, chosen);
        Assert.StartsWith(CatalogPage.CountPrefix(expected.Count, Total), await liveRegion.TextContentAsync());

        var sorted = Sorted(chosen);
        Assert.Equal(sorted, catalog.QueryChoices());
        var urlWithState = tp.Page.Url;

        await tp.Page.ReloadAsync();
        Assert.Equal(urlWithState, tp.Page.Url);
        Assert.Equal(sorted, await catalog.CheckedAsync());
        await AssertShowsAsync(catalog, chosen);

        // A shared link opens in the same state in a fresh browser.
        await using (var other = await site.OpenAsync())
        {
            await other.Page.GotoAsync(urlWithState);
            var otherCatalog = new CatalogPage(other.Page);
            Assert.Equal(sorted, await otherCatalog.CheckedAsync());
            await AssertShowsAsync(otherCatalog, chosen);
        }

        await tp.Page.Locator("[data-zuruecksetzen]").ClickAsync();
        await Assertions.Expect(catalog.Counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{Total} Projekte"));
        Assert.Empty(await catalog.CheckedAsync());
        Assert.Empty(catalog.QueryChoices());
        Assert.Equal(ExpectedFilter.Slugs(site.Catalog, []), await catalog.VisibleSlugsAsync());
    }

    [Fact]
    public async Task Back_undoes_filter_changes_one_by_one_and_stays_on_the_catalogue()
    {
        var (felder, kommunen) = DiscriminatingSelection();
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var start = tp.Page.Url;
        var catalog = new CatalogPage(tp.Page);
        var steps = new List<List<Choice>> { new() };
        foreach (var c in new[] { felder[0], kommunen[0] })
        {
            await catalog.SetAsync(c, on: true);
            steps.Add([.. steps[^1], c]);
            await AssertShowsAsync(catalog, steps[^1]);
        }

        // Each Back goes one filter change back, with the boxes and cards of that state; the last one is the start.
        for (var i = steps.Count - 2; i >= 0; i--)
        {
            await tp.Page.GoBackAsync();
            await AssertShowsAsync(catalog, steps[i]);
            Assert.Equal(Sorted(steps[i]), await catalog.CheckedAsync());
            Assert.Equal(Sorted(steps[i]), catalog.QueryChoices());
        }

        Assert.Equal(start, tp.Page.Url);
        await tp.Page.GoForwardAsync();
        await AssertShowsAsync(catalog, steps[1]);
    }

    [Fact]
    public async Task A_choice_nothing_matches_says_so_and_shows_no_card()
    {
        var empty = site.Catalog.Handlungsfelder
            .SelectMany(f => site.OfferedKommunen.Select(k => new[] { new Choice("handlungsfeld", f.Key), new Choice("kommune", k.Key) }))
            .FirstOrDefault(pair => ExpectedFilter.Slugs(site.Catalog, pair).Count == 0
                && pair.All(c => ExpectedFilter.Slugs(site.Catalog, [c]).Count > 0));
        Assert.True(empty is not null, "sample content has no Handlungsfeld/Kommune pair without a common profile");
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var catalog = new CatalogPage(tp.Page);
        foreach (var c in empty)
        {
            await catalog.SetAsync(c, on: true);
        }

        Assert.Empty(await catalog.VisibleSlugsAsync());
        await Assertions.Expect(catalog.Counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^0 von {Total} "));
        await Assertions.Expect(tp.Page.Locator("[data-keine-treffer]")).ToBeVisibleAsync();
    }

    private Task AssertShowsAsync(CatalogPage catalog, IReadOnlyList<Choice> chosen) => catalog.AssertShowsAsync(site.Catalog, chosen);

    /// <summary>
    /// Two Handlungsfelder whose union is larger than either (so OR is visible) and two Kommunen that, ANDed with them,
    /// cut the set down without emptying it (so AND is visible).
    /// </summary>
    private (List<Choice> Felder, List<Choice> Kommunen) DiscriminatingSelection()
    {
        var c = site.Catalog;
        var felder = c.Handlungsfelder.Select(f => new Choice("handlungsfeld", f.Key)).ToList();
        var kommunen = site.OfferedKommunen.Select(k => new Choice("kommune", k.Key)).ToList();
        foreach (var f1 in felder)
        {
            foreach (var f2 in felder.Where(f => string.CompareOrdinal(f.Value, f1.Value) > 0))
            {
                var one = ExpectedFilter.Slugs(c, [f1]);
                var two = ExpectedFilter.Slugs(c, [f2]);
                var union = ExpectedFilter.Slugs(c, [f1, f2]);
                if (one.Count == 0 || two.Count == 0 || union.Count == one.Count || union.Count == two.Count)
                {
                    continue;
                }

                foreach (var k1 in kommunen)
                {
                    foreach (var k2 in kommunen.Where(k => string.CompareOrdinal(k.Value, k1.Value) > 0))
                    {
                        var all = ExpectedFilter.Slugs(c, [f1, f2, k1, k2]);
                        if (all.Count > 0 && all.Count < union.Count
                            && ExpectedFilter.Slugs(c, [f1, f2, k1]).Count < all.Count)
                        {
                            return ([f1, f2], [k1, k2]);
                        }
                    }
                }
            }
        }

        Assert.Fail("sample content offers no filter combination that tells OR from AND; add profiles to content/projekte");
        return default;
    }

    private static List<Choice> Sorted(IEnumerable<Choice> choices) =>
        choices.OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
}
