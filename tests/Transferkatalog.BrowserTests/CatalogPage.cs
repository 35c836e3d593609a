using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Transferkatalog.Content;

namespace Transferkatalog.BrowserTests;

/// <summary>A filter choice: group name as in the URL query (handlungsfeld, kreis, kommune, status) and the value.</summary>
public sealed record Choice(string Group, string Value);

/// <summary>Which profiles a filter selection must show, computed from the content model alone, not from the page.</summary>
public static class ExpectedFilter
{
    /// <summary>OR within a group, AND across groups; an empty selection shows everything.</summary>
    public static SortedSet<string> Slugs(Catalog catalog, IEnumerable<Choice> choices)
    {
        var byGroup = choices.GroupBy(c => c.Group, StringComparer.Ordinal).ToList();
        var kommunen = catalog.Kommunen.ToDictionary(k => k.Key, StringComparer.Ordinal);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in catalog.Profiles)
        {
            if (byGroup.All(g => g.Any(c => Values(p, g.Key, kommunen).Contains(c.Value))))
            {
                result.Add(p.Slug);
            }
        }

        return result;
    }

    private static IEnumerable<string> Values(Profile p, string group, Dictionary<string, Kommune> kommunen) => group switch
    {
        "handlungsfeld" => p.Handlungsfelder,
        "kommune" => p.Kommunen,
        "status" => [p.Status],
        // A profile belongs to a Kreis when the Kreis itself or one of its towns takes part.
        "kreis" => p.Kommunen.Select(k => kommunen[k]).Select(k => k.IsKreis ? k.Key : k.Kreis).OfType<string>(),
        "sucht" => p.Sucht?.Wen ?? [],
        _ => throw new ArgumentException($"unknown filter group {group}", nameof(group)),
    };
}

/// <summary>The catalogue page as a user sees it: filter controls, visible cards, the count, the URL.</summary>
public sealed class CatalogPage(IPage page)
{
    public IPage Page => page;

    public ILocator Counter => page.Locator("#trefferzahl");

    /// <summary>Slugs of the cards a user can see, read from their links.</summary>
    public async Task<SortedSet<string>> VisibleSlugsAsync()
    {
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>(
            "#karten [data-karte]",
            "cards => cards.filter(c => c.offsetParent !== null && c.getClientRects().length > 0).map(c => c.querySelector('a[href]').getAttribute('href'))");
        return new SortedSet<string>(hrefs.Select(SlugOf), StringComparer.Ordinal);
    }

    public static string SlugOf(string href)
    {
        var parts = href.TrimEnd('/').Split('/');
        Assert.True(parts.Length >= 2 && parts[^2] == "projekte", $"card link {href} is not a profile URL");
        return parts[^1];
    }

    public ILocator Box(Choice c) => page.Locator($"#filter input[type=checkbox][name=\"{c.Group}\"][value=\"{c.Value}\"]");

    /// <summary>The filter group of a query name, e.g. kommune: its details element.</summary>
    public ILocator Group(string name) => page.Locator($"#filter details:has(> fieldset#filter-{name})");

    /// <summary>The narrowing box of a group whose options the script builds (Kreis, Kommune).</summary>
    public ILocator Narrowing(string name) => page.Locator($"#filter-{name}-suche");

    /// <summary>Values of the options a group lists, in the order shown.</summary>
    public async Task<List<string>> OptionValuesAsync(string name) =>
        [.. await page.EvalOnSelectorAllAsync<string[]>($"#filter-{name} .optionen input[type=checkbox]", "bs => bs.map(b => b.value)")];

    /// <summary>Opens a group with a click on its summary unless it is open, and waits until its options are there.</summary>
    public async Task OpenGroupAsync(string name)
    {
        var details = Group(name);
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }

        await OptionsReadyAsync();
    }

    /// <summary>Waits until every open group whose options the script fetches has built them.</summary>
    public Task OptionsReadyAsync() => page.WaitForFunctionAsync(
        "() => [...document.querySelectorAll('#filter details[data-optionen][open]')].every(d => !d.querySelector('[aria-busy=\"true\"]'))");

    /// <summary>Ticks or unticks a box the way a mouse user does: open its group if collapsed, click the label.</summary>
    public async Task SetAsync(Choice c, bool on)
    {
        await OpenGroupAsync(c.Group);
        var box = Box(c);
        Assert.Equal(1, await box.CountAsync());
        if (await box.IsCheckedAsync() != on)
        {
            var id = await box.GetAttributeAsync("id");
            await page.Locator($"label[for=\"{id}\"]").ClickAsync();
        }

        Assert.Equal(on, await box.IsCheckedAsync());
    }

    public async Task<List<Choice>> CheckedAsync()
    {
        await OptionsReadyAsync();
        var pairs = await page.EvalOnSelectorAllAsync<string[][]>(
            "#filter input[type=checkbox]:checked", "boxes => boxes.map(b => [b.name, b.value])");
        return pairs.Select(p => new Choice(p[0], p[1])).OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>The filter choices the URL query carries.</summary>
    public List<Choice> QueryChoices()
    {
        var query = QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        return query
            .Where(q => q.Key is "handlungsfeld" or "kreis" or "kommune" or "status" or "sucht")
            .SelectMany(q => q.Value.Select(v => new Choice(q.Key, v!)))
            .OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Waits for the count of a selection, then compares the visible cards with what the content says.</summary>
    public async Task AssertShowsAsync(Catalog catalog, IReadOnlyList<Choice> chosen)
    {
        var expected = ExpectedFilter.Slugs(catalog, chosen);
        await Assertions.Expect(Counter).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(CountPrefix(expected.Count, catalog.Profiles.Count))));
        var shown = await VisibleSlugsAsync();
        Assert.True(expected.SetEquals(shown), $"filter {string.Join(", ", chosen)}: expected [{string.Join(", ", expected)}] but the page shows [{string.Join(", ", shown)}]");
    }

    /// <summary>The count text the page must show for n of total visible cards.</summary>
    public static string CountPrefix(int shown, int total) => shown == total ? $"{total} " : $"{shown} von {total} ";
}
