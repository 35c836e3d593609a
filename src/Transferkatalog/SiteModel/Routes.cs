namespace Transferkatalog.SiteModel;

/// <summary>The route table: where every page of the site lives, relative to the base path, and the one rule that maps a location to its file.</summary>
/// <remarks>
/// A location is a folder ("projekte/abc/", "" for the home page) or a file ("404.html"). A folder is served by its
/// index.html; <see cref="OutputPath"/> and <see cref="Location"/> are the only places that know this, so URLs
/// (<see cref="UrlScheme"/>), output paths (the page kinds in Rendering), the sitemap, the link check and the preview
/// cannot disagree.
/// </remarks>
public static class Routes
{
    /// <summary>The file that serves a folder location.</summary>
    public const string IndexFile = "index.html";

    public const string Home = "";

    public const string HandlungsfelderIndex = "handlungsfelder/";

    public const string KommunenIndex = "kommunen/";

    public const string NotFound = "404.html";

    /// <summary>Catalogue page <paramref name="number"/>; the first is the home page.</summary>
    public static string Catalog(int number) => number <= 1 ? Home : $"katalog/{number}/";

    public static string Profile(string slug) => $"projekte/{slug}/";

    public static string Handlungsfeld(string key) => $"handlungsfelder/{key}/";

    /// <summary>Page <paramref name="number"/> of a Handlungsfeld's cards; the first is the Handlungsfeld's page itself.</summary>
    public static string Handlungsfeld(string key, int number) => number <= 1 ? Handlungsfeld(key) : $"handlungsfelder/{key}/{number}/";

    public static string Kommune(string key) => $"kommunen/{key}/";

    /// <summary>A plain page from content/seiten/.</summary>
    public static string Page(string slug) => $"seiten/{slug}/";

    /// <summary>The partner search page, of all searches or of one kind (partner, nachnutzer).</summary>
    public static string Partnersuche(string? wen) => wen is null ? "partnersuche/" : $"partnersuche/{wen}/";

    /// <summary>The file in the output folder that serves a location: a folder's index.html, a file itself.</summary>
    public static string OutputPath(string location) => location.Length == 0 || location.EndsWith('/') ? location + IndexFile : location;

    /// <summary>The location an output file is served at: the folder of an index.html, any other file itself.</summary>
    public static string Location(string outputPath) =>
        outputPath == IndexFile ? Home : outputPath.EndsWith("/" + IndexFile, StringComparison.Ordinal) ? outputPath[..^IndexFile.Length] : outputPath;
}
