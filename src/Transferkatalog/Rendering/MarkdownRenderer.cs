using Transferkatalog.SafeMarkdown;

namespace Transferkatalog.Rendering;

/// <summary>Prints editors' Markdown, already parsed and made safe (see <see cref="SafeMarkdownExtension"/>), as HTML for a site under one base path.</summary>
public sealed class MarkdownRenderer
{
    private readonly string basePath;

    /// <param name="basePath">Prefix for root-relative links ("/projekte/x/"), so they work under a sub-path.</param>
    public MarkdownRenderer(string basePath) => this.basePath = basePath;

    /// <summary>The body's HTML: the one kind of editor text printed unencoded, because the safe pipeline produced it.</summary>
    public TrustedHtml Render(MarkdownBody body) => TrustedHtml.FromGenerator(output => body.WriteHtml(output, basePath));
}
