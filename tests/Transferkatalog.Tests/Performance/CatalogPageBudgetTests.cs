using System.Text.Json;
using Transferkatalog.Benchmarks.Generator;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Rendering;
using Transferkatalog.Search;
using Transferkatalog.SiteModel;
using Transferkatalog.Tests.Support;
using Transferkatalog.Validation;
using Xunit.Abstractions;

namespace Transferkatalog.Tests.Performance;

/// <summary>
/// The catalogue's first page on the benchmark's 10,000-profile, 4,000-Kommune catalogue: it must not grow with the
/// number of Kommunen (it once carried a checkbox for each, 873 KiB).
/// </summary>
public sealed class CatalogPageBudgetTests(ITestOutputHelper output)
{
    /// <summary>Raw bytes of the first page: 50 cards, the filter form without Kreis and Kommune options, the browsing links.</summary>
    private const int Budget = 128 * 1024;

    [Fact]
    public void First_catalogue_page_of_10000_profiles_and_4000_Kommunen_stays_under_128_KiB()
    {
        var root = Path.Combine(Path.GetTempPath(), "tk-katalogseite-" + Guid.NewGuid().ToString("N"));
        try
        {
            var content = Path.Combine(root, "content");
            new CatalogGenerator(10_000, 4_000).Write(content);
            var diagnostics = new DiagnosticBag();
            var catalog = new CatalogValidator().Validate(new ContentLoader().Load(content, diagnostics), diagnostics);
            Assert.NotNull(catalog);
            var site = new SiteModelBuilder().Build(catalog, null, new DateOnly(2026, 11, 21));
            Assert.Equal(4_000, site.Kommunen.Count);

            var themeSource = ThemeLoader.Load(Repo.Theme, new ScribanTemplateEngine().TemplateExtension, diagnostics);
            Assert.NotNull(themeSource);
            var theme = new ScribanTemplateEngine().Compile(themeSource, diagnostics);
            Assert.NotNull(theme);
            Assert.False(diagnostics.HasErrors, string.Join(Environment.NewLine, diagnostics.ToSortedList().Where(d => d.Severity == Severity.Error).Take(5)));

            // Only the first page is rendered; related projects show on profile pages, not here.
            var noRelated = site.Profiles.Select(_ => (IReadOnlyList<ProfileEntry>)[]).ToList();
            var jobs = new SiteRenderer(theme, themeSource).PlanPages(site, noRelated);
            var first = jobs.Single(j => j.Page is CatalogPage { Number: 1 }).ToFile();
            var html = System.Text.Encoding.UTF8.GetString(first.Content);
            output.WriteLine($"index.html: {first.Content.Length:N0} B (budget {Budget:N0} B)");

            Assert.True(first.Content.Length < Budget, $"the first catalogue page has {first.Content.Length:N0} bytes, budget {Budget:N0}");
            Assert.DoesNotContain("name=\"kommune\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"kreis\"", html, StringComparison.Ordinal);
            Assert.Contains("data-optionen=\"/transferkatalog/suche/optionen/kommune.json\"", html, StringComparison.Ordinal);

            // The following pages (200 here, 2,000 at 100,000 profiles) point to the first page for the Kreise instead of
            // repeating every Kreis and kreisfreie Stadt: that list was a third of each page and grew with pages times Kreise.
            var second = jobs.Single(j => j.Page is CatalogPage { Number: 2 }).ToFile();
            var secondHtml = System.Text.Encoding.UTF8.GetString(second.Content);
            output.WriteLine($"katalog/2/index.html: {second.Content.Length:N0} B");
            Assert.True(second.Content.Length < 72 * 1024, $"the second catalogue page has {second.Content.Length:N0} bytes");
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(secondHtml, "href=\"/transferkatalog/kommunen/"));
            Assert.Contains("<a href=\"/transferkatalog/#stoebern-titel\">ersten Seite des Katalogs</a>", secondHtml, StringComparison.Ordinal);
            Assert.Contains("id=\"stoebern-titel\"", html, StringComparison.Ordinal);

            // The options moved to a file the script fetches when the group opens: every town and municipality with a
            // project is there, once; Kreise have their own group.
            var data = CatalogDataBuilder.Build(site).ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
            var options = JsonSerializer.Deserialize<JsonElement[][]>(data[CatalogFilters.OptionsPath("kommune")].Content)!;
            output.WriteLine($"{CatalogFilters.OptionsPath("kommune")}: {data[CatalogFilters.OptionsPath("kommune")].Content.Length:N0} B, fetched only when the group opens");
            var offered = site.Kommunen.Where(k => !k.Kommune.IsKreis && k.OwnProfiles.Count > 0).ToList();
            Assert.True(offered.Count > 1000, $"only {offered.Count} Kommunen with projects");
            Assert.Equal(offered.Select(k => k.Kommune.Key), options.Select(o => o[0].GetString()));
            Assert.Equal(offered.Select(k => k.OwnProfiles.Count), options.Select(o => o[2].GetInt32()));
            var kreise = JsonSerializer.Deserialize<JsonElement[][]>(data[CatalogFilters.OptionsPath("kreis")].Content)!;
            Assert.Equal(site.Kommunen.Where(k => k.Kommune.IsKreis && (k.OwnProfiles.Count > 0 || k.MemberProfiles.Count > 0)).Select(k => k.Kommune.Key), kreise.Select(o => o[0].GetString()));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
