using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Transferkatalog.SafeMarkdown;

/// <summary>Markdig's link renderer, except that root-relative addresses go under the site's base path.</summary>
/// <remarks>Applied while writing rather than to the parsed tree, so one parsed body serves every base path and every thread.</remarks>
internal sealed class SafeLinkRenderer : HtmlObjectRenderer<LinkInline>
{
    /// <summary>The site's base path ("/" or "/katalog/"), set for each rendering.</summary>
    public string BasePath { get; set; } = "/";

    /// <summary>
    /// When set, addresses are not written but collected with their place in the output, so one rendering serves every
    /// base path (see <see cref="MarkdownBody"/>), and the parsed tree need not be kept until the page is rendered.
    /// </summary>
    public List<(int At, string Url)>? Slots { get; set; }

    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (renderer.EnableHtmlForInline)
        {
            var url = link.GetDynamicUrl != null ? link.GetDynamicUrl() ?? link.Url : link.Url;
            renderer.Write(link.IsImage ? "<img src=\"" : "<a href=\"");
            if (Slots is not null && url is not null && renderer.Writer is StringWriter collecting)
            {
                Slots.Add((collecting.GetStringBuilder().Length, url));
            }
            else
            {
                renderer.WriteEscapeUrl(url is null ? null : LinkSafety.UnderBasePath(url, BasePath));
            }

            renderer.Write('"');
            renderer.WriteAttributes(link);
        }

        if (link.IsImage)
        {
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write(" alt=\"");
            }

            var wasEnableHtmlForInline = renderer.EnableHtmlForInline;
            renderer.EnableHtmlForInline = false;
            renderer.WriteChildren(link);
            renderer.EnableHtmlForInline = wasEnableHtmlForInline;
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write('"');
            }
        }

        if (renderer.EnableHtmlForInline && !string.IsNullOrEmpty(link.Title))
        {
            renderer.Write(" title=\"");
            renderer.WriteEscape(link.Title);
            renderer.Write('"');
        }

        if (link.IsImage)
        {
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write(" />");
            }
        }
        else
        {
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write('>');
            }

            renderer.WriteChildren(link);
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write("</a>");
            }
        }
    }
}

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

/// <summary>Footnotes as plain text: Markdig's group renderer writes its div and list even when HTML is off.</summary>
internal sealed class PlainFootnoteGroupRenderer : HtmlObjectRenderer<FootnoteGroup>
{
    protected override void Write(HtmlRenderer renderer, FootnoteGroup footnotes)
    {
        foreach (var footnote in footnotes)
        {
            renderer.WriteChildren((Footnote)footnote);
        }
    }
}

/// <summary>Footnote marks as plain text: nothing, they are numbers and arrows.</summary>
internal sealed class PlainFootnoteLinkRenderer : HtmlObjectRenderer<FootnoteLink>
{
    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
    }
}
