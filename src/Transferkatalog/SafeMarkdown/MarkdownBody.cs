using Markdig;
using Markdig.Renderers;
using MarkdownDocument = Markdig.Syntax.MarkdownDocument;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.SafeMarkdown;

/// <summary>
/// An editor's Markdown body, parsed once and made safe (see <see cref="SafeMarkdownExtension"/>): the page's HTML, the
/// plain text for the search index and the links with their places in the file all come from this one parse.
/// </summary>
/// <remarks>The parsed tree is not changed after parsing, so several threads may render it at once.</remarks>
public sealed class MarkdownBody
{
    // One pipeline for every build: building it is the expensive part, using it is thread-safe.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseFootnotes()
        .Use<SafeMarkdownExtension>()
        .Build();

    private readonly MarkdownDocument? document;

    private MarkdownBody(string file, MarkdownDocument? document, IReadOnlyList<BodyLink> links, IReadOnlyList<BodyLink> defused, SourceSpan? tooDeep)
    {
        File = file;
        this.document = document;
        Links = links;
        Defused = defused;
        TooDeep = tooDeep;
    }

    /// <summary>Called with the file of each body parsed, on the parsing thread's flow; lets a test count parses.</summary>
    internal static AsyncLocal<Action<string>?> Parsed { get; } = new();

    /// <summary>The file as diagnostics name it.</summary>
    public string File { get; }

    /// <summary>Every link and image the HTML contains, in document order.</summary>
    public IReadOnlyList<BodyLink> Links { get; }

    /// <summary>Links and autolinks shown as text because of their address scheme.</summary>
    public IReadOnlyList<BodyLink> Defused { get; }

    /// <summary>Where the body is nested too deeply to render (see <see cref="MarkdownNesting"/>), or null; such a body renders as nothing.</summary>
    public SourceSpan? TooDeep { get; }

    /// <summary>Parses a body; positions count from <paramref name="firstLine"/>, the file line the body starts on.</summary>
    public static MarkdownBody Parse(string markdown, string file = "", int firstLine = 1)
    {
        Parsed.Value?.Invoke(file);
        if (MarkdownNesting.TooDeep(markdown) is var (deepLine, deepColumn))
        {
            return new MarkdownBody(file, null, [], [], new SourceSpan(file, firstLine + deepLine, deepColumn));
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit (deep tables, emphasis); the line scan above catches the common container cases first.
            return new MarkdownBody(file, null, [], [], new SourceSpan(file, firstLine, 1));
        }

        var findings = SafeMarkdownExtension.FindingsOf(document)!;
        if (findings.Depth > MarkdownNesting.MaxTreeDepth)
        {
            // Nesting the line scan cannot see, such as hundreds of '[' or '*' inside one paragraph.
            return new MarkdownBody(file, null, [], [], new SourceSpan(file, firstLine, 1));
        }

        List<BodyLink> InFile(IReadOnlyList<SafeMarkdownExtension.RawLink> links) =>
            links.Select(l => new BodyLink(l.Tag, l.Written, new SourceSpan(file, firstLine + l.Line, l.Column + 1))).ToList();
        return new MarkdownBody(file, document, InFile(findings.Kept), InFile(findings.Defused), null);
    }

    /// <summary>The HTML for a site under <paramref name="basePath"/>; only Rendering wraps it as trusted.</summary>
    internal string Html(string basePath)
    {
        if (document is null)
        {
            return string.Empty;
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.FindExact<SafeLinkRenderer>()!.BasePath = basePath;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The words of the body without markup, for the search index.</summary>
    /// <remarks>Rendered on each call rather than kept: the index needs it once per build, the memory would stay for the whole build.</remarks>
    public string PlainText()
    {
        if (document is null)
        {
            return string.Empty;
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
