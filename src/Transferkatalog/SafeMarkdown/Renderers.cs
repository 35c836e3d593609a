using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Transferkatalog.SafeMarkdown;

/// <summary>Markdig's link renderer, except that addresses are left out and collected with their place in the output.</summary>
/// <remarks>
/// <see cref="MarkdownBody"/> fills them in for the site's base path (<see cref="LinkSafety.Href"/>), so one rendering
/// serves every base path and the parsed tree need not be kept until the page is rendered.
/// </remarks>
internal sealed class SafeLinkRenderer : HtmlObjectRenderer<LinkInline>
{
    /// <summary>Each address with the length of the output written before it; the writer must be a StringWriter.</summary>
    public List<(int At, string Url)> Slots { get; } = [];

    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (renderer.EnableHtmlForInline)
        {
            var url = link.GetDynamicUrl != null ? link.GetDynamicUrl() ?? link.Url : link.Url;
            renderer.Write(link.IsImage ? "<img src=\"" : "<a href=\"");
            if (url is not null)
            {
                Slots.Add((((StringWriter)renderer.Writer).GetStringBuilder().Length, url));
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
