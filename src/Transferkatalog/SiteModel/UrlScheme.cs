namespace Transferkatalog.SiteModel;

/// <summary>Every URL of the site in one place, so the base path is honoured everywhere.</summary>
public sealed class UrlScheme
{
    /// <param name="baseUrl">Where the site is served: an absolute http(s) address, or only a path such as "/" or "/katalog/".</param>
    /// <param name="originFrom">
    /// When <paramref name="baseUrl"/> is only a path (`--base-url /`): the address whose scheme and host complete it,
    /// i.e. basis_url from site.yml. Canonical links, JSON-LD, feed, sitemap and open data then all use the same origin
    /// instead of some being relative and others absolute.
    /// </param>
    public UrlScheme(string baseUrl, string? originFrom = null)
    {
        BaseUrl = baseUrl;
        if (IsHttpUrl(baseUrl, out var uri))
        {
            BasePath = NormalizePath(uri.AbsolutePath);
            Origin = uri.GetLeftPart(UriPartial.Authority);
        }
        else
        {
            BasePath = NormalizePath(baseUrl);
            Origin = IsHttpUrl(originFrom, out var fallback) ? fallback.GetLeftPart(UriPartial.Authority) : string.Empty;
        }
    }

    private static bool IsHttpUrl(string? s, out Uri uri) =>
        Uri.TryCreate(s, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The configured base URL as given, e.g. https://org.github.io/transferkatalog/.</summary>
    public string BaseUrl { get; }

    /// <summary>Scheme and host of the base URL, or empty when only a path was configured.</summary>
    public string Origin { get; }

    /// <summary>Path prefix of every internal link, always starting and ending with '/'.</summary>
    public string BasePath { get; }

    public string Home => Local(Routes.Home);

    public string Profile(string slug) => Local(Routes.Profile(slug));

    public string HandlungsfelderIndex => Local(Routes.HandlungsfelderIndex);

    public string Handlungsfeld(string key) => Local(Routes.Handlungsfeld(key));

    public string KommunenIndex => Local(Routes.KommunenIndex);

    public string Kommune(string key) => Local(Routes.Kommune(key));

    public string Page(string slug) => Local(Routes.Page(slug));

    public string Asset(string name) => $"{BasePath}assets/{name}";

    /// <summary>Any site-relative path (no leading slash) under the base path.</summary>
    public string Local(string relative) => BasePath + relative.TrimStart('/');

    /// <summary>Absolute URL for canonical links and feeds; falls back to the path when no host is configured.</summary>
    public string Absolute(string sitePath) => Origin + sitePath;

    /// <summary>The file in the output folder that serves a URL path under the base path, or null when outside it.</summary>
    public string? OutputPathFor(string urlPath)
    {
        if (!urlPath.StartsWith(BasePath, StringComparison.Ordinal))
        {
            return null;
        }

        return Routes.OutputPath(urlPath[BasePath.Length..]);
    }

    private static string NormalizePath(string path)
    {
        var trimmed = path.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : $"/{trimmed}/";
    }
}
