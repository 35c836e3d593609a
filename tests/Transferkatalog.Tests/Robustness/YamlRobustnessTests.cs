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
    public void DeepNestingIsAnErrorNotAStackOverflow(string open, string close)
    {
        // 100,000 levels overflowed the stack inside YamlDotNet's recursive loader and killed the process.
        const int depth = 100_000;
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter + "stichworte:\n  " + nested + "\n"), "TK0022");
        Assert.EndsWith("projekte/x.md", d.File);
        Assert.Equal(11, d.Line);
        Assert.Contains("verschachtelt", d.Message);
    }
}
