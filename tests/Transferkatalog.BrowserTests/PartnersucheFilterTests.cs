using Microsoft.Playwright;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.BrowserTests;

/// <summary>The sample site with two running partner searches, one looking for partners, one for both.</summary>
public sealed class PartnersucheSiteUnderTest : SiteUnderTest
{
    // The real content has no real request; these are test data only, far in the future so they never expire.
    protected override TestCatalog CreateCatalog() => base.CreateCatalog()
        .WithField("digitalboard-owl", Search("[partner]"))
        .WithField("smart-region-strategie-kreis-warendorf", Search("[nachnutzer, partner]"));

    private static string Search(string wen) => $"sucht:\n  wen: {wen}\n  anliegen: \"Testanfrage\"\n  bis: 2099-12-31";
}

/// <summary>The Partnersuche filter group in Chromium: exact card sets, URL state, Back, combination with another group.</summary>
public sealed class PartnersucheFilterTests(PartnersucheSiteUnderTest site) : IClassFixture<PartnersucheSiteUnderTest>
{
    [Fact]
    public async Task Sucht_filters_exactly_its_profiles_keeps_its_state_in_the_url_and_back_undoes_it()
    {
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("");
        var start = tp.Page.Url;
        var catalog = new CatalogPage(tp.Page);
        Assert.Equal(["partner", "nachnutzer"], await catalog.OptionValuesAsync("sucht"));
        await Assertions.Expect(tp.Page.Locator("label[for=f-sucht-partner]")).ToHaveTextAsync("sucht Partner (2)");
        await Assertions.Expect(tp.Page.Locator("label[for=f-sucht-nachnutzer]")).ToHaveTextAsync("sucht Nachnutzer (1)");

        var nachnutzer = new Choice("sucht", "nachnutzer");
        var partner = new Choice("sucht", "partner");
        await catalog.SetAsync(nachnutzer, on: true);
        await catalog.AssertShowsAsync(site.Catalog, [nachnutzer]);
        Assert.Equal([nachnutzer], catalog.QueryChoices());
        await catalog.SetAsync(partner, on: true);
        await catalog.AssertShowsAsync(site.Catalog, [nachnutzer, partner]);
        Assert.Equal(2, ExpectedFilter.Slugs(site.Catalog, [nachnutzer, partner]).Count);

        // AND across groups: the status of one searching profile.
        var status = new Choice("status", site.Catalog.Profiles.First(p => p.Sucht is not null).Status);
        await catalog.SetAsync(status, on: true);
        await catalog.AssertShowsAsync(site.Catalog, [nachnutzer, partner, status]);

        await tp.Page.GoBackAsync();
        await catalog.AssertShowsAsync(site.Catalog, [nachnutzer, partner]);
        await tp.Page.GoBackAsync();
        await catalog.AssertShowsAsync(site.Catalog, [nachnutzer]);
        Assert.Equal([nachnutzer], await catalog.CheckedAsync());
        await tp.Page.GoBackAsync();
        await catalog.AssertShowsAsync(site.Catalog, []);
        Assert.Equal(start, tp.Page.Url);

        // A shared link opens filtered.
        await tp.Page.GotoAsync(site.Url("?sucht=partner"));
        await catalog.AssertShowsAsync(site.Catalog, [partner]);
        Assert.Equal([partner], await catalog.CheckedAsync());
    }

    [Fact]
    public async Task Axe_finds_no_wcag_a_or_aa_violation_with_the_group_chosen_and_badges_shown()
    {
        await using var tp = await site.OpenAsync();
        await tp.GotoAsync("?sucht=partner");
        var catalog = new CatalogPage(tp.Page);
        await catalog.AssertShowsAsync(site.Catalog, [new Choice("sucht", "partner")]);
        Assert.Equal(2, await tp.Page.Locator(".karte:not([hidden]) .sucht").CountAsync());
        await tp.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = site.AxeSource });
        var result = await tp.Page.EvaluateAsync<System.Text.Json.JsonElement>(AccessibilityTests.RunAxe);
        var violations = result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, "axe violations:\n" + string.Join("\n", violations));
        Assert.True(result.GetProperty("passes").GetInt32() > 0);
    }
}
