using AngleSharp.Html.Parser;
using Transferkatalog.Cli;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>`--base-url` with only a path (`/`, `/katalog/`): every absolute address uses basis_url's host and that path.</summary>
public sealed class BaseUrlTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    [Theory]
    [InlineData("/", "https://org.github.io/")]
    [InlineData("/katalog/", "https://org.github.io/katalog/")]
    public void Canonical_links_json_ld_feed_sitemap_and_open_data_agree(string baseUrl, string expected)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(["build", "--content", sample.Content, "--theme", Repo.Theme, "--output", sample.Output, "--base-url", baseUrl], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        string Text(string path) => File.ReadAllText(Path.Combine(sample.Output, path));

        var page = new HtmlParser().ParseDocument(Text("projekte/dorfladen-app/index.html"));
        var profileUrl = expected + "projekte/dorfladen-app/";
        Assert.Equal(profileUrl, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Contains($"\"url\":\"{profileUrl}\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Contains($"<loc>{profileUrl}</loc>", Text("sitemap.xml"));
        Assert.Contains($"href=\"{profileUrl}\"", Text("feed.xml"));
        Assert.Contains($"\"{profileUrl}\"", Text("daten/katalog.json"));

        // Internal links stay paths under the base path.
        var home = new HtmlParser().ParseDocument(Text("index.html"));
        Assert.Contains(new Uri(expected).AbsolutePath + "projekte/dorfladen-app/", home.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }
}
