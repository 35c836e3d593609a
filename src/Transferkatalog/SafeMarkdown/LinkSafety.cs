namespace Transferkatalog.SafeMarkdown;

/// <summary>Every rule about which addresses an editor's Markdown may link to or load, in one place.</summary>
public static class LinkSafety
{
    /// <summary>Whether a link may keep its address: http, https, mailto or a relative reference; anything else (javascript:, data:, vbscript: …) is shown as text.</summary>
    public static bool IsSafeLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true; // relative reference: no scheme
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    /// <summary>Whether an image address lies on another server: loading it would send readers' addresses to a third party, so it becomes a link.</summary>
    public static bool IsExternal(string url)
    {
        var trimmed = url.Trim();
        return trimmed.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>The address a safe link gets on the page: a root-relative one ("/projekte/x/") is put under the site's base path, so it works under a sub-path.</summary>
    /// <remarks>An address already under the base path is left alone, so editors who wrote it out in full are not punished.</remarks>
    public static string UnderBasePath(string url, string basePath)
    {
        var trimmed = url.Trim();
        return trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith(basePath, StringComparison.Ordinal)
            ? basePath + trimmed.TrimStart('/')
            : url;
    }

    [ThreadStatic]
    private static (StringWriter Writer, Markdig.Renderers.HtmlRenderer Renderer)? href;

    /// <summary>The href/src attribute text for <paramref name="url"/> on a site under <paramref name="basePath"/>: base path applied, escaped as Markdig writes it.</summary>
    public static string Href(string url, string basePath)
    {
        // One writer and renderer per thread: pages are rendered on many threads, and a renderer is costly to set up.
        var (writer, renderer) = href ??= (new StringWriter(), new Markdig.Renderers.HtmlRenderer(TextWriter.Null));
        writer.GetStringBuilder().Clear();
        renderer.Writer = writer;
        renderer.WriteEscapeUrl(UnderBasePath(url, basePath));
        writer.Flush();
        return writer.ToString();
    }
}
