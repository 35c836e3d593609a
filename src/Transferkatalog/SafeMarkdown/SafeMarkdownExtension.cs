using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Transferkatalog.SafeMarkdown;

/// <summary>
/// Makes editors' Markdown safe to print: after parsing, links with unsafe schemes become their text, external images
/// become links and body headings start at h2; when rendering, root-relative links go under the base path and footnote
/// links get names a screen reader can say. Raw HTML is never parsed as HTML (see <see cref="MarkdownBody"/>'s pipeline).
/// </summary>
/// <remarks>What the parse found (links kept, links defused, nesting depth) is stored on the document for <see cref="MarkdownBody"/>.</remarks>
public sealed class SafeMarkdownExtension : IMarkdownExtension
{
    private static readonly object FindingsKey = new();

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Sanitize;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        if (html.EnableHtmlForInline)
        {
            html.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
            html.ObjectRenderers.Replace<HtmlFootnoteLinkRenderer>(new NamedFootnoteLinkRenderer());
        }
        else
        {
            // Plain text for the search index: the footnotes' words without Markdig's markup around them.
            html.ObjectRenderers.Replace<HtmlFootnoteGroupRenderer>(new PlainFootnoteGroupRenderer());
            html.ObjectRenderers.Replace<HtmlFootnoteLinkRenderer>(new PlainFootnoteLinkRenderer());
        }
    }

    /// <summary>What <see cref="Sanitize"/> found in a document, or null for a document parsed without this extension.</summary>
    internal static Findings? FindingsOf(MarkdownDocument document) => document.GetData(FindingsKey) as Findings;

    /// <summary>Links as Markdig found them (0-based line and column in the parsed text) and the tree depth before any change.</summary>
    internal sealed record Findings(int Depth, IReadOnlyList<RawLink> Kept, IReadOnlyList<RawLink> Defused);

    /// <summary>A link of the parsed text: its element, its address as written, and Markdig's 0-based position.</summary>
    internal readonly record struct RawLink(string Tag, string Written, int Line, int Column);

    private static void Sanitize(MarkdownDocument document)
    {
        // Counted before unwrapping, which removes a level.
        var depth = MarkdownNesting.TreeDepth(document);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // The page title is the only h1; body headings start at h2.
            heading.Level = Math.Max(2, heading.Level);
        }

        // One list taken before any change: walking the tree again after an unwrap missed later autolinks.
        var inlines = document.Descendants<Inline>().Where(i => i is LinkInline or AutolinkInline).ToList();
        var defused = new List<RawLink>();
        foreach (var link in inlines.OfType<LinkInline>())
        {
            if (!LinkSafety.IsSafeLink(link.Url))
            {
                var (line, column) = WrittenAt(link);
                defused.Add(new RawLink(link.IsImage ? "img" : "a", link.Url ?? string.Empty, line, column));
                Unwrap(link);
                continue;
            }

            if (link.IsImage && LinkSafety.IsExternal(link.Url!))
            {
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline("Bild"));
                }
            }
        }

        foreach (var autolink in inlines.OfType<AutolinkInline>())
        {
            if (!autolink.IsEmail && !LinkSafety.IsSafeLink(autolink.Url))
            {
                defused.Add(new RawLink("a", autolink.Url, autolink.Line, autolink.Column));
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        var kept = new List<RawLink>(inlines.Count - defused.Count);
        foreach (var inline in inlines)
        {
            if (inline.Parent is null)
            {
                continue; // defused: shown as text
            }

            if (inline is LinkInline { Url: { } url } link)
            {
                var (line, column) = WrittenAt(link);
                kept.Add(new RawLink(link.IsImage ? "img" : "a", url, line, column));
            }
            else if (inline is AutolinkInline autolink)
            {
                kept.Add(new RawLink("a", (autolink.IsEmail ? "mailto:" : null) + autolink.Url, autolink.Line, autolink.Column));
            }
        }

        document.SetData(FindingsKey, new Findings(depth, kept, defused));
    }

    /// <summary>Where to point an editor for a link: its reference definition if it has one, since the address is written there.</summary>
    private static (int Line, int Column) WrittenAt(LinkInline link) =>
        link.Reference is { } definition ? (definition.Line, definition.Column) : (link.Line, link.Column);

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
