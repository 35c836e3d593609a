using System.Globalization;
using System.Text;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/daten/katalog.csv: one row per profile, RFC 4180 (comma, CRLF, quoted where needed), UTF-8 with BOM for spreadsheets.</summary>
public static class CatalogCsvExport
{
    public const string Path = "daten/katalog.csv";

    /// <summary>Separator inside a cell that lists several values.</summary>
    public const string ListSeparator = "; ";

    public static readonly IReadOnlyList<string> Columns =
    [
        "slug", "titel", "kurzbeschreibung", "url", "handlungsfelder", "handlungsfelder_schluessel", "kommunen", "kommunen_schluessel",
        "kreise", "federfuehrung", "status", "seit", "stichworte", "beteiligte", "rechtsform", "finanzierung",
        "foerderprogramm", "foerderbetrag_eur", "foerderzeitraum", "kontakt_organisation", "kontakt_name", "kontakt_email", "kontakt_telefon",
        "uebertragbarkeit", "aufwand", "voraussetzungen", "nachnutzung", "nachnutzung_anzahl", "aktualisiert",
    ];

    public static byte[] Build(Site site)
    {
        var sb = new StringBuilder();
        WriteRow(sb, Columns);
        foreach (var entry in site.Profiles.OrderBy(p => p.Profile.Slug, StringComparer.Ordinal))
        {
            var p = entry.Profile;
            WriteRow(sb,
            [
                p.Slug,
                p.Titel,
                p.Kurzbeschreibung,
                ExportUrls.Absolute(site, entry.Url),
                string.Join(ListSeparator, entry.Handlungsfelder.Select(f => f.Name)),
                string.Join(ListSeparator, p.Handlungsfelder),
                string.Join(ListSeparator, entry.Kommunen.Select(k => k.Name)),
                string.Join(ListSeparator, p.Kommunen),
                string.Join(ListSeparator, entry.Kreise.Select(k => k.Name)),
                entry.Federfuehrung?.Name,
                p.Status,
                p.Seit?.ToString(CultureInfo.InvariantCulture),
                string.Join(ListSeparator, p.Stichworte),
                string.Join(ListSeparator, p.Beteiligte),
                p.Rechtsform,
                p.Finanzierung,
                p.Foerderung?.Programm,
                p.Foerderung?.BetragEur?.ToString(CultureInfo.InvariantCulture),
                p.Foerderung?.Zeitraum,
                p.Kontakt.Organisation,
                p.Kontakt.Name,
                p.Kontakt.Email,
                p.Kontakt.Telefon,
                p.Transfer?.Uebertragbarkeit,
                p.Transfer?.Aufwand,
                p.Transfer?.Voraussetzungen,
                string.Join(ListSeparator, entry.Nachnutzer.Select(n => n.Kommune.Name)),
                entry.Nachnutzer.Count.ToString(CultureInfo.InvariantCulture),
                p.Aktualisiert.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]);
        }

        // The BOM is what makes spreadsheet programs read the file as UTF-8 instead of the local code page.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void WriteRow(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Escape(Neutralise(cells[i] ?? string.Empty)));
        }

        sb.Append("\r\n");
    }

    /// <summary>Prefixes an apostrophe to a cell that a spreadsheet would run as a formula (OWASP "CSV injection").</summary>
    /// <remarks>Editors' text ends up here verbatim; "=HYPERLINK(…)" in a title would otherwise execute when someone opens the file.</remarks>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Quotes a field when it holds a comma, quote or line break, doubling inner quotes (RFC 4180, 2.6 and 2.7).</summary>
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
