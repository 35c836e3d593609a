using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Transferkatalog.Language;
using Transferkatalog.Search;

namespace Transferkatalog.BrowserTests;

/// <summary>
/// The Kreis and Kommune groups, whose checkboxes the script builds from a JSON file when the group opens: narrowing
/// by name, chosen options first, choices from the URL before the list exists, keyboard use, long lists.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class OptionListTests(SiteUnderTest site)
{
    private int Total => site.Catalog.Profiles.Count;

    [Fact]
    public async Task Typing_narrows_the_Kommune_list_folding_umlauts_and_chosen_Kommunen_stay_first()
    {
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var catalog = new CatalogPage(tp.Page);
        var hint = tp.Page.Locator("#filter-kommune-hinweis");

        // Nothing of the list is in the page until the group is opened.
        Assert.Empty(await catalog.OptionValuesAsync("kommune"));
        await catalog.OpenGroupAsync("kommune");
        Assert.Equal(AllKommunen(), Keys(await catalog.OptionValuesAsync("kommune")));

        // Typed without umlaut, as on a keyboard without them: "hoexter" finds Höxter (Kreis Höxter is in the Kreis group).
        var typed = "hoexter";
        var expected = Matching(typed);
        Assert.True(expected.Count >= 1, "sample content lost Höxter");
        await catalog.Narrowing("kommune").FillAsync(typed);
        await Assertions.Expect(hint).ToHaveTextAsync(expected.Count == 1 ? $"1 Kommune passt zu „{typed}“" : $"{expected.Count} Kommunen passen zu „{typed}“");
        Assert.Equal(Keys(expected), Keys(await catalog.OptionValuesAsync("kommune")));

        var pick = new Choice("kommune", expected[^1]);
        await catalog.SetAsync(pick, on: true);
        await AssertShowsAsync(catalog, [pick]);
        Assert.Equal([pick.Value], catalog.QueryChoices().Select(c => c.Value));

        // A chosen Kommune stays in view (first) whatever is typed, so it can always be unticked.
        await catalog.Narrowing("kommune").FillAsync("zzzz");
        await Assertions.Expect(hint).ToHaveTextAsync("Keine weitere Kommune passt zu „zzzz“.");
        Assert.Equal([pick.Value], await catalog.OptionValuesAsync("kommune"));
        await catalog.Narrowing("kommune").FillAsync("");
        await Assertions.Expect(hint).ToBeEmptyAsync();
        var all = await catalog.OptionValuesAsync("kommune");
        Assert.Equal(pick.Value, all[0]);
        Assert.Equal(site.OfferedKommunen.Count, all.Count);
        Assert.True(await catalog.Box(pick).IsCheckedAsync());

        // Reset clears the choice, the typed text and the order.
        await catalog.Narrowing("kommune").FillAsync(typed);
        await tp.Page.Locator("[data-zuruecksetzen]").ClickAsync();
        await Assertions.Expect(catalog.Counter).ToHaveTextAsync(new Regex($"^{Total} Projekte"));
        await Assertions.Expect(catalog.Narrowing("kommune")).ToHaveValueAsync("");
        await Assertions.Expect(tp.Page.Locator("#filter-kommune .optionen li")).ToHaveCountAsync(site.OfferedKommunen.Count);
        Assert.Equal(AllKommunen(), Keys(await catalog.OptionValuesAsync("kommune")));
        Assert.Empty(await catalog.CheckedAsync());
    }

    [Fact]
    public async Task A_Kommune_choice_in_the_url_filters_before_the_list_is_loaded_and_is_listed_first_once_it_is()
    {
        var (a, b) = TwoKommunen();

        // The list never arrives: the choice from the URL (here as a comma list) must filter all the same.
        await using (var blocked = await site.OpenAsync())
        {
            await blocked.Page.RouteAsync("**/suche/optionen/**", route => route.AbortAsync());
            await blocked.GotoAsync($"?kommune={a},{b}");
            var catalog = new CatalogPage(blocked.Page);
            await AssertShowsAsync(catalog, [new("kommune", a), new("kommune", b)]);
            await Assertions.Expect(blocked.Page.Locator("[data-auswahl=kommune]")).ToHaveTextAsync("(2 gewählt)");
            await Assertions.Expect(blocked.Page.Locator("#filter-kommune-hinweis")).ToContainTextAsync("konnte nicht geladen werden");
        }

        await using var tp = await site.OpenAsync();
        await tp.GotoAsync($"?kommune={b}&kommune={a}");
        var page = new CatalogPage(tp.Page);
        await AssertShowsAsync(page, [new("kommune", a), new("kommune", b)]);
        Assert.Equal([new("kommune", a), new("kommune", b)], await page.CheckedAsync());
        var listed = await page.OptionValuesAsync("kommune");
        Assert.Equal([b, a], listed.Take(2));
        Assert.Equal(site.OfferedKommunen.Count, listed.Count);

        await page.SetAsync(new("kommune", b), on: false);
        await AssertShowsAsync(page, [new("kommune", a)]);
        Assert.Equal([new Choice("kommune", a)], page.QueryChoices());
    }

    [Fact]
    public async Task Keyboard_opens_the_Kommune_group_types_a_name_and_ticks_the_match()
    {
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var catalog = new CatalogPage(tp.Page);
        var kommune = site.OfferedKommunen.First(k => Matching(k.Name).Count == 1);

        await catalog.Group("kommune").Locator("summary").FocusAsync();
        await tp.Page.Keyboard.PressAsync("Enter");
        await catalog.OptionsReadyAsync();
        await tp.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("filter-kommune-suche", await ActiveIdAsync(tp.Page));
        await AssertOutlineAsync(tp.Page);
        await tp.Page.Keyboard.TypeAsync(kommune.Name);
        await Assertions.Expect(tp.Page.Locator("#filter-kommune-hinweis")).ToHaveTextAsync($"1 Kommune passt zu „{kommune.Name}“");

        await tp.Page.Keyboard.PressAsync("Tab");
        Assert.Equal($"f-kommune-{kommune.Key}", await ActiveIdAsync(tp.Page));
        await AssertOutlineAsync(tp.Page);
        await tp.Page.Keyboard.PressAsync("Space");
        await AssertShowsAsync(catalog, [new("kommune", kommune.Key)]);
        await Assertions.Expect(tp.Page.Locator("[data-auswahl=kommune]")).ToHaveTextAsync("(1 gewählt)");

        // Enter in the search box must not leave the page or lose the choice.
        await tp.Page.Keyboard.PressAsync("Shift+Tab");
        await tp.Page.Keyboard.PressAsync("Enter");
        await AssertShowsAsync(catalog, [new("kommune", kommune.Key)]);
        Assert.Equal([new Choice("kommune", kommune.Key)], catalog.QueryChoices());
    }

    [Fact]
    public async Task A_long_list_shows_its_first_hundred_and_the_rest_on_request()
    {
        // The sample has 90 Kommunen; a register of 1,000 stands in for a large catalogue's.
        var options = Enumerable.Range(0, 1000).Select(i => new object[] { $"ort-{i:0000}", i % 10 == 0 ? $"Münster {i:0000}" : $"Ort {i:0000}", 1 }).ToList();
        await using var tp = await site.OpenAsync();
        await tp.Page.RouteAsync("**/suche/optionen/kommune.json", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(options),
        }));
        await tp.GotoAsync("");
        var catalog = new CatalogPage(tp.Page);
        var hint = tp.Page.Locator("#filter-kommune-hinweis");
        var more = tp.Page.Locator("#filter-kommune [data-optionen-mehr] button");

        await catalog.OpenGroupAsync("kommune");
        Assert.Equal(100, (await catalog.OptionValuesAsync("kommune")).Count);
        await Assertions.Expect(hint).ToHaveTextAsync("1.000 Kommunen. Die Liste zeigt die ersten 100; geben Sie einen Namen ein, um sie einzugrenzen.");
        await Assertions.Expect(more).ToHaveTextAsync("Weitere 900 Kommunen anzeigen");

        await catalog.Narrowing("kommune").FillAsync("muenster");
        await Assertions.Expect(hint).ToHaveTextAsync("100 Kommunen passen zu „muenster“");
        await Assertions.Expect(more).ToBeHiddenAsync();
        await catalog.Narrowing("kommune").FillAsync("ort");
        await Assertions.Expect(hint).ToHaveTextAsync("900 Kommunen passen zu „ort“. Die Liste zeigt die ersten 100; geben Sie einen Namen ein, um sie einzugrenzen.");
        await Assertions.Expect(more).ToHaveTextAsync("Weitere 800 Kommunen anzeigen");

        await more.FocusAsync();
        await tp.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tp.Page.Locator("#filter-kommune .optionen li")).ToHaveCountAsync(900);
        await Assertions.Expect(more).ToBeHiddenAsync();

        // The button is gone; focus moved to the first option that was added, not to the top of the page.
        Assert.Equal("f-kommune-ort-0112", await ActiveIdAsync(tp.Page));
    }

    // The page lists Kommunen in the site's order (by name); these compare the sets.
    private List<string> AllKommunen() => Keys(site.OfferedKommunen.Select(k => k.Key));

    private static List<string> Keys(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    private List<string> Matching(string typed)
    {
        var words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SearchText.Fold).ToList();
        return site.OfferedKommunen
            .Where(k => words.All(w => SearchText.Fold(k.Name).Contains(w, StringComparison.Ordinal)))
            .Select(k => k.Key)
            .ToList();
    }

    /// <summary>Two Kommunen whose projects differ, so that choosing both shows more than either alone.</summary>
    private (string A, string B) TwoKommunen()
    {
        var c = site.Catalog;
        var keys = site.OfferedKommunen.Select(k => k.Key).ToList();
        foreach (var a in keys)
        {
            foreach (var b in keys.Where(k => string.CompareOrdinal(k, a) > 0))
            {
                var both = ExpectedFilter.Slugs(c, [new("kommune", a), new("kommune", b)]).Count;
                if (both < c.Profiles.Count && both > ExpectedFilter.Slugs(c, [new("kommune", a)]).Count && both > ExpectedFilter.Slugs(c, [new("kommune", b)]).Count)
                {
                    return (a, b);
                }
            }
        }

        Assert.Fail("sample content has no two Kommunen with different projects");
        return default;
    }

    private Task AssertShowsAsync(CatalogPage catalog, IReadOnlyList<Choice> chosen) => catalog.AssertShowsAsync(site.Catalog, chosen);

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");

    private static async Task AssertOutlineAsync(IPage page)
    {
        var width = await page.EvaluateAsync<double>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth); }");
        Assert.True(width >= 2, $"focused element has no visible outline ({width}px)");
    }
}
