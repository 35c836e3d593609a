using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Transferkatalog.Content;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/daten/katalog.json: every profile's front matter with resolved names and absolute URLs, ordered by slug; the Markdown text stays on the profile page.</summary>
public static class CatalogJsonExport
{
    public const string Path = "daten/katalog.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        // Compact: with thousands of profiles indentation alone would add megabytes.
        WriteIndented = false,
    };

    public static byte[] Build(Site site)
    {
        var kommunen = site.Kommunen.ToDictionary(k => k.Kommune.Key, k => k.Kommune, StringComparer.Ordinal);
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
            ["projekte"] = site.Profiles
                .OrderBy(p => p.Profile.Slug, StringComparer.Ordinal)
                .Select(p => ProfileObject(site, p, kommunen))
                .ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(root, Options);
    }

    private static Dictionary<string, object?> ProfileObject(Site site, ProfileEntry entry, Dictionary<string, Kommune> kommunen)
    {
        var p = entry.Profile;
        return new Dictionary<string, object?>
        {
            ["slug"] = p.Slug,
            ["url"] = ExportUrls.Absolute(site, entry.Url),
            ["titel"] = p.Titel,
            ["kurzbeschreibung"] = p.Kurzbeschreibung,
            ["handlungsfelder"] = entry.Handlungsfelder.Select(f => new Dictionary<string, object?>
            {
                ["schluessel"] = f.Key,
                ["name"] = f.Name,
                ["url"] = ExportUrls.Absolute(site, site.Urls.Handlungsfeld(f.Key)),
            }).ToList(),
            ["kommunen"] = entry.Kommunen.Select(k => KommuneObject(site, k, kommunen)).ToList(),
            ["federfuehrung"] = entry.Federfuehrung is { } lead ? KommuneObject(site, lead, kommunen) : null,
            ["status"] = p.Status,
            ["seit"] = p.Seit,
            ["stichworte"] = p.Stichworte,
            ["beteiligte"] = p.Beteiligte,
            ["rechtsform"] = p.Rechtsform,
            ["finanzierung"] = p.Finanzierung,
            ["foerderung"] = p.Foerderung is { } f
                ? new Dictionary<string, object?> { ["programm"] = f.Programm, ["betrag_eur"] = f.BetragEur, ["zeitraum"] = f.Zeitraum }
                : null,
            ["kontakt"] = new Dictionary<string, object?>
            {
                ["organisation"] = p.Kontakt.Organisation,
                ["name"] = p.Kontakt.Name,
                ["email"] = p.Kontakt.Email,
                ["telefon"] = p.Kontakt.Telefon,
                ["url"] = p.Kontakt.Url,
            },
            ["links"] = p.Links.Select(l => new Dictionary<string, object?> { ["titel"] = l.Titel, ["url"] = l.Url }).ToList(),
            ["transfer"] = p.Transfer is { } t
                ? new Dictionary<string, object?> { ["uebertragbarkeit"] = t.Uebertragbarkeit, ["aufwand"] = t.Aufwand, ["voraussetzungen"] = t.Voraussetzungen }
                : null,
            ["nachnutzung"] = entry.Nachnutzer.Select(n => new Dictionary<string, object?>
            {
                ["kommune"] = KommuneObject(site, n.Kommune, kommunen),
                ["seit"] = n.Entry.Seit,
                ["hinweis"] = n.Entry.Hinweis,
            }).ToList(),
            ["sucht"] = CatalogTable.OpenSearch(site, entry) is { } sucht
                ? new Dictionary<string, object?>
                {
                    ["wen"] = Search.CatalogDataBuilder.OpenSucht(site, entry),
                    ["anliegen"] = sucht.Hinweis,
                    ["bis"] = sucht.Bis.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }
                : null,
            ["verwandt"] = CatalogTable.Verwandt(site, entry).Select(v => new Dictionary<string, object?>
            {
                ["slug"] = v.Profile.Slug,
                ["titel"] = v.Profile.Titel,
                ["url"] = ExportUrls.Absolute(site, v.Url),
            }).ToList(),
            ["aktualisiert"] = p.Aktualisiert.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private static Dictionary<string, object?> KommuneObject(Site site, Kommune k, Dictionary<string, Kommune> kommunen) => new()
    {
        ["schluessel"] = k.Key,
        ["name"] = k.Name,
        ["typ"] = k.Typ,
        ["ags"] = k.Ags,
        ["kreis"] = k.Kreis is { } kreis && kommunen.TryGetValue(kreis, out var kr) ? kr.Name : null,
        ["url"] = ExportUrls.Absolute(site, site.Urls.Kommune(k.Key)),
    };
}
