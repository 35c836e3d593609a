using System.Diagnostics;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Tests.Robustness;

/// <summary>Odd bytes and odd values: control characters, relative addresses, huge values.</summary>
public sealed class ContentRobustnessTests : IDisposable
{
    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    [Theory]
    [InlineData("titel: T", "titel: T\u0000x", 2, 9, "U+0000")]
    [InlineData("titel: T", "titel: \"T\u0007\"", 2, 10, "U+0007")]
    [InlineData("titel: T", "titel: T\u009Bx", 2, 9, "U+009B")]
    public void ControlCharacterInFrontMatterIsLocated(string old, string replacement, int line, int column, string codePoint)
    {
        // These passed silently and ended up in the HTML, where they are parse errors.
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter.Replace(old, replacement, StringComparison.Ordinal)), "TK0004");
        Assert.EndsWith("projekte/x.md", d.File);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains(codePoint, d.Message);
    }

    [Fact]
    public void ControlCharactersInBodyAreAllReportedOncePerLine()
    {
        var diagnostics = input.CheckProfile(HostileInput.ValidFrontMatter, "Erste Zeile\nText \u0001\u0002 Ende\n\u001b[31mrot\n");
        var found = diagnostics.Where(d => d.Code == "TK0004").Select(d => (d.Line, d.Column)).ToList();
        Assert.Equal([(12, 6), (13, 1)], found);
    }

    [Fact]
    public void TabsAndLineBreaksAreNotControlCharacterErrors()
    {
        Assert.Empty(input.CheckProfile(HostileInput.ValidFrontMatter, "Text\twith tab\r\n"));
    }

    [Fact]
    public void ControlCharacterInRegistryIsReported()
    {
        input.Sample.Replace("kommunen.yml", "name: Brakel", "name: Bra\u0000kel");
        var d = HostileInput.Single(input.Check(), "TK0004");
        Assert.EndsWith("kommunen.yml", d.File);
    }
}
