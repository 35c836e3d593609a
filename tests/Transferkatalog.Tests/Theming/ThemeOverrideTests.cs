using AngleSharp.Html.Parser;
using Transferkatalog.Cli;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Theming;

/// <summary>A catalogue's own theme folder overrides the default theme file by file, as Hugo's theme lookup does.</summary>
public sealed class ThemeOverrideTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    private string OwnTheme => Path.Combine(sample.Root, "themes", "kreis");

    private void WriteOwn(string relative, string text)
    {
        var path = Path.Combine(OwnTheme, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private BuildResult Build() =>
        new SiteBuilder().Build(new BuildOptions(sample.Content, OwnTheme, sample.Output, null, new DateOnly(2026, 11, 21), FallbackThemeDir: Repo.Theme));

    private string Output(string relative) => File.ReadAllText(Path.Combine(sample.Output, relative));

    [Fact]
    public void One_partial_and_two_assets_override_the_default_and_everything_else_falls_back()
    {
        WriteOwn("templates/partials/karte.sbn-html", "<li class=\"karte eigene\" data-karte data-nr=\"{{ DataNr }}\"><a href=\"{{ Url }}\">{{ Titel }}</a></li>\n");
        WriteOwn("assets/style.css", "body { color: #123; }\n");
        WriteOwn("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");

        var result = Build();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        var catalogue = new HtmlParser().ParseDocument(Output("index.html"));
        Assert.Equal(3, catalogue.QuerySelectorAll("li.karte.eigene").Length);
        Assert.Empty(catalogue.QuerySelectorAll(".karte-text"));
        Assert.NotNull(catalogue.QuerySelector("form#filter"));
        Assert.Equal("Gemeinsames Rechenzentrum", new HtmlParser().ParseDocument(Output("projekte/gemeinsames-rechenzentrum/index.html")).QuerySelector("h1")!.TextContent);
        Assert.Equal("body { color: #123; }\n", Output("assets/style.css"));
        Assert.True(File.Exists(Path.Combine(sample.Output, "assets", "logo.svg")));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Theme, "assets", "katalog.js")), Output("assets/katalog.js"));
    }

    [Fact]
    public void An_error_in_an_overriding_template_names_that_file()
    {
        WriteOwn("templates/404.sbn-html", "<h1>{{ Heading }}</h1>\n<p><a href=\"{{ HomeURL }}\">Start</a></p>\n");

        var error = Assert.Single(Build().Diagnostics);

        Assert.Equal("TK0402", error.Code);
        Assert.EndsWith("themes/kreis/templates/404.sbn-html", error.File);
        Assert.Equal((2, 16), (error.Line, error.Column));
        Assert.Contains("meinten Sie 'HomeUrl'?", error.Message);
        Assert.False(Directory.Exists(sample.Output));
    }

    [Fact]
    public void A_theme_folder_that_does_not_exist_is_an_error_even_with_a_fallback()
    {
        var error = Assert.Single(Build().Diagnostics);
        Assert.Equal("TK0403", error.Code);
        Assert.Contains("gibt es nicht", error.Message);
    }

    [Fact]
    public void The_command_line_falls_back_to_the_theme_shipped_with_the_tool()
    {
        WriteOwn("assets/style.css", "/* eigene Farben */\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["build", "--content", sample.Content, "--theme", OwnTheme, "--output", sample.Output], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal("/* eigene Farben */\n", Output("assets/style.css"));
        Assert.Contains("class=\"karte-titel\"", Output("index.html"));
    }
}
