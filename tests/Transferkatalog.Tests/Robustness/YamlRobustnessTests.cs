using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Robustness;

/// <summary>YAML that is legal or nearly so but hostile: deep nesting, aliases, tabs, odd keys.</summary>
public sealed class YamlRobustnessTests : IDisposable
{
    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Deep_nesting_is_an_error_not_a_stack_overflow(string open, string close)
    {
        // 100,000 levels overflowed the stack inside YamlDotNet's recursive loader and killed the process.
        const int depth = 100_000;
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter + "stichworte:\n  " + nested + "\n"), "TK0022");
        Assert.EndsWith("projekte/x.md", d.File);
        Assert.Equal(11, d.Line);
        Assert.Contains("verschachtelt", d.Message);
    }

    [Fact]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        // YamlDotNet points at the start of the enclosing mapping (line 2) and says so in English.
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter.Replace("  organisation", "\torganisation", StringComparison.Ordinal)), "TK0020");
        Assert.Equal(8, d.Line);
        Assert.Equal(1, d.Column);
        Assert.Contains("Tabulator", d.Message);
        Assert.Contains("Leerzeichen", d.Message);
    }

    [Fact]
    public void Tab_before_a_top_level_key_is_reported_at_the_tab()
    {
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter + "  \tseit: 2020\n"), "TK0020");
        Assert.Equal(10, d.Line);
        Assert.Equal(3, d.Column);
        Assert.Contains("Tabulator", d.Message);
    }

    [Fact]
    public void Key_that_is_a_list_is_explained_not_reported_as_empty_name()
    {
        var diagnostics = input.CheckProfile(HostileInput.ValidFrontMatter + "[seit]: 2020\n");
        var d = HostileInput.Single(diagnostics, "TK0102");
        Assert.Equal(10, d.Line);
        Assert.Equal(1, d.Column);
        Assert.DoesNotContain("''", d.Message);
        Assert.Contains("eine Liste", d.Message);
    }

    [Fact]
    public void Missing_key_before_colon_is_explained()
    {
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter + "\"\": 2020\n"), "TK0102");
        Assert.Equal(10, d.Line);
        Assert.DoesNotContain("''", d.Message);
        Assert.Contains("Schlüssel fehlt", d.Message);
    }

    [Fact]
    public void Registry_key_that_is_a_list_is_explained()
    {
        input.Sample.Write("handlungsfelder.yml", MinimalCatalog.HandlungsfelderYml + "\n[bildung]:\n  name: Bildung\n  beschreibung: Schulen.\n");
        var d = HostileInput.Single(input.Check(), "TK0204");
        Assert.Equal(10, d.Line);
        Assert.DoesNotContain("''", d.Message);
        Assert.Contains("eine Liste", d.Message);
    }
}
