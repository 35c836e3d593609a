using System.Globalization;
using System.Text;
using System.Xml;
using Transferkatalog.Content;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/daten/dcat.rdf: the catalogue described in DCAT-AP.de (RDF/XML), so open data portals such as GovData and Open.NRW can harvest it.</summary>
/// <remarks>
/// One dcat:Dataset (the catalogue's data) with a dcat:Distribution per download, publisher, contact point, licence from the
/// DCAT-AP.de licence vocabulary with its attribution text, modified date from content and spatial coverage from the
/// Amtliche Gemeindeschlüssel in kommunen.yml (DCAT-AP.de political geocoding URIs). RDF/XML because the DCAT-AP.de
/// harvesters read it; written with XmlWriter, so every value is escaped. A portal assigns its own dcatde:contributorID
/// on registration; it cannot be known here.
/// </remarks>
public static class Dcat
{
    public const string Path = "daten/dcat.rdf";

    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string DcatNs = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string Foaf = "http://xmlns.com/foaf/0.1/";
    private const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    private const string DcatDe = "http://dcat-ap.de/def/dcatde/";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    private const string FileType = "http://publications.europa.eu/resource/authority/file-type/";
    private const string GeocodingBase = "http://dcat-ap.de/def/politicalGeocoding/";

    /// <summary>The downloads, as (path, title, EU file type, IANA media type).</summary>
    private static readonly (string Path, string Title, string Format, string MediaType)[] Distributions =
    [
        (CatalogJsonExport.Path, "Alle Steckbriefe als JSON", "JSON", "application/json"),
        (CatalogCsvExport.Path, "Alle Steckbriefe als CSV (RFC 4180, UTF-8)", "CSV", "text/csv"),
        (CatalogXlsxExport.Path, "Alle Steckbriefe als Tabelle (Excel, .xlsx)", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (FeedExport.Path, "Zuletzt geprüfte Steckbriefe als Atom-Feed", "ATOM", "application/atom+xml"),
    ];

    /// <summary>The DCAT-AP.de political geocoding URI of a Kommune's Amtlicher Gemeindeschlüssel: districtKey for a Kreis, municipalityKey otherwise.</summary>
    public static string? Geocoding(Kommune kommune) => kommune.Ags switch
    {
        null => null,
        { Length: 5 } ags => GeocodingBase + "districtKey/" + ags,
        var ags => GeocodingBase + "municipalityKey/" + ags,
    };

    public static byte[] Build(Site site)
    {
        var home = ExportUrls.Absolute(site, site.Urls.Home);
        var modified = CatalogTable.Modified(site).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var licence = site.Config.Lizenz;
        var publisher = home + "#herausgeber";
        var dataset = home + "#daten";
        var impressum = site.Pages.FirstOrDefault(p => p.Page.Slug == "impressum");

        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rdf", "RDF", Rdf);
            w.WriteAttributeString("xmlns", "dcat", null, DcatNs);
            w.WriteAttributeString("xmlns", "dct", null, Dct);
            w.WriteAttributeString("xmlns", "foaf", null, Foaf);
            w.WriteAttributeString("xmlns", "vcard", null, Vcard);
            w.WriteAttributeString("xmlns", "dcatde", null, DcatDe);

            w.WriteStartElement("dcat", "Catalog", DcatNs);
            About(w, home + "#katalog");
            Text(w, "dct", "title", Dct, site.Config.Titel);
            Text(w, "dct", "description", Dct, site.Config.Beschreibung);
            Resource(w, "dct", "publisher", Dct, publisher);
            Resource(w, "foaf", "homepage", Foaf, home);
            Resource(w, "dct", "language", Dct, "http://publications.europa.eu/resource/authority/language/DEU");
            Resource(w, "dct", "license", Dct, licence.Uri);
            Date(w, "modified", modified);
            Resource(w, "dcat", "dataset", DcatNs, dataset);
            w.WriteEndElement();

            w.WriteStartElement("dcat", "Dataset", DcatNs);
            About(w, dataset);
            Text(w, "dct", "title", Dct, site.Config.Titel);
            Text(w, "dct", "description", Dct, site.Config.Beschreibung);
            w.WriteElementString("dct", "identifier", Dct, dataset);
            Resource(w, "dct", "publisher", Dct, publisher);
            Resource(w, "dcatde", "maintainer", DcatDe, publisher);
            Resource(w, "dcat", "landingPage", DcatNs, home);
            Resource(w, "dcat", "theme", DcatNs, "http://publications.europa.eu/resource/authority/data-theme/GOVE");
            Resource(w, "dct", "accessRights", Dct, "http://publications.europa.eu/resource/authority/access-right/PUBLIC");
            Date(w, "modified", modified);
            foreach (var keyword in site.Handlungsfelder.Select(f => f.Feld.Name).Prepend("Interkommunale Zusammenarbeit"))
            {
                Text(w, "dcat", "keyword", DcatNs, keyword);
            }

            WriteContactPoint(w, site, impressum is null ? home : ExportUrls.Absolute(site, impressum.Url));
            foreach (var uri in Coverage(site))
            {
                Resource(w, "dct", "spatial", Dct, uri);
                Resource(w, "dcatde", "politicalGeocodingURI", DcatDe, uri);
            }

            foreach (var d in Distributions)
            {
                Resource(w, "dcat", "distribution", DcatNs, ExportUrls.Absolute(site, site.Urls.Local(d.Path)));
            }

            w.WriteEndElement();

            foreach (var d in Distributions)
            {
                var url = ExportUrls.Absolute(site, site.Urls.Local(d.Path));
                w.WriteStartElement("dcat", "Distribution", DcatNs);
                About(w, url);
                Text(w, "dct", "title", Dct, d.Title);
                Resource(w, "dcat", "accessURL", DcatNs, url);
                Resource(w, "dcat", "downloadURL", DcatNs, url);
                Resource(w, "dct", "format", Dct, FileType + d.Format);
                Resource(w, "dcat", "mediaType", DcatNs, "https://www.iana.org/assignments/media-types/" + d.MediaType);
                Resource(w, "dct", "license", Dct, licence.Uri);
                Text(w, "dcatde", "licenseAttributionByText", DcatDe, CatalogTable.Attribution(site));
                Date(w, "modified", modified);
                w.WriteEndElement();
            }

            w.WriteStartElement("foaf", "Organization", Foaf);
            About(w, publisher);
            w.WriteElementString("foaf", "name", Foaf, CatalogTable.Attribution(site));
            Resource(w, "foaf", "homepage", Foaf, home);
            w.WriteEndElement();

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>The data's spatial coverage: every Kommune taking part in a profile, by its own key or, lacking one, its Kreis's; in URI order.</summary>
    private static IEnumerable<string> Coverage(Site site) => site.Kommunen
        .Where(k => k.OwnProfiles.Count > 0)
        .Select(k => Geocoding(k.Kommune) ?? (k.Kreis is { } kreis ? Geocoding(kreis) : null))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal);

    private static void WriteContactPoint(XmlWriter w, Site site, string url)
    {
        w.WriteStartElement("dcat", "contactPoint", DcatNs);
        w.WriteStartElement("vcard", "Organization", Vcard);
        w.WriteElementString("vcard", "fn", Vcard, CatalogTable.Attribution(site));
        Resource(w, "vcard", "hasURL", Vcard, url);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void About(XmlWriter w, string uri) => w.WriteAttributeString("rdf", "about", Rdf, uri);

    private static void Resource(XmlWriter w, string prefix, string name, string ns, string uri)
    {
        w.WriteStartElement(prefix, name, ns);
        w.WriteAttributeString("rdf", "resource", Rdf, uri);
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string prefix, string name, string ns, string text)
    {
        w.WriteStartElement(prefix, name, ns);
        w.WriteAttributeString("xml", "lang", null, "de");
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static void Date(XmlWriter w, string name, string date)
    {
        w.WriteStartElement("dct", name, Dct);
        w.WriteAttributeString("rdf", "datatype", Rdf, Xsd + "date");
        w.WriteString(date);
        w.WriteEndElement();
    }
}
