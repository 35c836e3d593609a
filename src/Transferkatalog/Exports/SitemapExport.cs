using System.Globalization;
using System.Text;
using System.Xml;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/sitemap.xml and /robots.txt, so search engines find every page including profiles only reachable through filters.</summary>
public static class SitemapExport
{
    public const string Path = "sitemap.xml";

    public const string RobotsPath = "robots.txt";

    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The sitemap protocol's limit per file; search engines reject a larger sitemap as a whole.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>
    /// sitemap.xml, or — above <paramref name="urlsPerFile"/> pages, reached near 44,000 profiles — sitemap.xml as a
    /// sitemap index of sitemap-1.xml, sitemap-2.xml, …, so robots.txt and anyone who knows the address keep using it.
    /// </summary>
    /// <param name="htmlPaths">Output paths of the rendered HTML pages; 404.html is left out.</param>
    public static IReadOnlyList<Output.OutputFile> Build(Site site, IEnumerable<string> htmlPaths, int urlsPerFile = MaxUrlsPerFile)
    {
        // A list page changes when a profile it lists changes, so it carries the newest date of those profiles.
        var lastmod = site.Profiles.ToDictionary(p => p.Url, p => p.Profile.Aktualisiert, StringComparer.Ordinal);
        if (site.Profiles.Count > 0)
        {
            lastmod[site.Urls.Home] = CatalogTable.Modified(site);
        }

        foreach (var feld in site.Handlungsfelder.Where(f => f.Profiles.Count > 0))
        {
            lastmod[feld.Url] = feld.Profiles.Max(p => p.Profile.Aktualisiert);
        }

        foreach (var kommune in site.Kommunen.Where(k => k.OwnProfiles.Count + k.MemberProfiles.Count + k.AdoptedProfiles.Count > 0))
        {
            lastmod[kommune.Url] = kommune.OwnProfiles.Concat(kommune.MemberProfiles).Concat(kommune.AdoptedProfiles).Max(p => p.Profile.Aktualisiert);
        }
        var urls = htmlPaths
            .Where(p => p != Routes.NotFound)
            .Select(p => site.Urls.Local(Routes.Location(p)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(u => u, StringComparer.Ordinal)
            .ToList();

        if (urls.Count <= urlsPerFile)
        {
            return [new Output.OutputFile(Path, UrlSet(site, urls, lastmod))];
        }

        var files = new List<Output.OutputFile>();
        var parts = urls.Chunk(urlsPerFile).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            files.Add(new Output.OutputFile(PartPath(i + 1), UrlSet(site, parts[i], lastmod)));
        }

        files.Insert(0, new Output.OutputFile(Path, Index(site, parts, lastmod)));
        return files;
    }

    /// <summary>Output path of the n-th part (from 1) when the sitemap is split.</summary>
    public static string PartPath(int n) => $"sitemap-{n.ToString(CultureInfo.InvariantCulture)}.xml";

    private static byte[] UrlSet(Site site, IReadOnlyList<string> urls, Dictionary<string, DateOnly> lastmod) => Xml(w =>
    {
        w.WriteStartElement("urlset", Ns);
        foreach (var url in urls)
        {
            w.WriteStartElement("url", Ns);
            w.WriteElementString("loc", Ns, ExportUrls.Absolute(site, url));
            if (lastmod.TryGetValue(url, out var date))
            {
                w.WriteElementString("lastmod", Ns, Day(date));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    private static byte[] Index(Site site, List<string[]> parts, Dictionary<string, DateOnly> lastmod) => Xml(w =>
    {
        w.WriteStartElement("sitemapindex", Ns);
        for (var i = 0; i < parts.Count; i++)
        {
            w.WriteStartElement("sitemap", Ns);
            w.WriteElementString("loc", Ns, ExportUrls.Absolute(site, site.Urls.Local(PartPath(i + 1))));
            var dates = parts[i].Select(u => lastmod.TryGetValue(u, out var d) ? d : (DateOnly?)null).OfType<DateOnly>().ToList();
            if (dates.Count > 0)
            {
                w.WriteElementString("lastmod", Ns, Day(dates.Max()));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Xml(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>Allows everything and names the sitemap. Crawlers read robots.txt only at the host root, so under a sub-path it is advisory.</summary>
    public static byte[] Robots(Site site) =>
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {ExportUrls.Absolute(site, site.Urls.Local(Path))}\n");
}
