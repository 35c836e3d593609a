using Transferkatalog.Diagnostics;

namespace Transferkatalog.SafeMarkdown;

/// <summary>A link or image in an editor's Markdown: the HTML element it becomes, the address as written, and where the editor wrote it in the file.</summary>
/// <remarks>For a reference-style link the place is its definition, since the address is written there.</remarks>
public readonly record struct BodyLink(string Tag, string Written, SourceSpan At)
{
    /// <summary>The attribute value a browser reads on the page for a site under <paramref name="basePath"/>: base path applied, percent-encoded as Markdig writes it, HTML entities decoded.</summary>
    public string ValueUnder(string basePath) => System.Net.WebUtility.HtmlDecode(LinkSafety.Href(Written, basePath));
}
