using System.Text;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/daten/katalog.csv: one row per profile, RFC 4180 (comma, CRLF, quoted where needed), UTF-8 with BOM for spreadsheets.</summary>
public static class CatalogCsvExport
{
    public const string Path = "daten/katalog.csv";

    /// <summary>Separator inside a cell that lists several values.</summary>
    public const string ListSeparator = Schema.ContentSchema.ListSeparator;

    public static readonly IReadOnlyList<string> Columns = CatalogTable.Columns.Select(c => c.Key).ToList();

    public static byte[] Build(Site site)
    {
        var sb = new StringBuilder();
        WriteRow(sb, Columns);
        foreach (var entry in CatalogTable.Rows(site))
        {
            WriteRow(sb, CatalogTable.Columns.Select(c => c.Value(site, entry)).ToList());
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
