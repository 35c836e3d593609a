using Transferkatalog.Diagnostics;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Annotations for GitHub (at most 10 per kind): grouped, editor-fixable errors first; and the summary table.</summary>
public sealed class GitHubReportTests
{
    private static Diagnostic Error(string file, string code = "TK0401", string message = "Verweis führt ins Leere: <a href=\"/x/\">", int line = 0) =>
        new(DiagnosticCodes.All.Single(c => c.Id == code), message, file, line, line > 0 ? 3 : 0);

    [Fact]
    public void The_same_theme_link_on_118_pages_is_one_annotation_after_the_markdown_error()
    {
        var diagnostics = Enumerable.Range(0, 118).Select(i => Error($"(Ausgabe)/projekte/p{i:000}/index.html"))
            .Append(Error("content/projekte/zz.md", "TK0104", "unbekannte Kommune 'brakle' — meinten Sie 'brakel'?", line: 5))
            .OrderBy(d => d.File, StringComparer.Ordinal).ToList();

        var annotations = GitHubReport.Annotations(diagnostics);

        Assert.Equal(2, annotations.Count);
        Assert.StartsWith("::error file=content/projekte/zz.md,line=5,col=3,title=TK0104::unbekannte Kommune", annotations[0]);
        Assert.StartsWith("::error title=TK0401::Verweis führt ins Leere", annotations[1]);
        Assert.Contains("auf 118 Seiten, z. B. (Ausgabe)/projekte/p000/index.html", annotations[1]);
        Assert.DoesNotContain("file=", annotations[1]);
    }

    [Fact]
    public void More_than_ten_errors_fill_nine_slots_and_count_the_rest_and_warnings_come_separately()
    {
        var errors = Enumerable.Range(1, 14).Select(i => Error($"content/projekte/p{i:00}.md", "TK0101", $"Pflichtfeld fehlt {i}", line: i));
        var warning = new Diagnostic(DiagnosticCodes.StaleProfile, "veraltet", "content/projekte/alt.md", 2, 1);

        var annotations = GitHubReport.Annotations([warning, .. errors]);

        Assert.Equal(11, annotations.Count);
        Assert.All(annotations.Take(9), a => Assert.StartsWith("::error file=content/projekte/p", a));
        Assert.Equal("::error title=Transferkatalog::… und 5 weitere Fehler: alle Meldungen stehen in der Zusammenfassung des Laufs und im Protokoll dieses Schritts.", annotations[9]);
        Assert.StartsWith("::warning file=content/projekte/alt.md,line=2,col=1,title=TK0501::", annotations[10]);
    }

    [Fact]
    public void Theme_errors_come_after_content_errors_and_before_output_errors()
    {
        var annotations = GitHubReport.Annotations([
            Error("(Ausgabe)/index.html"),
            Error("themes/default/templates/layout.sbn-html", "TK0402", "Fehler in der Vorlage", line: 4),
            Error("content/site.yml", "TK0101", "Pflichtfeld 'titel' fehlt", line: 1),
        ]);

        Assert.Contains("content/site.yml", annotations[0]);
        Assert.Contains("layout.sbn-html", annotations[1]);
        Assert.Contains("(Ausgabe)/index.html", annotations[2]);
    }

    [Fact]
    public void The_summary_lists_every_diagnostic_once_with_markdown_and_html_made_harmless()
    {
        var diagnostics = Enumerable.Range(0, 3).Select(i => Error($"(Ausgabe)/p{i}/index.html"))
            .Append(Error("content/projekte/a|b.md", "TK0106", "ungültiger Wert 'x|y' <script>", line: 7))
            .ToList();

        var summary = GitHubReport.Summary("Transferkatalog 0.1.0, build: fehlgeschlagen — 4 Fehler, 0 Warnungen", diagnostics);
        var rows = summary.Split('\n').Where(l => l.StartsWith("| Fehler", StringComparison.Ordinal)).ToList();

        Assert.StartsWith("### Transferkatalog 0.1.0, build: fehlgeschlagen — 4 Fehler, 0 Warnungen\n", summary);
        Assert.Equal(4, rows.Count);
        Assert.Equal("| Fehler | TK0106 | <code>content/projekte/a&#124;b.md</code> Zeile 7, Spalte 3 | ungültiger Wert 'x&#124;y' &lt;script&gt; |", rows[0]);
        Assert.All(rows, r => Assert.Equal(5, r.Count(c => c == '|')));
        Assert.Contains("Keine Meldungen.", GitHubReport.Summary("ok", []));
    }
}
