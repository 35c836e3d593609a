using Transferkatalog.Rendering;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Theming;

/// <summary>The list of templates and their variables in README is the one the code uses, and complete.</summary>
public sealed class ThemeContractTests
{
    private const string Start = "<!-- theme-contract:start -->\n";
    private const string End = "<!-- theme-contract:end -->";

    [Fact]
    public void Readme_lists_every_template_with_the_variables_its_view_has()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        var from = readme.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var shown = readme[from..readme.IndexOf(End, from, StringComparison.Ordinal)];
        var expected = ThemeContract.Describe(new ScribanTemplateEngine().TemplateExtension);
        if (shown != expected)
        {
            var file = Path.Combine(Path.GetTempPath(), "theme-contract.md");
            File.WriteAllText(file, expected);
            Assert.Fail($"README.md between '{Start.Trim()}' and '{End}' is out of date; the current tables are in {file}");
        }

        foreach (var type in new[] { typeof(CardView), typeof(TermLink), typeof(NavLink), typeof(KontaktView), typeof(PaginationView) })
        {
            Assert.Contains($"`{type.Name}`", shown);
        }
    }

    [Fact]
    public void The_default_theme_has_exactly_the_templates_and_partials_the_contract_names()
    {
        var extension = new ScribanTemplateEngine().TemplateExtension;
        string[] Names(string folder) =>
            [.. Directory.EnumerateFiles(Path.Combine(Repo.Theme, folder), "*" + extension).Select(f => Path.GetFileName(f)[..^extension.Length]).Order(StringComparer.Ordinal)];

        Assert.Equal(ThemeContract.Templates.Keys.Order(StringComparer.Ordinal), Names("templates"));
        Assert.Equal(ThemeContract.DefaultPartials.Keys.Order(StringComparer.Ordinal), Names(Path.Combine("templates", "partials")));
    }
}
