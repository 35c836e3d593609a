using System.Text.RegularExpressions;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Validation;

/// <summary>Warns about template placeholders in square brackets left in the text of a plain page, such as "[Name der betreibenden Organisation]" in the Impressum.</summary>
/// <remarks>
/// The legal pages ship as templates; a catalogue published with them unfilled has no valid Impressum. Brackets that Markdown
/// reads as a link (followed by '(' or '[', or defined as a reference), footnotes and code are not placeholders.
/// </remarks>
internal static partial class PagePlaceholders
{
    public static void Report(MarkdownSource source, DiagnosticBag diagnostics)
    {
        var lines = source.Body.Split('\n');
        var definitions = lines.Select(l => Definition().Match(l)).Where(m => m.Success).Select(m => Normalise(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var fence = (string?)null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (Fence().Match(trimmed) is { Success: true } open && (fence is null || trimmed.StartsWith(fence, StringComparison.Ordinal)))
            {
                fence = fence is null ? open.Value : null;
                continue;
            }

            if (fence is not null || Definition().IsMatch(line))
            {
                continue;
            }

            var text = CodeSpan().Replace(line, m => new string(' ', m.Length));
            foreach (Match match in Bracketed().Matches(text))
            {
                if (definitions.Contains(Normalise(match.Groups[1].Value)))
                {
                    continue;
                }

                var at = new SourceSpan(source.File.DisplayPath, source.BodyLine + i, match.Index + 1);
                diagnostics.Warning(DiagnosticCodes.PagePlaceholder, $"Platzhalter '{Suggestions.Shown(match.Value)}' steht noch im Text — ersetzen Sie ihn durch die echte Angabe oder löschen Sie ihn, bevor der Katalog veröffentlicht wird", at);
            }
        }
    }

    private static string Normalise(string label) => string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>Text in brackets that Markdown does not read as a link, image, footnote or task box: not after '!', ']' or a backslash, not followed by '(', '[' or ':'.</summary>
    [GeneratedRegex(@"(?<![\]\\!])\[(?!\^)([^\[\]\n]{2,})\](?![(\[:])")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^ {0,3}\[([^\]]+)\]:")]
    private static partial Regex Definition();

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`+[^`]*`+")]
    private static partial Regex CodeSpan();
}
