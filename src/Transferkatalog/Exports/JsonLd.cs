using System.Globalization;
using System.Text.Json;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>schema.org JSON-LD for a profile page, encoded so that no content can close the surrounding script element.</summary>
public static class JsonLd
{
    // The default encoder escapes <, >, & and quotes as \uXXXX, so "</script>" in a title stays inert inside <script>.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

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

        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Project",
            ["@id"] = url + "#projekt",
            ["name"] = p.Titel,
            ["description"] = p.Kurzbeschreibung,
            ["url"] = url,
            ["areaServed"] = entry.Kommunen.Select(k => new Dictionary<string, object?>
            {
                ["@type"] = "AdministrativeArea",
                ["name"] = k.Name,
                ["url"] = ExportUrls.Absolute(site, site.Urls.Kommune(k.Key)),
            }).ToList(),
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
            data["keywords"] = string.Join(", ", entry.Handlungsfelder.Select(f => f.Name).Concat(p.Stichworte));
        }

        if (p.Seit is { } seit)
        {
            data["foundingDate"] = seit.ToString(CultureInfo.InvariantCulture);
        }

        if (entry.Federfuehrung is { } lead)
        {
            data["parentOrganization"] = new Dictionary<string, object?> { ["@type"] = "GovernmentOrganization", ["name"] = lead.Name };
        }

        return JsonSerializer.Serialize(data, Options);
    }
}
