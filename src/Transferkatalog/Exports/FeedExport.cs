using System.Globalization;
using System.Text;
using System.Xml;
using Transferkatalog.Language;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/feed.xml: an Atom feed of the most recently updated profiles; dates come from content, never from the clock.</summary>
public static class FeedExport
{
    public const string Path = "feed.xml";

    /// <summary>Entries in the feed: readers only want what changed lately, not the whole catalogue.</summary>
    public const int MaxEntries = 50;

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>/partnersuche/feed.xml: the open partner searches, newest first.</summary>
    public const string PartnerPath = "partnersuche/feed.xml";

    public static byte[] Build(Site site) => Build(site, site.Profiles, Path, site.Config.Titel, site.Config.Beschreibung, site.Urls.Home);

    /// <summary>The feed of open partner searches (sucht), by the date of the profile's last review.</summary>
    public static byte[] BuildPartnersuche(Site site) => Build(
        site,
        site.Profiles.Where(p => p.Profile.Sucht?.IsOpen(site.ReferenceDate) == true).ToList(),
        PartnerPath,
        $"{site.Config.Titel}: Partnersuche",
        "Projekte, die Partner für die Zusammenarbeit oder Kommunen zur Nachnutzung suchen",
        site.Urls.Local("partnersuche/"));

    private static byte[] Build(Site site, IReadOnlyList<ProfileEntry> profiles, string path, string title, string subtitle, string alternate)
    {
        var entries = profiles
            .OrderByDescending(p => p.Profile.Aktualisiert)
            .ThenBy(p => p.Profile.Slug, StringComparer.Ordinal)
            .Take(MaxEntries)
            .ToList();
        var home = ExportUrls.Absolute(site, alternate);
        var updated = entries.Count > 0 ? entries[0].Profile.Aktualisiert : new DateOnly(2000, 1, 1);

        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Atom);
            w.WriteAttributeString("xml", "lang", null, site.Config.Sprache);
            w.WriteElementString("title", Atom, title);
            w.WriteElementString("subtitle", Atom, subtitle);
            w.WriteElementString("id", Atom, home);
            Link(w, "self", ExportUrls.Absolute(site, site.Urls.Local(path)), "application/atom+xml");
            Link(w, "alternate", home, "text/html");
            Link(w, "license", site.Config.Lizenz.Url, "text/html");
            w.WriteElementString("rights", Atom, $"{site.Config.Lizenz.Name} ({site.Config.Lizenz.Url}), {CatalogTable.Attribution(site)}");
            w.WriteElementString("updated", Atom, Timestamp(updated));
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, site.Config.Betreiber ?? site.Config.Titel);
            w.WriteEndElement();
            foreach (var entry in entries)
            {
                var p = entry.Profile;
                var url = ExportUrls.Absolute(site, entry.Url);
                w.WriteStartElement("entry", Atom);
                w.WriteElementString("title", Atom, p.Titel);
                w.WriteElementString("id", Atom, url);
                Link(w, "alternate", url, "text/html");
                w.WriteElementString("updated", Atom, Timestamp(p.Aktualisiert));
                w.WriteElementString("summary", Atom, p.Sucht is { } sucht && path == PartnerPath ? $"{GermanFormat.SuchtText(sucht.Wen)} (bis {GermanFormat.Date(sucht.Bis)}): {sucht.Hinweis}" : p.Kurzbeschreibung);
                foreach (var f in entry.Handlungsfelder)
                {
                    w.WriteStartElement("category", Atom);
                    w.WriteAttributeString("term", f.Key);
                    w.WriteAttributeString("label", f.Name);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", Atom);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
