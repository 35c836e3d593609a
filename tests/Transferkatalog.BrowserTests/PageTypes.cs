namespace Transferkatalog.BrowserTests;

/// <summary>Site paths to visit: one of each page type, or every generated page plus the filtered catalogue.</summary>
public static class PageTypes
{
    /// <summary>A filtered catalogue URL whose selection shows some but not all cards.</summary>
    public static string FilteredCatalogue(SiteUnderTest site)
    {
        var c = site.Catalog;
        var feld = c.Handlungsfelder
            .Select(f => f.Key)
            .First(k => ExpectedFilter.Slugs(c, [new Choice("handlungsfeld", k)]).Count is var n && n > 0 && n < c.Profiles.Count);
        return $"?handlungsfeld={Uri.EscapeDataString(feld)}";
    }

    /// <summary>Catalogue, filtered catalogue, profile, overview pages, Handlungsfeld, Kreis, town, plain page, 404.</summary>
    public static IReadOnlyList<string> Representative(SiteUnderTest site)
    {
        var c = site.Catalog;
        var usedKommunen = c.Profiles.SelectMany(p => p.Kommunen).ToHashSet(StringComparer.Ordinal);
        var kreis = c.Kommunen.First(k => k.IsKreis && usedKommunen.Contains(k.Key));
        var town = c.Kommunen.First(k => !k.IsKreis && usedKommunen.Contains(k.Key));
        var feld = c.Profiles[0].Handlungsfelder[0];
        var paths = new List<string>
        {
            "",
            FilteredCatalogue(site),
            $"projekte/{c.Profiles[0].Slug}/",
            "handlungsfelder/",
            $"handlungsfelder/{feld}/",
            "kommunen/",
            $"kommunen/{kreis.Key}/",
            $"kommunen/{town.Key}/",
        };
        Assert.True(c.Pages.Count > 0, "sample content has no plain page in content/seiten");
        paths.Add($"seiten/{c.Pages[0].Slug}/");
        paths.Add("404.html");
        foreach (var p in paths.Where(p => !p.StartsWith('?')))
        {
            Assert.Contains(p, site.HtmlPages);
        }

        return paths;
    }

    /// <summary>Every generated HTML page, plus the catalogue with a filter applied.</summary>
    public static IReadOnlyList<string> All(SiteUnderTest site) => [.. site.HtmlPages, FilteredCatalogue(site)];
}
