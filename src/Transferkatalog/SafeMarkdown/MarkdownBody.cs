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

    // The tree is rendered once, right after parsing, and not kept: for 10,000 profiles the trees held ~170 MiB until
    // the last page was rendered. What stays is the HTML without the link addresses (UTF-8) plus each address and where
    // it goes, so Html can still put root-relative links under any base path, and the body's search words.
    private readonly byte[] html;
    private readonly (int At, string Url)[] slots;
    private string? digest;

    private MarkdownBody(string file, byte[] html, (int At, string Url)[] slots, string searchWords, IReadOnlyList<BodyLink> links, IReadOnlyList<BodyLink> defused, SourceSpan? tooDeep)
    {
        File = file;
        this.html = html;
        this.slots = slots;
        SearchWords = searchWords;
        Links = links;
        Defused = defused;
        TooDeep = tooDeep;
    }

    private static MarkdownBody Empty(string file, SourceSpan tooDeep) => new(file, [], [], string.Empty, [], [], tooDeep);

    /// <summary>Called with the file of each body parsed, on the parsing thread's flow; lets a test count parses.</summary>
    internal static AsyncLocal<Action<string>?> Parsed { get; } = new();

    /// <summary>The file as diagnostics name it.</summary>
    public string File { get; }

    /// <summary>Every link and image the HTML contains, in document order.</summary>
    public IReadOnlyList<BodyLink> Links { get; }

    /// <summary>Links and autolinks shown as text because of their address scheme.</summary>
    public IReadOnlyList<BodyLink> Defused { get; }

    /// <summary>The body's words as the search index takes them (folded, see <see cref="Language.SearchText"/>), distinct, space-separated.</summary>
    public string SearchWords { get; }

    /// <summary>A digest of what the body renders to (HTML and link addresses), computed when first asked for.</summary>
    /// <remarks>
    /// The preview's page signatures serialize a profile's public properties; without this, a body edit that adds no
    /// new search word (a word moved, a number or a typo fixed, a repeated sentence) left the old page in place.
    /// </remarks>
    public string Digest => digest ??= ComputeDigest();

    /// <summary>Where the body is nested too deeply to render (see <see cref="MarkdownNesting"/>), or null; such a body renders as nothing.</summary>
    public SourceSpan? TooDeep { get; }

    private string ComputeDigest()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(html);
        foreach (var (at, url) in slots)
        {
            hash.AppendData(BitConverter.GetBytes(at));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(url));
            hash.AppendData([0]);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Parses a body; positions count from <paramref name="firstLine"/>, the file line the body starts on.</summary>
    public static MarkdownBody Parse(string markdown, string file = "", int firstLine = 1)
    {
        Parsed.Value?.Invoke(file);
        if (MarkdownNesting.TooDeep(markdown) is var (deepLine, deepColumn))
        {
            return Empty(file, new SourceSpan(file, firstLine + deepLine, deepColumn));
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit (deep tables, emphasis); the line scan above catches the common container cases first.
            return Empty(file, new SourceSpan(file, firstLine, 1));
        }

        var findings = SafeMarkdownExtension.FindingsOf(document)!;
        if (findings.Depth > MarkdownNesting.MaxTreeDepth)
        {
            // Nesting the line scan cannot see, such as hundreds of '[' or '*' inside one paragraph.
            return Empty(file, new SourceSpan(file, firstLine, 1));
        }

        List<BodyLink> InFile(IReadOnlyList<SafeMarkdownExtension.RawLink> links) =>
            links.Select(l => new BodyLink(l.Tag, l.Written, new SourceSpan(file, firstLine + l.Line, l.Column + 1))).ToList();
        var (html, slots) = Template(document);
        var words = Language.SearchText.DistinctTokens(PlainText(document));
        return new MarkdownBody(file, html, slots, words, InFile(findings.Kept), InFile(findings.Defused), null);
    }

    private static (byte[] Html, (int At, string Url)[] Slots) Template(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        var slots = renderer.ObjectRenderers.FindExact<SafeLinkRenderer>()!.Slots;
        renderer.Render(document);
        writer.Flush();

        // Slot places count UTF-16 characters; kept as UTF-8, they are turned into byte offsets here.
        var text = writer.ToString();
        var byteSlots = new (int At, string Url)[slots.Count];
        var from = 0;
        var bytesBefore = 0;
        for (var i = 0; i < slots.Count; i++)
        {
            bytesBefore += System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(from, slots[i].At - from));
            from = slots[i].At;
            byteSlots[i] = (bytesBefore, slots[i].Url);
        }

        return (System.Text.Encoding.UTF8.GetBytes(text), byteSlots);
    }

    /// <summary>Appends the HTML for a site under <paramref name="basePath"/> to a page being rendered; only Rendering wraps it as trusted.</summary>
    internal void WriteHtml(System.Text.StringBuilder output, string basePath)
    {
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            var from = 0;
            foreach (var (at, url) in slots)
            {
                output.Append(chars, 0, System.Text.Encoding.UTF8.GetChars(html, from, at - from, chars, 0));
                from = at;
                output.Append(LinkSafety.Href(url, basePath));
            }

            output.Append(chars, 0, System.Text.Encoding.UTF8.GetChars(html, from, html.Length - from, chars, 0));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The words of the body without markup, as the search index's own pipeline used to produce them.</summary>
    private static string PlainText(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
