using System.Globalization;
using Transferkatalog.Output;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/daten/katalog.json: the registers of Handlungsfelder and Kommunen, then every profile's front matter with resolved names and absolute URLs, ordered by slug; the Markdown text stays on the profile page.</summary>
/// <remarks>A profile's record is <see cref="CatalogTable.JsonRecord"/>, from the same table as the CSV's columns.</remarks>
public static class CatalogJsonExport
{
    public const string Path = "daten/katalog.json";

    public static byte[] Build(Site site)
    {
        var root = new Dictionary<string, object?>
        {
            ["titel"] = site.Config.Titel,
            ["beschreibung"] = site.Config.Beschreibung,
            ["url"] = ExportUrls.Absolute(site, site.Urls.Home),
            ["anzahl"] = site.Profiles.Count,
            ["stand"] = CatalogTable.Modified(site).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["herausgeber"] = CatalogTable.Attribution(site),
            ["lizenz"] = new Dictionary<string, object?>
            {
                ["id"] = site.Config.Lizenz.Id,
                ["name"] = site.Config.Lizenz.Name,
                ["url"] = site.Config.Lizenz.Url,
                ["uri"] = site.Config.Lizenz.Uri,
            },
            ["handlungsfelder"] = site.Handlungsfelder.Select(f => new Dictionary<string, object?>
            {
                ["schluessel"] = f.Feld.Key,
                ["name"] = f.Feld.Name,
                ["beschreibung"] = f.Feld.Beschreibung,
                ["url"] = ExportUrls.Absolute(site, f.Url),
            }).ToList(),
            // Every Kommune of the register, as the site has a page for each; profiles name them by key and name.
            ["kommunen"] = site.Kommunen.Select(k => CatalogTable.KommuneObject(site, k.Kommune)).ToList(),
            ["projekte"] = CatalogTable.Rows(site).Select(p => CatalogTable.JsonRecord(site, p)).ToList(),
        };
        return JsonTree.ToUtf8Bytes(root);
    }
}
