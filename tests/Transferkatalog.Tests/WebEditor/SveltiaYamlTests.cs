using Transferkatalog.WebEditor;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Tests.WebEditor;

/// <summary>config.yml is written with YamlDotNet's emitter: every string reads back as that string, never as a number, truth value or null.</summary>
public sealed class SveltiaYamlTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("y")]
    [InlineData("N")]
    [InlineData("On")]
    [InlineData("OFF")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("0")]
    [InlineData("-12")]
    [InlineData("+3")]
    [InlineData("007")]
    [InlineData("0o17")]
    [InlineData("0x1F")]
    [InlineData("0b101")]
    [InlineData("1_000")]
    [InlineData("1e3")]
    [InlineData("3.14")]
    [InlineData(".5")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    [InlineData("12:30")]
    [InlineData("2026-12-01")]
    [InlineData("")]
    public void A_string_that_a_parser_would_take_for_something_else_is_quoted(string value)
    {
        var (style, read) = RoundTrip(value);

        Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, style);
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData("Steckbriefe")]
    [InlineData("content/projekte")]
    [InlineData("{{slug}}")]
    [InlineData("-")]
    [InlineData("a: b")]
    [InlineData("# kein Kommentar")]
    [InlineData(" führendes Leerzeichen")]
    [InlineData("Zeile 1\nZeile 2")]
    [InlineData("yesterday")]
    [InlineData("0x")]
    [InlineData("1.2.3")]
    [InlineData("^[0-9]{5}$")]
    public void Any_other_string_reads_back_unchanged(string value)
    {
        var (_, read) = RoundTrip(value);

        Assert.Equal(value, read);
    }

    [Fact]
    public void Numbers_and_truth_values_stay_plain()
    {
        var yaml = SveltiaConfig.ToYaml(new Dictionary<string, object> { ["required"] = true, ["maxlength"] = 300, ["betrag"] = 2.5m });

        Assert.Equal("required: true\nmaxlength: 300\nbetrag: 2.5\n", yaml);
    }

    private static (YamlDotNet.Core.ScalarStyle Style, string? Value) RoundTrip(string value)
    {
        var yaml = SveltiaConfig.ToYaml(new Dictionary<string, object> { ["wert"] = value });
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("wert")];
        return (scalar.Style, scalar.Value);
    }
}
