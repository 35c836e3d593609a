using System.Globalization;
using System.Text.Json;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>schema.org JSON-LD for a profile page, encoded so that no content can close the surrounding script element.</summary>
public static class JsonLd
{
    // Every JavaScriptEncoder escapes <, >, & and quotes as \uXXXX, so "</script>" in a title stays inert inside
    // <script>; allowing all ranges keeps umlauts as they are (5 bytes fewer each, a few dozen per page).
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string ForProfile(Site site, ProfileEntry entry)
    {
        var p = entry.Profile;
        var url = ExportUrls.Absolute(site, entry.Url);
        var contact = new Dictionary<string, object?>
        {
            ["@type"] = "ContactPoint",
            ["name"] = p.Kontakt.Organisation,
        };
        if (p.Kontakt.Email is not null)
        {
            contact["email"] = p.Kontakt.Email;
        }

        if (p.Kontakt.Telefon is not null)
        {
            contact["telephone"] = p.Kontakt.Telefon;
        }

        if (p.Kontakt.Url is not null)
        {
            contact["url"] = p.Kontakt.Url;
        }

        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Project",
            ["@id"] = url + "#projekt",
            ["name"] = p.Titel,
            ["description"] = p.Kurzbeschreibung,
            ["url"] = url,
            ["areaServed"] = entry.Kommunen.Select(Area).ToList(),
            ["contactPoint"] = contact,
            ["mainEntityOfPage"] = new Dictionary<string, object?>
            {
                ["@type"] = "WebPage",
                ["@id"] = url,
                ["dateModified"] = p.Aktualisiert.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["inLanguage"] = site.Config.Sprache,
            },
        };
        if (p.Stichworte.Count > 0 || entry.Handlungsfelder.Count > 0)
        {
            // A list, not one comma-joined text: names such as "Klimaschutz, Mobilität & Umwelt" contain commas themselves.
            data["keywords"] = entry.Handlungsfelder.Select(f => f.Name).Concat(p.Stichworte).Distinct(StringComparer.Ordinal).ToList();
        }

        if (p.Seit is { } seit)
        {
            data["foundingDate"] = seit.ToString(CultureInfo.InvariantCulture);
        }

        if (entry.Federfuehrung is { } lead)
        {
            data["parentOrganization"] = new Dictionary<string, object?> { ["@type"] = "GovernmentOrganization", ["name"] = lead.Name };
        }

        if (p.Foerderung is { } foerderung)
        {
            // The programme is what the source names; who runs it is often not given, so the funder is the programme itself.
            var funder = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = foerderung.Programm };
            data["funder"] = funder;
            if (foerderung.BetragEur is { } betrag)
            {
                data["funding"] = new Dictionary<string, object?>
                {
                    ["@type"] = "Grant",
                    ["name"] = foerderung.Programm,
                    ["amount"] = new Dictionary<string, object?> { ["@type"] = "MonetaryAmount", ["currency"] = "EUR", ["value"] = betrag },
                };
            }
        }

        return JsonSerializer.Serialize(data, Options);
    }

    /// <summary>A Kommune as schema.org AdministrativeArea, with its Amtlicher Gemeindeschlüssel so the data joins official registers.</summary>
    /// <remarks>
    /// No url: schema.org's url is the area's own address, not this catalogue's page about it; the page links that
    /// page, and katalog.json has it. It was the largest part of the JSON-LD (about 75 bytes per Kommune).
    /// </remarks>
    private static Dictionary<string, object?> Area(Content.Kommune k)
    {
        var area = new Dictionary<string, object?>
        {
            ["@type"] = "AdministrativeArea",
            ["name"] = k.Name,
        };
        if (k.Ags is { } ags)
        {
            area["identifier"] = new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["propertyID"] = "AGS", ["value"] = ags };
            area["sameAs"] = Dcat.Geocoding(k);
        }

        return area;
    }
}
