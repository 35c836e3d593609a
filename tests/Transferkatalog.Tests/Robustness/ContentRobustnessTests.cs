using System.Diagnostics;
using Transferkatalog.Tests.Support;

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
    // The edges of every range the loader scans for (tab and line feed lie between the first two).
    [InlineData("titel: T", "titel: T\u0008x", 2, 9, "U+0008")]
    [InlineData("titel: T", "titel: T\u000Bx", 2, 9, "U+000B")]
    [InlineData("titel: T", "titel: T\u001Fx", 2, 9, "U+001F")]
    [InlineData("titel: T", "titel: T\u007Fx", 2, 9, "U+007F")]
    [InlineData("titel: T", "titel: T\u009Fx", 2, 9, "U+009F")]
    [InlineData("titel: T", "titel: T\u202Ax", 2, 9, "U+202A")]
    [InlineData("titel: T", "titel: T\u202Ex", 2, 9, "U+202E")]
    [InlineData("titel: T", "titel: T\u2066x", 2, 9, "U+2066")]
    [InlineData("titel: T", "titel: T\u2069x", 2, 9, "U+2069")]
    public void Control_character_in_front_matter_is_located(string old, string replacement, int line, int column, string codePoint)
    {
        // These passed silently and ended up in the HTML, where they are parse errors.
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter.Replace(old, replacement, StringComparison.Ordinal)), "TK0004");
        Assert.EndsWith("projekte/x.md", d.File);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains(codePoint, d.Message);
    }

    [Fact]
    public void Control_characters_in_body_are_all_reported_once_per_line()
    {
        var diagnostics = input.CheckProfile(HostileInput.ValidFrontMatter, "Erste Zeile\nText \u0001\u0002 Ende\n\u001b[31mrot\n");
        var found = diagnostics.Where(d => d.Code == "TK0004").Select(d => (d.Line, d.Column)).ToList();
        Assert.Equal([(12, 6), (13, 1)], found);
    }

    [Fact]
    public void Tabs_and_line_breaks_are_not_control_character_errors()
    {
        Assert.Empty(input.CheckProfile(HostileInput.ValidFrontMatter.Replace("  organisation: O", "  organisation: O\n  email: o@example.org", StringComparison.Ordinal), "Text\twith tab\r\n"));
    }

    [Fact]
    public void Control_character_in_registry_is_reported()
    {
        input.Sample.Replace("kommunen.yml", "name: Brakel", "name: Bra\u0000kel");
        var d = HostileInput.Single(input.Check(), "TK0004");
        Assert.EndsWith("kommunen.yml", d.File);
    }

    [Theory]
    [InlineData("/katalog/")]
    [InlineData("katalog/")]
    [InlineData("//org.github.io/repo/")]
    public void Relative_base_url_asks_for_a_full_address(string basis)
    {
        // "/katalog/" was reported as "must begin with http://, not with 'file:'": .NET reads a rooted path as a file URI on Unix.
        input.Sample.Replace("site.yml", "basis_url: https://org.github.io/transferkatalog/", $"basis_url: {basis}");
        var d = HostileInput.Single(input.Check(), "TK0110");
        Assert.Equal((3, 12), (d.Line, d.Column));
        Assert.DoesNotContain("file", d.Message);
        Assert.Contains("vollständig", d.Message);
    }

    [Fact]
    public void Relative_link_in_profile_asks_for_a_full_address()
    {
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter + "links:\n  - titel: Satzung\n    url: /dokumente/satzung.pdf\n"), "TK0110");
        Assert.Equal((12, 10), (d.Line, d.Column));
        Assert.DoesNotContain("file", d.Message);
    }

    [Theory]
    [InlineData("https://org.github.io/repo/?x=1")]
    [InlineData("https://org.github.io/repo/#start")]
    public void Base_url_with_query_or_fragment_is_rejected(string basis)
    {
        // The query and fragment were dropped without a word, so the site silently lived somewhere else than configured.
        input.Sample.Replace("site.yml", "basis_url: https://org.github.io/transferkatalog/", $"basis_url: {basis}");
        var d = HostileInput.Single(input.Check(), "TK0110");
        Assert.Equal((3, 12), (d.Line, d.Column));
        Assert.Contains("https://org.github.io/repo/", d.Message);
    }

    [Fact]
    public void Huge_unknown_reference_is_reported_quickly()
    {
        // Every unknown key was compared with every registry key by full edit distance: O(n·m) per key, minutes at 4,000 Kommunen.
        var kommunen = string.Concat(Enumerable.Range(0, 300).Select(i => $"k{i}:\n  name: K{i}\n  typ: kreisfreie-stadt\n  regierungsbezirk: R\n  land: L\n"));
        input.Sample.Write("kommunen.yml", MinimalCatalog.KommunenYml + "\n" + kommunen);
        var watch = Stopwatch.StartNew();
        var d = HostileInput.Single(input.CheckProfile(HostileInput.ValidFrontMatter.Replace("kommunen: [brakel]", "kommunen: [" + new string('x', 200_000) + "]", StringComparison.Ordinal)), "TK0104");
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 5);
        Assert.InRange(d.Message.Length, 0, 500);
    }
}
