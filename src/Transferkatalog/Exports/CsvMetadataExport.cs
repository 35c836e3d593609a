using System.Globalization;
using Transferkatalog.Output;
using Transferkatalog.Schema;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/daten/katalog.csv-metadata.json: the W3C "CSV on the Web" description of katalog.csv — licence, publisher, date and the meaning of each column.</summary>
/// <remarks>A sidecar rather than a comment line in the CSV: a comment line would break RFC 4180 readers, which take the first line as the header.</remarks>
public static class CsvMetadataExport
{
    public const string Path = CatalogCsvExport.Path + "-metadata.json";

    public static byte[] Build(Site site)
    {
        var licence = site.Config.Lizenz;
        var root = new Dictionary<string, object?>
        {
            ["@context"] = new object[] { "http://www.w3.org/ns/csvw", new Dictionary<string, object?> { ["@language"] = "de" } },
            ["url"] = System.IO.Path.GetFileName(CatalogCsvExport.Path),
            ["dc:title"] = site.Config.Titel,
            ["dc:description"] = site.Config.Beschreibung,
            ["dc:publisher"] = CatalogTable.Attribution(site),
            ["dc:modified"] = new Dictionary<string, object?> { ["@value"] = CatalogTable.Modified(site).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["@type"] = "xsd:date" },
            ["dc:license"] = new Dictionary<string, object?> { ["@id"] = licence.Uri },
            ["dc:rights"] = $"{licence.Name} ({licence.Url})",
            ["dcat:landingPage"] = new Dictionary<string, object?> { ["@id"] = ExportUrls.Absolute(site, site.Urls.Home) },
            ["dialect"] = new Dictionary<string, object?> { ["delimiter"] = ",", ["header"] = true, ["encoding"] = "utf-8" },
            ["tableSchema"] = new Dictionary<string, object?>
            {
                ["columns"] = CatalogTable.Columns.Select(Column).ToList(),
                ["primaryKey"] = "slug",
            },
        };
        return JsonTree.ToUtf8Bytes(root, indented: true);
    }

    private static Dictionary<string, object?> Column(TableColumn column)
    {
        var result = new Dictionary<string, object?>
        {
            ["name"] = column.Key,
            ["titles"] = column.Label,
            ["datatype"] = column.Kind switch
            {
                CellKind.Number => "decimal",
                CellKind.Date => "date",
                _ => "string",
            },
        };
        if (column.IsList)
        {
            result["separator"] = ContentSchema.ListSeparator;
        }

        return result;
    }
}
