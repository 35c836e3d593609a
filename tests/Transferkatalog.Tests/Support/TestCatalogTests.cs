using Transferkatalog.Diagnostics;

namespace Transferkatalog.Tests.Support;

/// <summary>The fixture builder does what its names say, so a test built on it cannot silently test another catalogue.</summary>
public sealed class TestCatalogTests
{
    [Fact]
    public void Minimal_catalogue_checks_without_errors_and_has_its_three_profiles()
    {
        using var catalog = TestCatalog.Minimal();

        var result = catalog.Check();

        Assert.True(result.ErrorCount == 0, string.Join('\n', result.Diagnostics));
        Assert.Equal(3, result.ProfileCount);
    }

    [Fact]
    public void Repository_copy_has_every_profile_of_content_and_leaves_the_original_alone()
    {
        using var catalog = TestCatalog.FromRepository();

        Assert.Equal(Directory.GetFiles(Path.Combine(Repo.Content, "projekte"), "*.md").Length, catalog.Check().ProfileCount);
        catalog.Delete("site.yml");
        Assert.True(File.Exists(Path.Combine(Repo.Content, "site.yml")));
        Assert.NotEqual(Repo.Content, catalog.Content);
    }

    [Fact]
    public void With_field_replaces_a_field_with_its_indented_lines_and_adds_a_missing_one_inside_the_front_matter()
    {
        using var catalog = TestCatalog.Minimal()
            .WithField("gemeinsames-rechenzentrum", "kontakt:\n  organisation: Neue Stelle\n  email: neu@example.org")
            .WithField("gemeinsames-rechenzentrum", "status: abgeschlossen")
            .WithField("dorfladen-app", "seit: 2020");

        var rechenzentrum = File.ReadAllText(catalog.Profile("gemeinsames-rechenzentrum"));
        Assert.Contains("kontakt:\n  organisation: Neue Stelle\n  email: neu@example.org\n", rechenzentrum);
        Assert.DoesNotContain("digital@kreis-hoexter.de", rechenzentrum);
        Assert.DoesNotContain("05271 965-0", rechenzentrum);
        Assert.Contains("\nstatus: abgeschlossen\n", rechenzentrum);
        Assert.DoesNotContain("laufend", rechenzentrum);
        Assert.Contains("\nseit: 2020\n---\n", File.ReadAllText(catalog.Profile("dorfladen-app")));
        var result = catalog.Check();
        Assert.True(result.ErrorCount == 0, string.Join('\n', result.Diagnostics));
    }

    [Fact]
    public void Without_field_removes_a_required_field_so_check_reports_it_in_that_profile()
    {
        using var catalog = TestCatalog.Minimal().WithoutField("lorawan-netz", "kurzbeschreibung");

        var errors = catalog.Check().Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

        var error = Assert.Single(errors);
        Assert.EndsWith("lorawan-netz.md", error.File);
        Assert.Contains("kurzbeschreibung", error.Message);
    }

    [Fact]
    public void With_kommune_adds_and_replaces_an_entry_and_without_kommune_removes_one()
    {
        using var catalog = TestCatalog.Minimal()
            .WithKommune("hoexter:\n  name: Höxter\n  typ: stadt\n  kreis: kreis-hoexter\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen")
            .WithKommune("brakel:\n  name: Brakel an der Nethe\n  typ: stadt\n  kreis: kreis-hoexter\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen")
            .WithoutKommune("bielefeld");

        var kommunen = File.ReadAllText(catalog.PathOf("kommunen.yml"));
        Assert.Contains("\nhoexter:\n  name: Höxter\n", kommunen);
        Assert.Single(kommunen.Split('\n'), l => l == "brakel:");
        Assert.Contains("name: Brakel an der Nethe", kommunen);
        Assert.DoesNotContain("name: Brakel\n", kommunen);
        Assert.DoesNotContain("bielefeld", kommunen);

        // The profile in Bielefeld now names an unknown Kommune: the only error.
        var error = Assert.Single(catalog.Check().Diagnostics, d => d.Severity == Severity.Error);
        Assert.EndsWith("lorawan-netz.md", error.File);
        Assert.Contains("bielefeld", error.Message);
    }

    [Fact]
    public void With_entry_adds_a_top_level_entry_to_site_yml()
    {
        using var catalog = TestCatalog.Minimal().WithEntry("site.yml", "betreiber: Digitalbüro Test");

        Assert.EndsWith("sprache: de\nbetreiber: Digitalbüro Test", File.ReadAllText(catalog.PathOf("site.yml")));
        Assert.Equal(0, catalog.Check().ErrorCount);
    }

    [Fact]
    public void Without_profile_removes_it_and_dispose_removes_the_temp_folder()
    {
        var catalog = TestCatalog.Minimal().WithoutProfile("dorfladen-app");

        Assert.Equal(2, catalog.Check().ProfileCount);
        Assert.False(File.Exists(catalog.Profile("dorfladen-app")));
        catalog.Dispose();
        Assert.False(Directory.Exists(catalog.Root));
    }

    [Fact]
    public void Changing_what_is_not_there_fails_the_test_instead_of_testing_nothing()
    {
        using var catalog = TestCatalog.Minimal();

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => catalog.WithoutField("dorfladen-app", "foerderung"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => catalog.WithoutKommune("paderborn"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => catalog.WithoutProfile("gibt-es-nicht"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => catalog.Replace("site.yml", "gibt es nicht", "x"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => catalog.WithField("dorfladen-app", "  kein Schlüssel"));
    }
}
