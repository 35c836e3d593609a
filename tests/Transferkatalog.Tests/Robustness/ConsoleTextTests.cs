using Transferkatalog.Diagnostics;

namespace Transferkatalog.Tests.Robustness;

/// <summary>No printed line can issue a GitHub Actions workflow command or split into two.</summary>
public sealed class ConsoleTextTests
{
    [Theory]
    [InlineData("x\n::error file=a::pwned")]
    [InlineData("x\r\n::stop-commands::token")]
    [InlineData("x\u2028::add-mask::y")]
    [InlineData("x\u0085::warning::y")]
    public void Value_with_a_line_break_stays_on_one_line(string value)
    {
        var d = new Diagnostic(DiagnosticCodes.InvalidValue, $"ungültiger Wert '{value}'", "content/projekte/x.md", 3, 9);
        var line = d.ToString();
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\u2028', line);
        Assert.DoesNotContain('\u0085', line);
        Assert.StartsWith("content/projekte/x.md(3,9): error TK0106", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::stop-commands::token")]
    [InlineData("   ::error::x")]
    [InlineData("\t::error::x")]
    public void Line_that_would_start_a_workflow_command_is_prefixed(string text)
    {
        // The runner trims leading blanks, so a space in front is not enough.
        var line = ConsoleText.Line(text);
        Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
        Assert.Contains("::", line);
    }

    [Fact]
    public void Old_style_command_anywhere_in_the_line_is_broken_up()
    {
        // "##[add-mask]…" is recognised anywhere in a line, not only at its start.
        var line = ConsoleText.Line("Wert '##[add-mask]geheim' ist ungültig");
        Assert.DoesNotContain("##[", line);
    }

    [Fact]
    public void File_name_with_line_break_cannot_forge_an_annotation()
    {
        var d = new Diagnostic(DiagnosticCodes.InvalidSlug, "ungültiger Dateiname", "content/projekte/a\n::error file=x::b.md", 1, 1);
        Assert.Single(d.ToString().Split('\n'));
        Assert.Single(d.ToGitHubAnnotation().Split('\n'));
        Assert.StartsWith("::error file=content/projekte/a%0A%3A%3Aerror", d.ToGitHubAnnotation(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_text_is_unchanged()
    {
        const string text = "content/projekte/x.md(4,19): error TK0103: unbekannter Handlungsfeld-Schlüssel 'verwaltng' — meinten Sie 'verwaltung'? Tab\tbleibt.";
        Assert.Same(text, ConsoleText.Line(text));
    }
}
