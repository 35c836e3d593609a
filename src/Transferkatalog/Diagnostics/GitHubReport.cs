using System.Text;

namespace Transferkatalog.Diagnostics;

/// <summary>Diagnostics for GitHub Actions: annotations that fit GitHub's limit, and a job-summary table of all of them.</summary>
/// <remarks>
/// GitHub shows at most 10 error and 10 warning annotations per step. So the same broken theme link on 118 output pages
/// becomes one annotation, errors an editor can fix in content/ come before those of the theme and the output, and when
/// more remain the last slot says how many and where to find them.
/// </remarks>
public static class GitHubReport
{
    /// <summary>GitHub's limit per step and kind (errors, warnings).</summary>
    public const int AnnotationsPerKind = 10;

    /// <summary>Rows of the summary table; GitHub accepts 1 MiB of summary per step.</summary>
    public const int SummaryRows = 1000;

    private const string OutputPrefix = "(Ausgabe)/";

    /// <summary>Workflow commands (::error …::, ::warning …::), errors first, at most <see cref="AnnotationsPerKind"/> of each.</summary>
    public static IReadOnlyList<string> Annotations(IReadOnlyList<Diagnostic> diagnostics)
    {
        var lines = new List<string>();
        foreach (var severity in new[] { Severity.Error, Severity.Warning })
        {
            var groups = Group(diagnostics.Where(d => d.Severity == severity));
            var shown = groups.Count <= AnnotationsPerKind ? groups.Count : AnnotationsPerKind - 1;
            lines.AddRange(groups.Take(shown).Select(Annotation));
            if (shown < groups.Count)
            {
                var rest = groups.Skip(shown).Sum(g => g.Diagnostics.Count);
                var kind = severity == Severity.Error ? "error" : "warning";
                var noun = severity == Severity.Error ? (rest == 1 ? "weiterer Fehler" : "weitere Fehler") : (rest == 1 ? "weitere Warnung" : "weitere Warnungen");
                lines.Add($"::{kind} title=Transferkatalog::{Escape($"… und {rest} {noun}: alle Meldungen stehen in der Zusammenfassung des Laufs und im Protokoll dieses Schritts.")}");
            }
        }

        return lines;
    }

    /// <summary>Markdown for $GITHUB_STEP_SUMMARY: a heading and one table row per diagnostic, in the order of the annotations.</summary>
    public static string Summary(string heading, IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        text.Append("### ").Append(Cell(heading)).Append("\n\n");
        if (diagnostics.Count == 0)
        {
            text.Append("Keine Meldungen.\n");
            return text.ToString();
        }

        text.Append("| Art | Code | Ort | Meldung |\n|---|---|---|---|\n");
        var ordered = Ordered(diagnostics).ToList();
        foreach (var d in ordered.Take(SummaryRows))
        {
            var kind = d.Severity == Severity.Error ? "Fehler" : "Warnung";
            var at = d.Line > 0 ? $"<code>{Cell(d.File)}</code> Zeile {d.Line}, Spalte {d.Column}" : $"<code>{Cell(d.File)}</code>";
            text.Append("| ").Append(kind).Append(" | ").Append(Cell(d.Code)).Append(" | ").Append(at).Append(" | ").Append(Cell(d.Message)).Append(" |\n");
        }

        if (ordered.Count > SummaryRows)
        {
            text.Append("\n… und ").Append(ordered.Count - SummaryRows).Append(" weitere Meldungen im Protokoll dieses Schritts.\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Diagnostics of one kind in the order editors should see them, identical ones on output pages merged: content
    /// files first, then theme and internal problems, then what was found in the generated pages.
    /// </summary>
    internal static IReadOnlyList<DiagnosticGroup> Group(IEnumerable<Diagnostic> diagnostics)
    {
        var groups = new List<DiagnosticGroup>();
        var byMessage = new Dictionary<(Severity, string, string), List<Diagnostic>>();
        foreach (var d in Ordered(diagnostics))
        {
            if (!IsOutput(d))
            {
                groups.Add(new DiagnosticGroup([d]));
                continue;
            }

            if (!byMessage.TryGetValue((d.Severity, d.Code, d.Message), out var same))
            {
                same = [];
                byMessage.Add((d.Severity, d.Code, d.Message), same);
                groups.Add(new DiagnosticGroup(same));
            }

            same.Add(d);
        }

        return groups;
    }

    private static IEnumerable<Diagnostic> Ordered(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1).ThenBy(Rank);

    /// <summary>0: a content file the editor can fix; 1: theme or the generator itself; 2: a generated page.</summary>
    private static int Rank(Diagnostic d) => IsOutput(d) ? 2 : ThemeOrGenerator.Contains(d.Definition) ? 1 : 0;

    private static readonly HashSet<DiagnosticCode> ThemeOrGenerator =
        [DiagnosticCodes.TemplateError, DiagnosticCodes.ThemeMissing, DiagnosticCodes.OutputNotWritable, DiagnosticCodes.InternalError];

    private static bool IsOutput(Diagnostic d) => d.File.StartsWith(OutputPrefix, StringComparison.Ordinal);

    private static string Annotation(DiagnosticGroup group)
    {
        var d = group.Diagnostics[0];
        var kind = d.Severity == Severity.Error ? "error" : "warning";
        if (group.Diagnostics.Count == 1 && !IsOutput(d))
        {
            return d.ToGitHubAnnotation();
        }

        // A generated page is no file of the repository: the annotation names the pages instead of pointing at one.
        var pages = group.Diagnostics.Select(x => x.File).Distinct(StringComparer.Ordinal).ToList();
        var where = pages.Count == 1 ? $"in {pages[0]}" : $"auf {pages.Count} Seiten, z. B. {string.Join(", ", pages.Take(3))}";
        return $"::{kind} title={EscapeProperty(d.Code)}::{Escape($"{d.Message} ({where})")}";
    }

    private static string Cell(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "&#124;", StringComparison.Ordinal).Replace("`", "&#96;", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Escape(string s) =>
        s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) =>
        Escape(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}

/// <summary>Diagnostics shown as one annotation: a single one, or the same message on several generated pages.</summary>
internal sealed record DiagnosticGroup(IReadOnlyList<Diagnostic> Diagnostics);
