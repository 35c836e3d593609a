using Transferkatalog.Cli;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>CLI details of the editors' workflow: the bundled theme for tool installs and the end-of-build summary.</summary>
public sealed class CliEditorTests
{
    [Fact]
    public void Tool_ships_the_default_theme_identical_to_the_repository_copy()
    {
        var bundled = CliApp.BundledTheme;
        var repo = Repo.Theme;

        var expected = Directory.GetFiles(repo, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(repo, f)).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.GetFiles(bundled, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(bundled, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.All(expected, f => Assert.Equal(File.ReadAllBytes(Path.Combine(repo, f)), File.ReadAllBytes(Path.Combine(bundled, f))));
    }

    [Fact]
    public void Explicit_theme_wins_over_the_fallbacks()
    {
        Assert.Equal("eigenes/theme", CliApp.ResolveTheme("eigenes/theme"));

        // Without --theme: the working directory's themes/default when present, otherwise the bundled copy.
        var resolved = CliApp.ResolveTheme(null);
        Assert.True(resolved == "themes/default" ? Directory.Exists("themes/default") : resolved == CliApp.BundledTheme);
    }

    [Fact]
    public void Build_without_theme_option_uses_a_theme_and_prints_one_summary_line_without_progress_noise()
    {
        using var catalog = TestCatalog.FromRepository();

        var (code, output, errors) = CliRunner.Run("build", "--content", catalog.Content, "--output", catalog.Output);

        Assert.True(code == CliApp.ExitOk, errors);
        var summary = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^Website gebaut mit Transferkatalog \d+\.\d+\.\d+: \d+ Steckbriefe, \d+ Seiten, \d+ Warnungen, 0 Fehler in \d+\.\d\d s → ", summary);

        // Output redirected (as in CI): no carriage returns or terminal escapes from the progress line.
        Assert.DoesNotContain('\r', output + errors);
        Assert.DoesNotContain('\u001b', output + errors);
        Assert.True(File.Exists(Path.Combine(catalog.Output, "index.html")));
    }
}
