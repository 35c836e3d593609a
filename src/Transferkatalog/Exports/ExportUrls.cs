using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>Absolute URLs for files read outside the site (feeds, sitemaps, open data), which must not be relative.</summary>
public static class ExportUrls
{
    /// <summary>Scheme and host from the effective base URL, else from basis_url in site.yml (when --base-url gave only a path); the same as canonical links use.</summary>
    public static string Origin(Site site) => site.Urls.Origin;

    /// <summary>An absolute URL for a site path that already starts with the base path.</summary>
    public static string Absolute(Site site, string sitePath) => Origin(site) + sitePath;
}
