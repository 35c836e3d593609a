using AngleSharp.Html.Parser;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>Tests that set process-wide environment variables; run alone so no other test sees them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Umgebungsvariablen";
}

/// <summary>Stale-profile warnings and notes, with the reference date fixed through SOURCE_DATE_EPOCH.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class StalenessTests : IDisposable
{
    // 2030-06-15T12:00:00Z: far enough after the content's review dates that every profile is older than 24 months.
    private const string Epoch2030 = "1907755200";

    private readonly TestCatalog catalog = TestCatalog.FromRepository();
    private readonly string? savedEpoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", savedEpoch);
        catalog.Dispose();
    }

    [Fact]
    public void Source_date_epoch_sets_the_reference_date_and_explicit_options_win()
    {
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", Epoch2030);

        Assert.Equal(new DateOnly(2030, 6, 15), SiteBuilder.ReferenceDate(new BuildOptions()));
        Assert.Equal(new DateOnly(2020, 1, 1), SiteBuilder.ReferenceDate(new BuildOptions(ReferenceDate: new DateOnly(2020, 1, 1))));
    }

    [Fact]
    public void Profile_older_than_threshold_gets_a_warning_from_check_and_build_and_a_note_on_its_page()
    {
        SetReviewed("digitalboard-owl", "2028-06-14");
        SetReviewed("digitalbuero-owl", "2028-06-16");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", Epoch2030);

        var (checkCode, _, checkErrors) = CliRunner.Run("check", "--content", catalog.Content);
        var (buildCode, buildOut, buildErrors) = CliRunner.Run("build", "--content", catalog.Content, "--theme", Repo.Theme, "--output", catalog.Output);

        // A warning, not an error: the catalogue still builds.
        Assert.Equal(0, checkCode);
        Assert.Equal(0, buildCode);
        foreach (var errors in new[] { checkErrors, buildErrors })
        {
            var warning = Assert.Single(errors.Split('\n'), l => l.Contains("TK0501", StringComparison.Ordinal) && l.Contains("digitalboard-owl.md", StringComparison.Ordinal));
            Assert.Contains("warning", warning);
            Assert.Contains("14.06.2028", warning);
            Assert.DoesNotContain(errors.Split('\n'), l => l.Contains("TK0501", StringComparison.Ordinal) && l.Contains("digitalbuero-owl.md", StringComparison.Ordinal));
        }

        Assert.Matches(@"[1-9]\d* Warnungen", buildOut);
        var stale = Page("digitalboard-owl").QuerySelector(".hinweis-veraltet");
        Assert.NotNull(stale);
        Assert.Equal("2028-06-14", stale.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("14.06.2028", stale.TextContent);
        Assert.Null(Page("digitalbuero-owl").QuerySelector(".hinweis-veraltet"));
    }

    [Fact]
    public void Threshold_comes_from_site_yml()
    {
        var site = Path.Combine(catalog.Content, "site.yml");
        File.WriteAllText(site, File.ReadAllText(site).Replace("veraltet_nach_monaten: 24", "veraltet_nach_monaten: 6", StringComparison.Ordinal));
        SetReviewed("digitalboard-owl", "2029-12-14");
        SetReviewed("digitalbuero-owl", "2029-12-16");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", Epoch2030);

        var (_, _, errors) = CliRunner.Run("check", "--content", catalog.Content);

        Assert.Contains(errors.Split('\n'), l => l.Contains("TK0501", StringComparison.Ordinal) && l.Contains("digitalboard-owl.md", StringComparison.Ordinal) && l.Contains("6 Monaten", StringComparison.Ordinal));
        Assert.DoesNotContain(errors.Split('\n'), l => l.Contains("TK0501", StringComparison.Ordinal) && l.Contains("digitalbuero-owl.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_source_date_epoch_gives_byte_identical_output()
    {
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", Epoch2030);
        var options = new BuildOptions(catalog.Content, Repo.Theme);

        var first = new SiteBuilder().Build(options, write: false);
        var second = new SiteBuilder().Build(options, write: false);

        Assert.True(first.Succeeded);
        Assert.Equal(first.Files.Select(f => f.RelativePath), second.Files.Select(f => f.RelativePath));
        Assert.All(first.Files.Zip(second.Files), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    private void SetReviewed(string slug, string date)
    {
        var path = catalog.Profile(slug);
        var lines = File.ReadAllLines(path).Select(l => l.StartsWith("aktualisiert:", StringComparison.Ordinal) ? $"aktualisiert: {date}" : l);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    private AngleSharp.Html.Dom.IHtmlDocument Page(string slug) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(catalog.Output, "projekte", slug, "index.html")));
}
