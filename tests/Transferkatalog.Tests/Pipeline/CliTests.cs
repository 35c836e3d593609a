using Transferkatalog.Cli;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>The command line: exit codes, help, and diagnostics on standard error.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Build_succeeds_with_exit_zero()
    {
        var (exit, output, _) = Run("build", "--content", sample.Content, "--theme", Repo.Theme, "--output", sample.Output);
        Assert.Equal(0, exit);
        Assert.Contains("3 Steckbriefe", output);
        Assert.True(File.Exists(Path.Combine(sample.Output, "index.html")));
    }

    [Fact]
    public void Content_errors_exit_with_one_and_list_every_diagnostic()
    {
        sample.Replace("projekte/dorfladen-app.md", "kommunen: [nieheim]", "kommunen: [brakle]");
        sample.Replace("projekte/lorawan-netz.md", "status: abgeschlossen", "status: fertig");
        var (exit, _, errors) = Run("check", "--content", sample.Content);
        Assert.Equal(1, exit);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("dorfladen-app.md(5,12): error TK0104: unbekannte Kommune 'brakle'") && l.Contains("meinten Sie 'brakel'?"));
        Assert.Contains(lines, l => l.Contains("lorawan-netz.md(6,9): error TK0106"));
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public void Wrong_usage_exits_with_two()
    {
        Assert.Equal(2, Run("build", "--gibt-es-nicht").Exit);
        Assert.Equal(2, Run("zaubern").Exit);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    public void Help_works_for_each_command(string command)
    {
        var (exit, output, _) = Run(command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--content", output);
    }
}
