using System.Text.Json;
using Microsoft.Playwright;

namespace Transferkatalog.BrowserTests;

/// <summary>The catalogue with the keyboard alone: skip link, every filter reachable and operable, focus always visible.</summary>
[Collection(SiteCollection.Name)]
public sealed class KeyboardTests(SiteUnderTest site)
{
    private const string FocusProbe = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const s = getComputedStyle(e);
          const r = e.getBoundingClientRect();
          const d = e.closest('details');
          return {
            tag: e.tagName.toLowerCase(), type: e.type || '', id: e.id || '', name: e.name || '', value: e.value || '',
            checked: !!e.checked, text: (e.textContent || '').trim().slice(0, 60),
            outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
            width: r.width, height: r.height, inForm: !!e.closest('#filter'),
            detailsOpen: d ? d.open : null
          };
        }
        """;

    [Fact]
    public async Task Every_filter_is_reachable_and_operable_by_keyboard_with_visible_focus()
    {
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var page = tp.Page;
        var catalog = new CatalogPage(page);
        // Kreis and Kommune have no boxes until their group opens: expect one per register entry on top of the rest.
        var allBoxes = (await page.EvalOnSelectorAllAsync<string[]>("#filter input[type=checkbox]", "bs => bs.map(b => b.id)"))
            .Concat(site.OfferedKreise.Select(k => $"f-kreis-{k.Key}"))
            .Concat(site.OfferedKommunen.Select(k => $"f-kommune-{k.Key}"))
            .ToList();
        var summaries = await page.Locator("#filter summary").CountAsync();
        Assert.NotEmpty(allBoxes);

        // First Tab: the skip link, visible on focus, and it moves focus to the main content.
        await page.Keyboard.PressAsync("Tab");
        var first = await ProbeAsync(page);
        Assert.NotNull(first);
        Assert.Equal("a", first.Tag);
        Assert.Contains("Zum Inhalt", first.Text, StringComparison.Ordinal);
        AssertVisibleFocus(first);
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"), "skip link is off-screen when focused");

        var reachedBoxes = new HashSet<string>(StringComparer.Ordinal);
        var reachedSummaries = 0;
        var reachedNarrowing = new List<string>();
        var operatedGroups = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<Choice>();
        var resetOperated = false;
        var seen = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var f = await ProbeAsync(page);
            if (f is null)
            {
                break; // focus left the document after the last element
            }

            var key = $"{f.Tag}#{f.Id}:{f.Name}={f.Value}:{f.Text}";
            if (seen.Contains(key))
            {
                break; // wrapped around
            }

            seen.Add(key);
            AssertVisibleFocus(f);
            if (!f.InForm)
            {
                continue;
            }

            if (f.Tag == "summary")
            {
                reachedSummaries++;
                if (f.DetailsOpen == false)
                {
                    // A collapsed group opens with Enter, like any disclosure widget.
                    await page.Keyboard.PressAsync("Enter");
                    Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('details').open"), "Enter on a filter group's summary did not open it");
                    await catalog.OptionsReadyAsync();
                }
            }
            else if (f.Tag == "input" && f.Type == "checkbox")
            {
                reachedBoxes.Add(f.Id);
                if (f.Name is "handlungsfeld" or "kommune" && operatedGroups.Add(f.Name))
                {
                    await page.Keyboard.PressAsync("Space");
                    chosen.Add(new Choice(f.Name, f.Value));
                    Assert.True(await page.Locator($"#{f.Id}").IsCheckedAsync(), $"Space did not tick {f.Id}");
                    var expected = ExpectedFilter.Slugs(site.Catalog, chosen);
                    await Assertions.Expect(catalog.Counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
                        "^" + CatalogPage.CountPrefix(expected.Count, site.Catalog.Profiles.Count)));
                    Assert.True(expected.SetEquals(await catalog.VisibleSlugsAsync()), $"keyboard choice {string.Join(", ", chosen)} shows the wrong cards");
                }
            }
            else if (f.Tag == "input" && f.Type == "search")
            {
                reachedNarrowing.Add(f.Id);
            }
            else if (f.Tag == "button" && f.Type == "reset")
            {
                Assert.NotEmpty(chosen);
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(catalog.Counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{site.Catalog.Profiles.Count} "));
                Assert.Empty(await catalog.CheckedAsync());
                resetOperated = true;
            }
        }

        Assert.Equal(summaries, reachedSummaries);
        Assert.Equal(["filter-kreis-suche", "filter-kommune-suche"], reachedNarrowing);
        Assert.Equal(allBoxes.Order(StringComparer.Ordinal), reachedBoxes.Order(StringComparer.Ordinal));
        Assert.Equal(["handlungsfeld", "kommune"], operatedGroups.Order(StringComparer.Ordinal));
        Assert.True(resetOperated, "the reset button was never reached by Tab");
    }

    [Fact]
    public async Task Skip_link_moves_focus_to_main_on_every_page_type()
    {
        await using var tp = await site.OpenAsync();
        foreach (var path in PageTypes.Representative(site))
        {
            await tp.GotoAsync(path);
            await tp.Page.Keyboard.PressAsync("Tab");
            await tp.Page.Keyboard.PressAsync("Enter");
            var focused = await tp.Page.EvaluateAsync<string>("() => document.activeElement.id");
            Assert.True(focused == "inhalt", $"{path}: skip link led focus to '{focused}', not main#inhalt");
        }
    }

    private static void AssertVisibleFocus(Focus f) =>
        Assert.True(
            f.OutlineStyle != "none" && f.OutlineWidth >= 2 && f.Width > 0 && f.Height > 0,
            $"focused <{f.Tag}> '{f.Id}{f.Text}' has no visible focus indicator (outline {f.OutlineStyle} {f.OutlineWidth}px, box {f.Width}x{f.Height})");

    private static async Task<Focus?> ProbeAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement?>(FocusProbe);
        return json is { ValueKind: JsonValueKind.Object } j ? j.Deserialize<Focus>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) : null;
    }

    private sealed record Focus(
        string Tag, string Type, string Id, string Name, string Value, bool Checked, string Text,
        string OutlineStyle, double OutlineWidth, double Width, double Height, bool InForm, bool? DetailsOpen);
}
