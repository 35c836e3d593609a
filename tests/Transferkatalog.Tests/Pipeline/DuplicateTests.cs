using AngleSharp.Html.Parser;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;
using Transferkatalog.Validation;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Warnings about profiles that look like the same cooperation entered twice, and deliberate relations (verwandt).</summary>
public sealed class DuplicateTests : IDisposable
{
    private readonly TestCatalog catalog = TestCatalog.Minimal();

    public void Dispose() => catalog.Dispose();

    private BuildResult Check() => new SiteBuilder().Check(new BuildOptions(catalog.Content, Repo.Theme, ReferenceDate: new DateOnly(2026, 11, 21)));

    private void AddSecondRechenzentrum(string titel, string kommunen = "[kreis-hoexter, brakel]", string extra = "") =>
        catalog.Write("projekte/rechenzentrum-hoexter.md", $"""
            ---
            titel: {titel}
            kurzbeschreibung: Die Städte und der Kreis teilen sich ein Rechenzentrum.
            handlungsfelder: [verwaltung, infrastruktur]
            kommunen: {kommunen}
            status: laufend
            kontakt:
              organisation: Stadt Brakel
            {extra}aktualisiert: 2026-10-01
            ---
            Text.
            """);

    [Fact]
    public void A_second_entry_of_the_same_project_is_a_warning_at_its_title_naming_the_other_file_and_why()
    {
        AddSecondRechenzentrum("Gemeinsames Rechenzentrm");

        var result = Check();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var d = Assert.Single(result.Diagnostics, d => d.Code == "TK0502");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.EndsWith("projekte/rechenzentrum-hoexter.md", d.File);
        Assert.Equal(2, d.Line);
        Assert.StartsWith("ähnelt ", d.Message);
        Assert.Contains("projekte/gemeinsames-rechenzentrum.md: alle 2 Kommunen gleich, Titel fast gleich, gleiche Handlungsfelder", d.Message);
        Assert.Contains("verwandt: [gemeinsames-rechenzentrum]", d.Message);
    }

    [Fact]
    public void A_build_that_writes_the_site_reports_the_warning_as_the_check_does()
    {
        AddSecondRechenzentrum("Gemeinsames Rechenzentrm");

        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, null, new DateOnly(2026, 11, 21)));

        Assert.True(result.Written, string.Join('\n', result.Diagnostics));
        Assert.Equal(
            Check().Diagnostics.Where(d => d.Code == "TK0502").Select(d => d.ToString()),
            result.Diagnostics.Where(d => d.Code == "TK0502").Select(d => d.ToString()));
        Assert.Single(result.Diagnostics, d => d.Code == "TK0502");
    }

    [Fact]
    public void The_warning_is_reported_also_when_a_template_fails_while_the_pages_are_made()
    {
        AddSecondRechenzentrum("Gemeinsames Rechenzentrm");
        var theme = Path.Combine(catalog.Root, "themes", "kaputt");
        Directory.CreateDirectory(Path.Combine(theme, "templates"));
        File.WriteAllText(Path.Combine(theme, "templates", "404.sbn-html"), "<h1>{{ Heading }}</h1>\n<p>{{ include (Heading + '-gibt-es-nicht') }}</p>\n");

        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, theme, catalog.Output, null, new DateOnly(2026, 11, 21), FallbackThemeDir: Repo.Theme));

        Assert.Contains(result.Diagnostics, d => d.Code == "TK0402" && d.Severity == Severity.Error);
        Assert.Single(result.Diagnostics, d => d.Code == "TK0502");
        Assert.False(Directory.Exists(catalog.Output));
    }

    [Fact]
    public void The_message_counts_shared_and_all_kommunen()
    {
        AddSecondRechenzentrum("Gemeinsames Rechenzentrum", "[kreis-hoexter, brakel, nieheim]");

        var d = Assert.Single(Check().Diagnostics, d => d.Code == "TK0502");

        Assert.Contains("2 von 3 Kommunen gleich, gleicher Titel", d.Message);
    }

    [Theory]
    [InlineData("Gemeinsames Rechenzentrum", "[bielefeld]", "same title, no Kommune in common")]
    [InlineData("Rechenzentrum", "[nieheim]", "different places")]
    [InlineData("Breitband für alle Schulen", "[kreis-hoexter, brakel]", "same Kommunen and subjects, different project")]
    public void One_signal_alone_is_no_warning(string titel, string kommunen, string why)
    {
        AddSecondRechenzentrum(titel, kommunen);

        Assert.False(Check().Diagnostics.Any(d => d.Code == "TK0502"), why);
    }

    [Fact]
    public void A_deliberate_relation_in_either_file_silences_the_warning()
    {
        AddSecondRechenzentrum("Gemeinsames Rechenzentrm", extra: "verwandt: [gemeinsames-rechenzentrum]\n");
        Assert.DoesNotContain(Check().Diagnostics, d => d.Code == "TK0502");

        AddSecondRechenzentrum("Gemeinsames Rechenzentrm");
        catalog.Replace("projekte/gemeinsames-rechenzentrum.md", "aktualisiert:", "verwandt:\n  - rechenzentrum-hoexter\naktualisiert:");
        var result = Check();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "TK0502");
    }

    [Fact]
    public void An_unknown_or_own_slug_in_verwandt_is_an_error_at_its_entry_with_a_suggestion()
    {
        catalog.Replace("projekte/dorfladen-app.md", "aktualisiert:", "verwandt:\n  - lorawan-netzz\n  - dorfladen-app\n  - ganz-anderes\naktualisiert:");

        var result = Check();

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Code == "TK0130").ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.EndsWith("projekte/dorfladen-app.md", e.File));
        Assert.Equal((11, 5), (errors[0].Line, errors[0].Column));
        Assert.Contains("unbekannter Steckbrief 'lorawan-netzz' in 'verwandt' — meinten Sie 'lorawan-netz'?", errors[0].Message);
        Assert.Contains("nennt den Steckbrief selbst", errors[1].Message);
        Assert.Contains("Dateinamen eines Steckbriefs aus projekte/", errors[2].Message);
    }

    [Fact]
    public void A_relation_shows_on_both_pages_and_not_again_among_similar_projects()
    {
        catalog.Replace("projekte/dorfladen-app.md", "aktualisiert:", "verwandt: [gemeinsames-rechenzentrum]\naktualisiert:");

        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, ReferenceDate: new DateOnly(2026, 11, 21)));

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        foreach (var (page, other) in new[] { ("dorfladen-app", "gemeinsames-rechenzentrum"), ("gemeinsames-rechenzentrum", "dorfladen-app") })
        {
            var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(catalog.Output, "projekte", page, "index.html")));
            var section = doc.QuerySelector("section.verwandt-bewusst");
            Assert.NotNull(section);
            Assert.Equal("Verwandte Projekte", section.QuerySelector("h2")!.TextContent);
            var link = Assert.Single(section.QuerySelectorAll(".karten a[href$='/projekte/" + other + "/']"));
            Assert.Equal($"/transferkatalog/projekte/{other}/", link.GetAttribute("href"));
            Assert.DoesNotContain(doc.QuerySelectorAll("section.verwandt:not(.verwandt-bewusst) a"), a => a.GetAttribute("href")!.EndsWith($"/projekte/{other}/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_real_catalogue_has_no_duplicate_warning_and_shows_its_follow_up_relation()
    {
        var result = new SiteBuilder().Check(new BuildOptions(Repo.Content, Repo.Theme, ReferenceDate: new DateOnly(2026, 11, 21)));

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "TK0502");

        // Without its verwandt entry, the DigitalBüro (grown out of the Modellregion, same four partners) would still be silent:
        // one shared signal (the Kommunen) is not enough.
        var profiles = LoadRepoProfiles();
        var stripped = profiles.Select(p => p with { Verwandt = [] }).ToList();
        Assert.Empty(DuplicateCheck.Find(stripped));
    }

    [Fact]
    public void Findings_are_the_same_with_one_thread_and_with_many()
    {
        AddSecondRechenzentrum("Gemeinsames Rechenzentrm");
        catalog.Write("projekte/dorfladen-app-nieheim.md", MinimalCatalog.DorfladenMd.Replace("titel: Dorfladen-App", "titel: Dorfladen App Nieheim", StringComparison.Ordinal));

        var many = Check().Diagnostics;
        var one = new SiteBuilder().Check(new BuildOptions(catalog.Content, Repo.Theme, ReferenceDate: new DateOnly(2026, 11, 21), MaxDegreeOfParallelism: 1)).Diagnostics;

        Assert.Equal(2, many.Count(d => d.Code == "TK0502"));
        Assert.Equal(many, one);
    }

    private static List<Profile> LoadRepoProfiles()
    {
        var bag = new DiagnosticBag();
        var raw = new ContentLoader().Load(Repo.Content, bag);
        return new CatalogValidator().Validate(raw, bag)!.Profiles.ToList();
    }
}
