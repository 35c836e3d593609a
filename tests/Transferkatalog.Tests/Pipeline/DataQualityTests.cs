using Transferkatalog.Diagnostics;
using Transferkatalog.Tests.Robustness;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Mistakes that used to pass silently: amounts with thousands separators, quoted numbers, unreachable contacts, list separators, placeholders, municipality codes.</summary>
public sealed class DataQualityTests : IDisposable
{
    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    private static string Reachable(string frontMatter) =>
        frontMatter.Replace("  organisation: O", "  organisation: O\n  email: o@example.org", StringComparison.Ordinal);

    private IReadOnlyList<Diagnostic> Profile(string extra) => input.CheckProfile(Reachable(HostileInput.ValidFrontMatter) + extra);

    private static IReadOnlyList<Diagnostic> Own(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.File.EndsWith("x.md", StringComparison.Ordinal) && d.Code != "TK0501").ToList();

    [Theory]
    [InlineData("250.000", "250000")]
    [InlineData("1.250.000", "1250000")]
    [InlineData("1.250.000,50", "1250000.50")]
    public void A_thousands_separator_in_an_amount_is_an_error_with_the_number_to_write(string written, string suggested)
    {
        var d = HostileInput.Single(Profile($"foerderung:\n  programm: P\n  betrag_eur: {written}\n"), "TK0112");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(13, d.Line);
        Assert.Contains($"schreiben Sie betrag_eur: {suggested}", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("250000")]
    [InlineData("1250.50")]
    [InlineData("0.5")]
    public void Plain_amounts_pass(string written) =>
        Assert.Empty(Own(Profile($"foerderung:\n  programm: P\n  betrag_eur: {written}\n")));

    [Theory]
    [InlineData("seit: \"2019\"", "seit: 2019 ohne Anführungszeichen")]
    [InlineData("seit: '2019'", "seit: 2019 ohne Anführungszeichen")]
    [InlineData("foerderung:\n  programm: P\n  betrag_eur: \"250000\"", "betrag_eur: 250000 ohne Anführungszeichen")]
    public void A_quoted_number_is_text_and_rejected_as_the_schema_does(string line, string advice)
    {
        var d = HostileInput.Single(Profile(line + "\n"), "TK0112");
        Assert.Contains(advice, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_integer_written_with_a_zero_fraction_is_an_integer_as_in_json_schema()
    {
        Assert.Empty(Own(Profile("seit: 2019.0\n")));
        Assert.Single(Own(Profile("seit: 2019.5\n")), d => d.Code == "TK0112");
    }

    [Fact]
    public void Lengths_count_code_points_so_an_emoji_is_one_character()
    {
        var summary = new string('a', 299) + "😀";
        Assert.Empty(Own(input.CheckProfile(Reachable(HostileInput.ValidFrontMatter).Replace("kurzbeschreibung: K", $"kurzbeschreibung: {summary}", StringComparison.Ordinal))));
        var tooLong = HostileInput.Single(input.CheckProfile(Reachable(HostileInput.ValidFrontMatter).Replace("kurzbeschreibung: K", $"kurzbeschreibung: {summary}😀", StringComparison.Ordinal)), "TK0108");
        Assert.Contains("301 Zeichen", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contact_without_email_phone_or_web_is_a_warning_at_the_contact()
    {
        var diagnostics = input.CheckProfile(HostileInput.ValidFrontMatter);
        var d = HostileInput.Single(diagnostics, "TK0118");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(8, d.Line);
        Assert.Contains("kontakt.url", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, x => x.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("  url: https://www.kreis-hoexter.de/kontakt")]
    [InlineData("  telefon: 05271 965-0")]
    [InlineData("  email: digital@kreis-hoexter.de")]
    public void Any_one_way_to_reach_the_office_is_enough(string line) =>
        Assert.Empty(Own(input.CheckProfile(HostileInput.ValidFrontMatter.Replace("  organisation: O", "  organisation: O\n" + line, StringComparison.Ordinal))));

    [Fact]
    public void A_contact_url_is_checked_like_every_address()
    {
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter.Replace("  organisation: O", "  organisation: O\n  url: ftp://kreis.de/", StringComparison.Ordinal)), "TK0111");
        Assert.Contains("kontakt.url", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stichworte")]
    [InlineData("beteiligte")]
    public void A_list_value_containing_the_csv_separator_is_rejected(string field)
    {
        var d = HostileInput.Single(Profile($"{field}:\n  - Smart City; E-Government\n"), "TK0117");
        Assert.Contains("'Smart City', 'E-Government'", d.Message, StringComparison.Ordinal);
        Assert.Empty(Own(Profile($"{field}:\n  - Smart City, E-Government\n  - Kreis;Stadt\n")));
    }

    [Fact]
    public void Bracket_placeholders_left_in_pages_are_warnings_at_their_place()
    {
        input.Sample.Write("seiten/impressum.md", "---\ntitel: Impressum\n---\n[Name der betreibenden Organisation]\\\nTelefon: [Telefonnummer]\n\nEin [Link](https://example.org/), ein [Verweis][ref], Fußnote[^1], `[code]` und [ref].\n\n```\n[im Codeblock]\n```\n\n[ref]: https://example.org/\n[^1]: Quelle.\n");
        var placeholders = input.Check().Where(d => d.Code == "TK0602").ToList();
        Assert.Equal([(4, 1), (5, 10)], placeholders.Select(d => (d.Line, d.Column)));
        Assert.All(placeholders, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains("'[Name der betreibenden Organisation]'", placeholders[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Municipality_codes_are_checked_for_format_quotes_type_Kreis_and_uniqueness()
    {
        input.Sample.Replace("kommunen.yml", "  typ: kreis\n", "  typ: kreis\n  ags: \"05762\"\n");
        Assert.DoesNotContain(input.Check(), d => d.Code.StartsWith("TK020", StringComparison.Ordinal));

        input.Sample.Replace("kommunen.yml", "  name: Brakel\n", "  name: Brakel\n  ags: \"05762016\"\n");
        input.Sample.Replace("kommunen.yml", "  name: Nieheim\n", "  name: Nieheim\n  ags: \"05770028\"\n");
        input.Sample.Replace("kommunen.yml", "  einwohner: 330000", "  einwohner: 330000\n  ags: \"05762016\"");
        var diagnostics = input.Check();
        Assert.Contains("'kreis-hoexter' (05762)", HostileInput.Single(diagnostics, "TK0207").Message, StringComparison.Ordinal);
        Assert.Contains("schon an 'brakel' vergeben", HostileInput.Single(diagnostics, "TK0208").Message, StringComparison.Ordinal);

        input.Sample.Replace("kommunen.yml", "ags: \"05762\"", "ags: 05762");
        Assert.Contains("führende 0", HostileInput.Single(input.Check(), "TK0206").Message, StringComparison.Ordinal);
        input.Sample.Replace("kommunen.yml", "ags: 05762", "ags: \"05762000\"");
        Assert.Contains("5 Ziffern", HostileInput.Single(input.Check(), "TK0206").Message, StringComparison.Ordinal);
        input.Sample.Replace("kommunen.yml", "ags: \"05762000\"", "ags: \"5762\"");
        Assert.Single(input.Check(), d => d.Code == "TK0206");
    }

    [Fact]
    public void An_unknown_licence_gets_a_suggestion()
    {
        input.Sample.Write("site.yml", Support.MinimalCatalog.SiteYml + "\nlizenz: dl-by-de/2");
        var d = HostileInput.Single(input.Check(), "TK0106");
        Assert.Contains("meinten Sie 'dl-by-de/2.0'?", d.Message, StringComparison.Ordinal);
    }
}
