using Transferkatalog.Cli;
using Transferkatalog.Scaffolding;
using Transferkatalog.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Tests.Editor;

/// <summary>`transferkatalog init`: a new catalogue repository that passes check and build at once.</summary>
public sealed class InitTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "tk-init-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void A_new_catalogue_for_one_kreis_passes_check_and_build_without_a_warning()
    {
        var folder = Path.Combine(root, "katalog-hoexter");
        var (exit, output, errors) = Run("init", folder, "--kreis", "hoexter", "--titel", "Transferkatalog Höxter");
        Assert.True(exit == 0, errors);
        Assert.Contains("11 Kommunen (Kreis Höxter)", output);

        var check = Run("check", "--content", Path.Combine(folder, "content"));
        Assert.True(check.Exit == 0, check.Err);
        Assert.Contains("0 Warnungen, 0 Fehler", check.Out);
        var site = Path.Combine(folder, "_site");
        var build = Run("build", "--content", Path.Combine(folder, "content"), "--theme", Repo.Theme, "--output", site);
        Assert.True(build.Exit == 0, build.Err);
        Assert.Contains("0 Warnungen, 0 Fehler", build.Out);

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "projekte", CatalogInitializer.ExampleSlug, "index.html")));
        Assert.Equal("Beispielprojekt Gemeinsame Beschaffung", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Transferkatalog Höxter", page.Title);

        // Only the Kreis and its towns, each block as in the bundled registry.
        var kommunen = new YamlStream();
        kommunen.Load(new StringReader(File.ReadAllText(Path.Combine(folder, "content", "kommunen.yml"))));
        var entries = ((YamlMappingNode)kommunen.Documents[0].RootNode).Children;
        Assert.Equal(11, entries.Count);
        Assert.All(entries, e => Assert.True(((YamlScalarNode)e.Key).Value == "kreis-hoexter" || ((YamlScalarNode)((YamlMappingNode)e.Value).Children["kreis"]).Value == "kreis-hoexter"));
    }

    [Fact]
    public void It_writes_content_pages_workflow_and_readme_but_no_templates()
    {
        var folder = Path.Combine(root, "neu");
        Assert.Equal(0, Run("init", folder, "--regierungsbezirk", "Münster", "--action", "kreis-beispiel/transferkatalog@v1").Exit);

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [".github/workflows/pages.yml", ".gitignore", "README.md", "content/handlungsfelder.yml", "content/kommunen.yml", "content/projekte/beispielprojekt.md",
             "content/seiten/barrierefreiheit.md", "content/seiten/datenschutz.md", "content/seiten/impressum.md", "content/seiten/mitmachen.md", "content/seiten/ueber.md", "content/site.yml"],
            files);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Content, "seiten", "impressum.md")), File.ReadAllText(Path.Combine(folder, "content", "seiten", "impressum.md")));

        // The workflow builds with the composite action and deploys with the official action, like this repository's.
        var workflow = File.ReadAllText(Path.Combine(folder, ".github", "workflows", "pages.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(workflow));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children["jobs"];
        var uses = jobs.Children.Values.Cast<YamlMappingNode>().SelectMany(j => ((YamlSequenceNode)j.Children["steps"]).Children.Cast<YamlMappingNode>())
            .Select(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var u) ? ((YamlScalarNode)u).Value : null).OfType<string>().ToList();
        Assert.Equal(["actions/checkout@" + WorkflowTests.CurrentMajors["actions/checkout"], "kreis-beispiel/transferkatalog@v1", "actions/deploy-pages@" + WorkflowTests.CurrentMajors["actions/deploy-pages"]], uses);
        Assert.Contains("pages: read", workflow);
        Assert.Contains("timeout-minutes", workflow);
        Assert.Contains("Settings → Pages", File.ReadAllText(Path.Combine(folder, "README.md")));

        var kommunen = File.ReadAllText(Path.Combine(folder, "content", "kommunen.yml"));
        Assert.Contains("kreis-warendorf:", kommunen);
        Assert.DoesNotContain("regierungsbezirk: Detmold", kommunen);
    }

    [Fact]
    public void It_refuses_a_folder_that_is_not_empty_and_touches_nothing()
    {
        var folder = Path.Combine(root, "voll");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ".keep"), "mine");

        var (exit, _, errors) = Run("init", folder);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("ist nicht leer", errors);
        Assert.Equal([Path.Combine(folder, ".keep")], Directory.EnumerateFileSystemEntries(folder));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, ".keep")));
    }

    [Theory]
    [InlineData("--kreis", "kreis-hoxter", "meinten Sie 'kreis-hoexter'?")]
    [InlineData("--regierungsbezirk", "detmol", "meinten Sie 'Detmold'?")]
    [InlineData("--action", "nur-ein-name", "besitzer/repository@version")]
    [InlineData("--basis-url", "https://kreis.github.io/katalog/?x=1", "ohne '?' und '#'")]
    [InlineData("--basis-url", "javascript:alert(1)", "keine http(s)-Adresse")]
    public void Unknown_choices_are_refused_with_a_suggestion_and_write_nothing(string option, string value, string expected)
    {
        var folder = Path.Combine(root, "k");
        var (exit, _, errors) = Run("init", folder, option, value);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains(expected, errors);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
    }
}
