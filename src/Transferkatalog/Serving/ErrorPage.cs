using System.Net;
using System.Text;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;

namespace Transferkatalog.Serving;

/// <summary>The page the preview shows instead of the site while the latest build has errors.</summary>
public static class ErrorPage
{
    /// <summary>Self-contained HTML (no theme, which may be what is broken); every diagnostic is HTML-encoded.</summary>
    public static string Render(BuildResult result, string liveReloadTag)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build fehlgeschlagen – Vorschau</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
            h1 { color: #a4000f; }
            li { margin-bottom: .75rem; }
            code { background: #f3f3f3; padding: .1rem .3rem; }
            .error { color: #a4000f; font-weight: bold; }
            .warning { color: #7a4d00; font-weight: bold; }
            </style>
            </head>
            <body>
            <main>
            <h1>Build fehlgeschlagen</h1>

            """);
        sb.Append("<p>Die Website konnte nicht neu gebaut werden: ")
            .Append(result.ErrorCount).Append(" Fehler")
            .Append(", ").Append(result.WarningCount).Append(result.WarningCount == 1 ? " Warnung" : " Warnungen")
            .Append(". Korrigieren Sie die Datei und speichern Sie sie; diese Seite lädt dann von selbst neu.</p>\n<ol class=\"diagnosen\">\n");
        foreach (var d in result.Diagnostics)
        {
            var location = d.Line > 0 ? $"{d.File}, Zeile {d.Line}, Spalte {d.Column}" : d.File;
            var kind = d.Severity == Severity.Error ? "error" : "warning";
            var label = d.Severity == Severity.Error ? "Fehler" : "Warnung";
            sb.Append("<li><span class=\"").Append(kind).Append("\">").Append(label).Append(' ').Append(WebUtility.HtmlEncode(d.Code)).Append("</span> in <code>")
                .Append(WebUtility.HtmlEncode(location)).Append("</code>:<br>")
                .Append(WebUtility.HtmlEncode(d.Message)).Append("</li>\n");
        }

        sb.Append("</ol>\n</main>\n").Append(liveReloadTag).Append("\n</body>\n</html>\n");
        return sb.ToString();
    }
}
