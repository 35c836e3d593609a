using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Transferkatalog.Rendering;

/// <summary>Renders editors' Markdown safely: raw HTML is shown as text, unsafe link schemes and external images are defused.</summary>
public sealed class MarkdownRenderer
{
    // One pipeline for every build: building it is the expensive part, using it is thread-safe.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseFootnotes()
        .Build();

    private readonly MarkdownPipeline pipeline = Pipeline;
    private readonly string basePath;

    /// <param name="basePath">Prefix for root-relative links ("/projekte/x/"), so they work under a sub-path.</param>
    public MarkdownRenderer(string basePath) => this.basePath = basePath;

    public string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);
        Sanitize(document, null);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlFootnoteLinkRenderer>(new NamedFootnoteLinkRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Every link and image the rendered HTML will contain, with the attribute value as a browser reads it and where the editor wrote it.</summary>
    /// <remarks>Parses and sanitizes exactly as <see cref="Render"/> does, so the values match the page's attributes one for one.</remarks>
    public IReadOnlyList<BodyLink> Links(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);

        // Taken before sanitizing, with the addresses as written: walking the tree again after an unwrap missed later links.
        var inlines = document.Descendants<Inline>()
            .Where(i => i is LinkInline or AutolinkInline)
            .Select(i => (Inline: i, Written: (i as LinkInline)?.Url ?? string.Empty))
            .ToList();
        Sanitize(document, null);
        using var writer = new StringWriter();
        var html = new HtmlRenderer(writer);
        string AsRendered(string? prefix, string url)
        {
            // Markdig percent-encodes and HTML-escapes the address; the page check reads it back decoded.
            writer.GetStringBuilder().Clear();
            html.Write(prefix);
            html.WriteEscapeUrl(url);
            writer.Flush();
            return System.Net.WebUtility.HtmlDecode(writer.ToString());
        }

        var links = new List<BodyLink>();
        foreach (var (inline, written) in inlines)
        {
            if (inline.Parent is null)
            {
                continue; // defused: shown as text
            }

            if (inline is LinkInline { Url: not null } link)
            {
                var (line, column) = WrittenAt(link);
                links.Add(new BodyLink(link.IsImage ? "img" : "a", AsRendered(null, link.Url), written, line, column));
            }
            else if (inline is AutolinkInline autolink)
            {
                var prefix = autolink.IsEmail ? "mailto:" : null;
                links.Add(new BodyLink("a", AsRendered(prefix, autolink.Url), prefix + autolink.Url, autolink.Line, autolink.Column));
            }
        }

        return links;
    }

    /// <summary>Links and autolinks that <see cref="Render"/> turns into text because of their address scheme.</summary>
    public static IReadOnlyList<BodyLink> DefusedLinks(string markdown) => DefusedLinks(markdown, out _);

    /// <inheritdoc cref="DefusedLinks(string)"/>
    /// <param name="depth">How deeply blocks and inlines nest: Markdig's renderer gives up beyond its own limit, so the validator reports it first.</param>
    public static IReadOnlyList<BodyLink> DefusedLinks(string markdown, out int depth)
    {
        var defused = new List<BodyLink>();
        var document = Markdown.Parse(markdown, Pipeline);
        depth = Depth(document);
        new MarkdownRenderer("/").Sanitize(document, defused);
        return defused;
    }

    /// <summary>The deepest nesting of blocks and inlines, counted without recursion.</summary>
    private static int Depth(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case ContainerBlock blocks:
                    foreach (var child in blocks)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return deepest;
    }

    /// <summary>Plain text of the Markdown, for search indexes and word counts.</summary>
    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, pipeline);

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

    /// <summary>Where to point an editor for a link: its reference definition if it has one, since the address is written there.</summary>
    private static (int Line, int Column) WrittenAt(LinkInline link) =>
        link.Reference is { } definition ? (definition.Line, definition.Column) : (link.Line, link.Column);

    private void Sanitize(MarkdownDocument document, List<BodyLink>? defused)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // The page title is the only h1; body headings start at h2.
            heading.Level = Math.Max(2, heading.Level);
        }

        // One list taken before any change: walking the tree again after an unwrap missed later autolinks.
        var inlines = document.Descendants<Inline>().Where(i => i is LinkInline or AutolinkInline).ToList();
        foreach (var link in inlines.OfType<LinkInline>())
        {
            if (!IsSafeLink(link.Url))
            {
                var (line, column) = WrittenAt(link);
                defused?.Add(new BodyLink(link.IsImage ? "img" : "a", link.Url ?? string.Empty, link.Url ?? string.Empty, line, column));
                Unwrap(link);
                continue;
            }

            var url = link.Url!.Trim();
            if (link.IsImage && (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal)))
            {
                // Loading an external image would send readers' addresses to a third party: link to it instead.
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline("Bild"));
                }
            }

            if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith(basePath, StringComparison.Ordinal))
            {
                link.Url = basePath + url.TrimStart('/');
            }
        }

        foreach (var autolink in inlines.OfType<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeLink(autolink.Url))
            {
                defused?.Add(new BodyLink("a", autolink.Url, autolink.Url, autolink.Line, autolink.Column));
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    /// <summary>Replaces a link by its text, keeping the words but dropping the target.</summary>
    private static void Unwrap(LinkInline link)
    {
        var children = new List<Inline>();
        for (var child = link.FirstChild; child is not null; child = child.NextSibling)
        {
            children.Add(child);
        }

        foreach (var child in children)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        if (children.Count == 0 && link.Url is not null)
        {
            link.InsertBefore(new LiteralInline(link.Url));
        }

        link.Remove();
    }
}

/// <summary>A link or image in Markdown: the HTML element and attribute value it becomes, the address as written, and its 0-based line and column in the Markdown.</summary>
public readonly record struct BodyLink(string Tag, string Value, string Written, int Line, int Column);

/// <summary>Footnote links with names a screen reader can say: Markdig's read "1" and "right arrow curving left".</summary>
/// <remarks>Ids stay Markdig's (fn:n, fnref:n): one body per page, so they are unique, and no theme id has a colon.</remarks>
internal sealed class NamedFootnoteLinkRenderer : HtmlObjectRenderer<FootnoteLink>
{
    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
        var order = link.Footnote.Order;
        renderer.Write(link.IsBackLink
            ? $" <a href=\"#fnref:{link.Index}\" class=\"footnote-back-ref\" aria-label=\"Zurück zum Text (Fußnote {order})\">\u21A9\uFE0E</a>"
            : $"<a id=\"fnref:{link.Index}\" href=\"#fn:{order}\" class=\"footnote-ref\" aria-label=\"Fußnote {order}\"><sup>{order}</sup></a>");
    }
}
