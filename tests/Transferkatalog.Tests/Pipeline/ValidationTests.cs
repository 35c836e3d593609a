using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Bad input: every mistake comes back as a located diagnostic with a hint, all of them in one run.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    private IReadOnlyList<Diagnostic> Check() => new SiteBuilder().Check(new BuildOptions(ContentDir: sample.Content)).Diagnostics;

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {string.Join(Environment.NewLine, diagnostics)}");
        return matching[0];
    }

    [Fact]
    public void Sample_catalog_is_valid()
    {
        Assert.Empty(Check());
    }

    [Fact]
    public void Unknown_Handlungsfeld_is_reported_at_its_position_with_suggestion()
    {
        sample.Replace("projekte/gemeinsames-rechenzentrum.md", "handlungsfelder: [verwaltung, infrastruktur]", "handlungsfelder: [verwaltng, infrastruktur]");
        var d = Single(Check(), "TK0103");
        Assert.EndsWith("content/projekte/gemeinsames-rechenzentrum.md", d.File);
        Assert.Equal(4, d.Line);
        Assert.Equal(19, d.Column);
        Assert.Contains("'verwaltng'", d.Message);
        Assert.Contains("meinten Sie 'verwaltung'?", d.Message);
        Assert.Matches(@"gemeinsames-rechenzentrum\.md\(4,19\): error TK0103: ", d.ToString());
    }

    [Fact]
    public void Unknown_Kommune_gets_suggestion()
    {
        sample.Replace("projekte/dorfladen-app.md", "kommunen: [nieheim]", "kommunen: [niehiem]");
        var d = Single(Check(), "TK0104");
        Assert.Contains("meinten Sie 'nieheim'?", d.Message);
        Assert.Equal(5, d.Line);
    }

    [Fact]
    public void All_mistakes_of_all_files_are_reported_together()
    {
        sample.Replace("projekte/dorfladen-app.md", "status: geplant", "status: geplannt");
        sample.Replace("projekte/dorfladen-app.md", "aktualisiert: 2026-09-15", "aktualisiert: 2026-13-45");
        sample.Replace("projekte/lorawan-netz.md", "kontakt:\n  organisation: Stadt Bielefeld\n", "kontakt:\n  organisation: Stadt Bielefeld\n  email: kein-at-zeichen\n");
        sample.Replace("projekte/gemeinsames-rechenzentrum.md", "url: https://www.kreis-hoexter.de/", "url: javascript:alert(1)");
        var diagnostics = Check();
        Assert.Contains("meinten Sie 'geplant'?", Single(diagnostics, "TK0106").Message);
        Assert.Equal(10, Single(diagnostics, "TK0107").Line);
        Assert.Contains("kein-at-zeichen", Single(diagnostics, "TK0109").Message);
        Assert.EndsWith("gemeinsames-rechenzentrum.md", Single(diagnostics, "TK0111").File);
        Assert.All(diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }

    [Fact]
    public void Missing_required_keys_and_unknown_keys_are_named()
    {
        sample.Write("projekte/kaputt.md", "---\ntitel: Kaputt\nkurzbeschreibng: Tippfehler\nhandlungsfelder: [verwaltung]\nkommunen: [brakel]\nstatus: laufend\naktualisiert: 2026-01-01\n---\n");
        var diagnostics = Check();
        var unknown = Single(diagnostics, "TK0102");
        Assert.Equal(3, unknown.Line);
        Assert.Equal(1, unknown.Column);
        Assert.Contains("meinten Sie 'kurzbeschreibung'?", unknown.Message);
        var missing = diagnostics.Where(d => d.Code == "TK0101").Select(d => d.Message).ToList();
        Assert.Contains(missing, m => m.Contains("'kurzbeschreibung'"));
        Assert.Contains(missing, m => m.Contains("'kontakt'"));
    }

    [Fact]
    public void Wrong_types_are_explained()
    {
        sample.Replace("projekte/gemeinsames-rechenzentrum.md", "seit: 2021", "seit: zweitausend");
        sample.Replace("projekte/dorfladen-app.md", "kommunen: [nieheim]", "kommunen: nieheim");
        var diagnostics = Check().Where(d => d.Code == "TK0112").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Message.Contains("ganze Zahl") && d.Line == 8);
        Assert.Contains(diagnostics, d => d.Message.Contains("Liste") && d.Line == 5);
    }

    [Fact]
    public void Federfuehrung_must_be_among_Kommunen()
    {
        sample.Replace("projekte/gemeinsames-rechenzentrum.md", "federfuehrung: kreis-hoexter", "federfuehrung: nieheim");
        var d = Single(Check(), "TK0105");
        Assert.Equal(6, d.Line);
        Assert.Contains("nieheim", d.Message);
    }

    [Fact]
    public void Overlong_summary_is_rejected()
    {
        sample.Replace("projekte/lorawan-netz.md", "Ein Funknetz für Sensoren in Bielefeld.", new string('x', 301));
        Assert.Contains("301 Zeichen", Single(Check(), "TK0108").Message);
    }

    [Fact]
    public void Malformed_url_is_rejected()
    {
        sample.Replace("projekte/gemeinsames-rechenzentrum.md", "url: https://www.kreis-hoexter.de/", "url: www.kreis-hoexter.de");
        Assert.Equal(21, Single(Check(), "TK0110").Line);
    }

    [Fact]
    public void Missing_and_unclosed_front_matter()
    {
        sample.Write("projekte/ohne.md", "# Nur Text\n");
        sample.Write("projekte/offen.md", "---\ntitel: Offen\n");
        var diagnostics = Check();
        Assert.EndsWith("ohne.md", Single(diagnostics, "TK0010").File);
        Assert.EndsWith("offen.md", Single(diagnostics, "TK0011").File);
    }

    [Fact]
    public void Yaml_syntax_error_is_located_in_the_file()
    {
        sample.Replace("projekte/dorfladen-app.md", "status: geplant", "status: [geplant");
        var d = Single(Check(), "TK0020");
        Assert.EndsWith("dorfladen-app.md", d.File);
        Assert.InRange(d.Line, 6, 11);
    }

    [Fact]
    public void Duplicate_yaml_key_is_reported()
    {
        sample.Replace("projekte/dorfladen-app.md", "status: geplant", "status: geplant\nstatus: laufend");
        Assert.EndsWith("dorfladen-app.md", Single(Check(), "TK0021").File);
    }

    [Fact]
    public void Non_utf8_file_is_reported_without_crash()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("---\ntitel: Müll\n---\n");
        sample.WriteBytes("projekte/latin.md", latin1);
        var d = Single(Check(), "TK0002");
        Assert.Equal(2, d.Line);
    }

    [Fact]
    public void Bom_and_crlf_are_valid()
    {
        var text = MinimalCatalog.DorfladenMd.Replace("\n", "\r\n", StringComparison.Ordinal);
        sample.WriteBytes("projekte/dorfladen-app.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        Assert.Empty(Check());
    }

    [Fact]
    public void Duplicate_and_invalid_slugs()
    {
        sample.Write("projekte/unterordner/dorfladen-app.md", MinimalCatalog.DorfladenMd);
        sample.Write("projekte/Großes Projekt.md", MinimalCatalog.DorfladenMd);
        var diagnostics = Check();
        Assert.Contains("dorfladen-app", Single(diagnostics, "TK0013").Message);
        Assert.Contains("'grosses-projekt.md'", Single(diagnostics, "TK0012").Message);
    }

    [Fact]
    public void Registry_errors_are_reported()
    {
        sample.Replace("kommunen.yml", "  kreis: kreis-hoexter\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen\nnieheim:", "  kreis: kreis-hoxter\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen\nnieheim:");
        sample.Replace("kommunen.yml", "typ: kreisfreie-stadt", "typ: grossstadt");
        sample.Replace("handlungsfelder.yml", "versorgung:", "Versorgung Land:");
        var diagnostics = Check();
        Assert.Contains("meinten Sie 'kreis-hoexter'?", Single(diagnostics, "TK0201").Message);
        Assert.EndsWith("kommunen.yml", Single(diagnostics, "TK0106").File);
        Assert.EndsWith("handlungsfelder.yml", Single(diagnostics, "TK0204").File);

        // A profile that uses the now-invalid Handlungsfeld key is still checked and reported.
        Assert.Contains(diagnostics, d => d.Code == "TK0103" && d.Message.Contains("'versorgung'"));
    }

    [Fact]
    public void Missing_registry_file_is_reported()
    {
        File.Delete(sample.PathOf("kommunen.yml"));
        Assert.Contains(Check(), d => d.Code == "TK0003" && d.File.EndsWith("kommunen.yml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n---\n")]
    [InlineData("---\n- eine\n- liste\n---\n")]
    [InlineData("---\ntitel: [unclosed\n---\n")]
    [InlineData("---\ntitel: \"a\nkommunen: &x [*x]\n---\n")]
    [InlineData("---\n? [a, b]\n: c\n---\n")]
    [InlineData("---\nkontakt: 5\nlinks: {a: 1}\nfoerderung: [1]\ntransfer: x\n---\n")]
    [InlineData("---\nkommunen: [[brakel]]\nhandlungsfelder: [{a: b}]\nseit: -5\n---\n")]
    [InlineData("\u0000\u0001---")]
    public void Broken_input_never_throws(string text)
    {
        sample.Write("projekte/broken.md", text);
        var diagnostics = Check();
        Assert.Contains(diagnostics, d => d.Severity == Severity.Error && d.File.EndsWith("broken.md", StringComparison.Ordinal));
    }
}
