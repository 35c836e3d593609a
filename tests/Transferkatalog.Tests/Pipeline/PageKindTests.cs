using AngleSharp.Html.Parser;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;
using Transferkatalog.Tests.Support;
using Transferkatalog.Validation;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Page kinds are types (see <see cref="SitePage"/>): a kind that is declared but not planned, not signed or not routed consistently fails here.</summary>
public sealed class PageKindTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void Every_page_kind_is_planned_signed_and_served_at_its_route()
    {
        var diagnostics = new DiagnosticBag();
        var catalog = new CatalogValidator().Validate(new ContentLoader().Load(Repo.Content, diagnostics), diagnostics);
        Assert.NotNull(catalog);
        var site = new SiteModelBuilder().Build(catalog, null, Today);
        var engine = new ScribanTemplateEngine();
        var source = ThemeLoader.Load(Repo.Theme, engine.TemplateExtension, diagnostics);
        Assert.NotNull(source);
        var theme = engine.Compile(source, diagnostics);
        Assert.NotNull(theme);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToSortedList()));
        var jobs = new SiteRenderer(theme, source).PlanPages(site, RelatedProjects.Compute(site.Profiles));

        // Each kind declared in the library appears in the plan of the repository's catalogue.
        var kinds = typeof(SitePage).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SitePage)) && !t.IsAbstract).ToList();
        Assert.True(kinds.Count >= 9, string.Join(", ", kinds.Select(k => k.Name)));
        Assert.All(kinds, kind => Assert.True(jobs.Any(j => j.Page.GetType() == kind), $"{kind.Name} is never planned by SiteRenderer.PlanPages"));

        // The preview reuses a page only by its signature: every kind must have one, or it would be rendered on every save.
        var signatureOf = new PageSignatures().For(site);
        Assert.All(jobs, j => Assert.True(signatureOf(j) is not null, $"{j.Page.GetType().Name} {j.Path} has no signature"));

        // One route table: each page's file serves its location, and the page names that location as its own address.
        Assert.Equal(jobs.Count, jobs.Select(j => j.Path).Distinct(StringComparer.Ordinal).Count());
        var parser = new HtmlParser();
        foreach (var kind in jobs.GroupBy(j => j.Page.GetType()))
        {
            var job = kind.First();
            Assert.Equal(job.Page.Location, Routes.Location(job.Path));
            Assert.Equal(job.Path, site.Urls.OutputPathFor(site.Urls.Local(job.Page.Location)));
            var html = parser.ParseDocument(job.Render());
            Assert.Equal(site.Urls.Absolute(site.Urls.Local(job.Page.Location)), html.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Equal($"seite-{job.Page.Template}", html.Body?.ClassName);
            Assert.True(ThemeContract.Templates.ContainsKey(job.Page.Template), $"{job.Page.Template} is missing from ThemeContract.Templates");
        }

        // A cold build writes exactly the planned pages, and the preview's first build the same bytes.
        var options = new BuildOptions(Repo.Content, Repo.Theme, ReferenceDate: Today);
        var built = new SiteBuilder().Build(options, write: false);
        Assert.True(built.Succeeded, string.Join('\n', built.Diagnostics));
        Assert.Equal(jobs.Select(j => j.Path), built.Files.Take(jobs.Count).Select(f => f.RelativePath));
        var preview = new SiteBuilder().Rebuild(options, new BuildCache(), []).Result;
        Assert.Equal(built.Files.Select(f => f.RelativePath), preview.Files.Select(f => f.RelativePath));
        Assert.All(built.Files.Zip(preview.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.RelativePath));
    }

    [Fact]
    public void Pages_with_an_editors_Markdown_name_its_source()
    {
        var diagnostics = new DiagnosticBag();
        var catalog = new CatalogValidator().Validate(new ContentLoader().Load(Repo.Content, diagnostics), diagnostics)!;
        var site = new SiteModelBuilder().Build(catalog, null, Today);
        var profile = new ProfilePage(site.Profiles[0], []);
        Assert.Equal(site.Profiles[0].Profile.SourcePath, profile.Body?.File);
        Assert.Equal(site.Profiles[0].Profile.Links, profile.Body?.Links);
        Assert.Equal(site.Pages[0].Page.SourcePath, new PlainPage(site.Pages[0]).Body?.File);
        Assert.Null(new CatalogPage(1).Body);
        Assert.Null(new NotFoundPage().Body);
    }
}
