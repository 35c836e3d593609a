using System.Globalization;
using System.Text.Json;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>schema.org JSON-LD for a profile page, encoded so that no content can close the surrounding script element.</summary>
public static class JsonLd
{
    // Every JavaScriptEncoder escapes <, >, & and quotes as \uXXXX, so "</script>" in a title stays inert inside
    // <script>; allowing all ranges keeps umlauts as they are (5 bytes fewer each, a few dozen per page).
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Indented = false,
    };

    // Written straight to a writer rather than serialised from dictionaries of objects: one per profile page, and the
    // serializer's per-value type dispatch cost more than the writing.
    public static string ForProfile(Site site, ProfileEntry entry)
    {
        var p = entry.Profile;
        var url = ExportUrls.Absolute(site, entry.Url);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "Project");
            w.WriteString("@id", url + "#projekt");
            w.WriteString("name", p.Titel);
            w.WriteString("description", p.Kurzbeschreibung);
            w.WriteString("url", url);
            w.WriteStartArray("areaServed");
            foreach (var k in entry.Kommunen)
            {
                WriteArea(w, k);
            }

            w.WriteEndArray();
            w.WriteStartObject("contactPoint");
            w.WriteString("@type", "ContactPoint");
            w.WriteString("name", p.Kontakt.Organisation);
            WriteIfSet(w, "email", p.Kontakt.Email);
            WriteIfSet(w, "telephone", p.Kontakt.Telefon);
            WriteIfSet(w, "url", p.Kontakt.Url);
            w.WriteEndObject();
            w.WriteStartObject("mainEntityOfPage");
            w.WriteString("@type", "WebPage");
            w.WriteString("@id", url);
            w.WriteString("dateModified", p.Aktualisiert.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("inLanguage", site.Config.Sprache);
            w.WriteEndObject();
            if (p.Stichworte.Count > 0 || entry.Handlungsfelder.Count > 0)
            {
                // A list, not one comma-joined text: names such as "Klimaschutz, Mobilität & Umwelt" contain commas themselves.
                w.WriteStartArray("keywords");
                foreach (var keyword in entry.Handlungsfelder.Select(f => f.Name).Concat(p.Stichworte).Distinct(StringComparer.Ordinal))
                {
                    w.WriteStringValue(keyword);
                }

                w.WriteEndArray();
            }

            if (p.Seit is { } seit)
            {
                w.WriteString("foundingDate", seit.ToString(CultureInfo.InvariantCulture));
            }

            if (entry.Federfuehrung is { } lead)
            {
                w.WriteStartObject("parentOrganization");
                w.WriteString("@type", "GovernmentOrganization");
                w.WriteString("name", lead.Name);
                w.WriteEndObject();
            }

            if (p.Foerderung is { } foerderung)
            {
                // The programme is what the source names; who runs it is often not given, so the funder is the programme itself.
                w.WriteStartObject("funder");
                w.WriteString("@type", "Organization");
                w.WriteString("name", foerderung.Programm);
                w.WriteEndObject();
                if (foerderung.BetragEur is { } betrag)
                {
                    w.WriteStartObject("funding");
                    w.WriteString("@type", "Grant");
                    w.WriteString("name", foerderung.Programm);
                    w.WriteStartObject("amount");
                    w.WriteString("@type", "MonetaryAmount");
                    w.WriteString("currency", "EUR");
                    w.WriteNumber("value", betrag);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>A Kommune as schema.org AdministrativeArea, with its Amtlicher Gemeindeschlüssel so the data joins official registers.</summary>
    /// <remarks>
    /// No url: schema.org's url is the area's own address, not this catalogue's page about it; the page links that
    /// page, and katalog.json has it. It was the largest part of the JSON-LD (about 75 bytes per Kommune).
    /// </remarks>
    private static void WriteArea(Utf8JsonWriter w, Content.Kommune k)
    {
        w.WriteStartObject();
        w.WriteString("@type", "AdministrativeArea");
        w.WriteString("name", k.Name);
        if (k.Ags is { } ags)
        {
            w.WriteStartObject("identifier");
            w.WriteString("@type", "PropertyValue");
            w.WriteString("propertyID", "AGS");
            w.WriteString("value", ags);
            w.WriteEndObject();
            w.WriteString("sameAs", Dcat.Geocoding(k));
        }

        w.WriteEndObject();
    }
}
