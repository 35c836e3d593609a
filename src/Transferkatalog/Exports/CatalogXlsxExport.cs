using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>/daten/katalog.xlsx: the catalogue as a spreadsheet for office users — one row per profile, German column headers, typed cells.</summary>
/// <remarks>
/// The CSV stays RFC 4180 for machines; German Excel opens a comma-separated file in one column, so people get this file.
/// Cells are inline text, numbers or dates, never formulas: a title like "=HYPERLINK(…)" is shown, not run, and phone
/// numbers keep their '+' without the apostrophe the CSV needs. Written with the Open XML SDK (Microsoft's reference
/// implementation, MIT, explicit cell types); the zip is then re-packed with fixed timestamps so the bytes depend only on content.
/// </remarks>
public static class CatalogXlsxExport
{
    public const string Path = "daten/katalog.xlsx";

    /// <summary>Zip entry time for every part: the format needs one, the build must not take it from the clock.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;
    private const uint DateStyle = 3;

    public static byte[] Build(Site site)
    {
        using var package = new MemoryStream();
        string sheetEntry;
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            // Repack compresses every part once; compressing them here as well only to unpack them again cost ~40 % of this export.
            document.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed;
            // Explicit relationship ids: the SDK's generated ones are random and would change the bytes on every build.
            var workbook = document.AddWorkbookPart();
            document.ChangeIdOfPart(workbook, "rIdWorkbook");
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Styles();
            // The project sheet stays empty here and is written straight into the packed file (see Repack).
            sheetEntry = workbook.AddNewPart<WorksheetPart>("rIdSheet1").Uri.OriginalString.TrimStart('/');
            var licence = workbook.AddNewPart<WorksheetPart>("rIdSheet2");
            licence.Worksheet = LicenceSheet(site);
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = "rIdSheet1", SheetId = 1, Name = "Projekte" },
                new Sheet { Id = "rIdSheet2", SheetId = 2, Name = "Lizenz und Quelle" }));
            workbook.Workbook.AppendChild(new DefinedNames(
                new DefinedName($"'Projekte'!$A$1:${ColumnName(CatalogTable.Columns.Count)}${site.Profiles.Count + 1}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
        }

        // Read back in place: a copy of the unpacked package (27 MiB at 10,000 profiles) was 1.3 % of a build's CPU time.
        package.Position = 0;
        return Repack(package, sheetEntry, sheet => WriteProjectSheet(site, sheet));
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Writes the project rows into the part as XML, element by element, in the form the SDK's own writer gives.</summary>
    /// <remarks>
    /// A DOM of the whole sheet would cost seconds and hundreds of MiB at 10,000 profiles; the SDK's streaming writer
    /// still made an element object for every cell and was 7 % of a build's CPU time. The tests open the file with the
    /// SDK and check it with its schema validator.
    /// </remarks>
    private static void WriteProjectSheet(Site site, Stream stream)
    {
        var columns = CatalogTable.Columns;
        var rowCount = site.Profiles.Count + 1;
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) });
        xml.WriteStartDocument();
        xml.WriteStartElement("x", "worksheet", Main);

        // The header row stays in view while scrolling, and every column gets a filter button.
        xml.WriteStartElement("x", "sheetViews", Main);
        xml.WriteStartElement("x", "sheetView", Main);
        xml.WriteAttributeString("workbookViewId", "0");
        Empty(xml, "pane", ("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen"));
        Empty(xml, "selection", ("pane", "bottomLeft"), ("activeCell", "A2"), ("sqref", "A2"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("x", "cols", Main);
        for (var i = 0; i < columns.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            Empty(xml, "col", ("min", n), ("max", n), ("width", XmlConvert.ToString(columns[i].Width)), ("customWidth", "1"));
        }

        xml.WriteEndElement();
        xml.WriteStartElement("x", "sheetData", Main);
        StartRow(xml, 1);
        for (var c = 0; c < columns.Count; c++)
        {
            TextCell(xml, c, 1, columns[c].Label, HeaderStyle);
        }

        xml.WriteEndElement();
        var rowIndex = 1;
        foreach (var entry in CatalogTable.Rows(site))
        {
            rowIndex++;
            StartRow(xml, rowIndex);
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Value(site, entry) is { Length: > 0 } value)
                {
                    Cell(xml, c, rowIndex, columns[c].Kind, value);
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        Empty(xml, "autoFilter", ("ref", $"A1:{ColumnName(columns.Count)}{rowCount}"));
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Empty(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement("x", name, Main);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }

        xml.WriteEndElement();
    }

    private static void StartRow(XmlWriter xml, int row)
    {
        xml.WriteStartElement("x", "row", Main);
        xml.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
    }

    private static void Cell(XmlWriter xml, int column, int row, CellKind kind, string value)
    {
        switch (kind)
        {
            case CellKind.Number:
                ValueCell(xml, column, row, ("t", "n"), value);
                break;
            case CellKind.Date:
                // A real date, so Excel shows it the German way (21.11.2026) and sorts it; the serial is days since 1899-12-30.
                var date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                ValueCell(xml, column, row, ("s", DateStyle.ToString(CultureInfo.InvariantCulture)), serial.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                TextCell(xml, column, row, value, WrapStyle);
                break;
        }
    }

    /// <summary>A cell with a value element: numbers are typed ("t"), dates are styled ("s").</summary>
    private static void ValueCell(XmlWriter xml, int column, int row, (string Name, string Value) attribute, string value)
    {
        xml.WriteStartElement("x", "c", Main);
        xml.WriteAttributeString("r", Reference(column, (uint)row));
        xml.WriteAttributeString(attribute.Name, attribute.Value);
        xml.WriteElementString("x", "v", Main, value);
        xml.WriteEndElement();
    }

    private static void TextCell(XmlWriter xml, int column, int row, string text, uint style)
    {
        xml.WriteStartElement("x", "c", Main);
        xml.WriteAttributeString("r", Reference(column, (uint)row));
        xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("t", "inlineStr");
        xml.WriteStartElement("x", "is", Main);
        xml.WriteStartElement("x", "t", Main);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static Worksheet LicenceSheet(Site site)
    {
        var licence = site.Config.Lizenz;
        var lines = new[]
        {
            site.Config.Titel,
            site.Config.Beschreibung,
            $"Quelle: {CatalogTable.Attribution(site)}, {ExportUrls.Absolute(site, site.Urls.Home)}",
            $"Stand: {CatalogTable.Modified(site).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} (jüngste Prüfung eines Steckbriefs)",
            $"Lizenz: {licence.Name}",
            licence.Url,
            "Listen in einer Zelle sind durch „; “ getrennt. Maschinenlesbar: katalog.csv (RFC 4180) und katalog.json im selben Ordner.",
        };
        var data = new SheetData(lines.Select((line, i) => new Row(TextCell(0, (uint)(i + 1), line, i == 0 ? HeaderStyle : WrapStyle)) { RowIndex = (uint)(i + 1) }));
        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 100, CustomWidth = true }), data);
    }

    private static Cell TextCell(int column, uint row, string text, uint style) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string Reference(int column, uint row) => ColumnName(column + 1) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Spreadsheet column letters for a 1-based index: 1 → A, 27 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        while (index > 0)
        {
            var rest = (index - 1) % 26;
            name = (char)('A' + rest) + name;
            index = (index - rest - 1) / 26;
        }

        return name;
    }

    /// <summary>Fonts, fills, borders and cell formats: 0 default, 1 bold header, 2 wrapped text aligned top, 3 date.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 14, ApplyNumberFormat = true, ApplyAlignment = true })
        { Count = 4 });

    /// <summary>Copies every zip entry in name order with a fixed time, so equal content gives equal bytes; the entry named <paramref name="written"/> is filled by <paramref name="write"/> instead.</summary>
    /// <remarks>
    /// The project sheet goes straight into its compressed entry. Written through the SDK, the package held it twice
    /// (the part's buffer and the growing package stream: 27 and 53 MiB at 10,000 profiles, ten times that at 100,000)
    /// and it was read back once more to compress it.
    /// </remarks>
    private static byte[] Repack(Stream xlsx, string written, Action<Stream> write)
    {
        using var source = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new MemoryStream();
        using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, as Office writes it; some readers look for it there.
            foreach (var entry in source.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                // Fastest: together with streaming the sheet, 1.69 s -> 1.11 s CPU at 10,000 profiles (benchmark `phases`), for about 1.3 MiB more.
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                copy.LastWriteTime = EntryTime;
                using var to = copy.Open();
                if (entry.FullName == written)
                {
                    write(to);
                    continue;
                }

                using var from = entry.Open();
                from.CopyTo(to);
            }
        }

        return target.ToArray();
    }
}
