using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Transferkatalog.Rendering;

/// <summary>Renders editors' Markdown safely: raw HTML is shown as text, unsafe link schemes and external images are defused.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline;
    private readonly string basePath;

    /// <param name="basePath">Prefix for root-relative links ("/projekte/x/"), so they work under a sub-path.</param>
    public MarkdownRenderer(string basePath)
    {
        this.basePath = basePath;

        // One pipeline for the whole build: building it is the expensive part, using it is thread-safe.
        pipeline = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseListExtras()
            .Build();
    }

    public string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);
        Sanitize(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
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

    private void Sanitize(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // The page title is the only h1; body headings start at h2.
            heading.Level = Math.Max(2, heading.Level);
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafeLink(link.Url))
            {
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

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeLink(autolink.Url))
            {
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
