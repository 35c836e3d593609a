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

    /// <param name="htmlPaths">Output paths of the rendered HTML pages; 404.html is left out.</param>
    public static byte[] Build(Site site, IEnumerable<string> htmlPaths)
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

        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", Ns);
            foreach (var url in urls)
            {
                w.WriteStartElement("url", Ns);
                w.WriteElementString("loc", Ns, ExportUrls.Absolute(site, url));
                if (lastmod.TryGetValue(url, out var date))
                {
                    w.WriteElementString("lastmod", Ns, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>Allows everything and names the sitemap. Crawlers read robots.txt only at the host root, so under a sub-path it is advisory.</summary>
    public static byte[] Robots(Site site) =>
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {ExportUrls.Absolute(site, site.Urls.Local(Path))}\n");
}
