using System.Net;

namespace Transferkatalog.Serving;

/// <summary>The preview's reload mechanism: a same-origin script that listens for new build versions by server-sent events.</summary>
public static class LiveReload
{
    /// <summary>The script element added to served HTML; carries the version the page was rendered from.</summary>
    public static string Tag(string basePath, int version) =>
        $"<script src=\"{WebUtility.HtmlEncode(basePath + PreviewServer.InternalPrefix)}livereload.js\" data-version=\"{version}\" defer></script>";

    /// <summary>Inserts the tag before the last &lt;/body&gt;, or appends it when the page has none.</summary>
    public static string Inject(string html, string tag)
    {
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + tag : html[..at] + tag + "\n" + html[at..];
    }

    /// <summary>Reloads the tab as soon as the server reports a version other than the one the page came from.</summary>
    /// <remarks>EventSource reconnects by itself, so a restarted server (version counting from 1 again) also reloads the tab.
    /// The address is written as a JSON string (quotes, backslashes and &lt; escaped), so no base URL can end the string or the script.</remarks>
    public static string Script(string basePath) => $$"""
        // Vorschau von „transferkatalog serve“: lädt die Seite neu, sobald die Website neu gebaut wurde.
        (function () {
          var script = document.currentScript;
          var shown = script && script.getAttribute("data-version");
          var source = new EventSource("{{System.Text.Json.JsonEncodedText.Encode(basePath + PreviewServer.InternalPrefix + "livereload")}}");
          source.addEventListener("version", function (event) {
            if (event.data !== shown) {
              source.close();
              window.location.reload();
            }
          });
        })();

        """;
}
