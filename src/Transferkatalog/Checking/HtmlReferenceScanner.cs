using System.Net;

namespace Transferkatalog.Checking;

/// <summary>Finds ids and link attributes in an HTML page in one pass over its text, following the HTML tokenizer's rules for tags.</summary>
/// <remarks>
/// The link check needs only start tags and two kinds of attribute. AngleSharp's tokenizer spent most of the check
/// producing tokens for everything else; this scanner jumps from '&lt;' to '&lt;' and reads only tags, while still
/// honouring what changes the meaning of a '&lt;': comments, quoted attribute values, and the raw-text elements
/// (script, style, title …) whose content is never markup. A test compares it with a DOM on every page of a
/// generated catalogue and on deliberately awkward markup. Character references in attribute values are decoded
/// with <see cref="WebUtility.HtmlDecode(string)"/>, which, unlike browsers, leaves references without their ';' alone.
/// </remarks>
internal static class HtmlReferenceScanner
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownTags = new HashSet<string>(
        [
            "a", "abbr", "address", "article", "aside", "b", "blockquote", "body", "br", "button", "caption", "circle", "code", "dd",
            "del", "details", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "footer", "form", "g", "h1", "h2", "h3",
            "h4", "h5", "h6", "head", "header", "hr", "html", "i", "img", "input", "ins", "label", "legend", "li", "link", "main",
            "mark", "meta", "nav", "noscript", "ol", "optgroup", "option", "output", "p", "path", "pre", "rect", "s", "script",
            "section", "select", "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody",
            "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "u", "ul",
        ],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A start tag's attribute the caller asked for.</summary>
    public readonly record struct Found(string Tag, string Attribute, string Value);

    /// <param name="wanted">Tag name to the attribute that makes it a reference, e.g. a → href.</param>
    public static (HashSet<string> Ids, List<Found> References) Scan(ReadOnlySpan<char> html, IReadOnlyDictionary<string, string> wanted)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<Found>();
        var i = 0;
        while (true)
        {
            i = IndexOf(html, '<', i);
            if (i < 0 || i + 1 >= html.Length)
            {
                break;
            }

            var next = html[i + 1];
            if (next == '!')
            {
                i = SkipMarkupDeclaration(html, i);
            }
            else if (next == '?')
            {
                i = SkipPast(html, '>', i + 2);
            }
            else if (next == '/')
            {
                i = i + 2 < html.Length && char.IsAsciiLetter(html[i + 2])
                    ? ReadTag(html, i + 2, out _, null, null, null)
                    : SkipPast(html, '>', i + 2);
            }
            else if (char.IsAsciiLetter(next))
            {
                i = ReadTag(html, i + 1, out var name, ids, found, wanted);
                var rawEnd = name switch
                {
                    "script" or "style" or "xmp" or "iframe" or "noembed" or "noframes" or "title" or "textarea" => FindEndTag(html, name, i),
                    "plaintext" => html.Length,
                    _ => -1,
                };
                if (rawEnd >= 0)
                {
                    i = rawEnd;
                }
            }
            else
            {
                // A '<' that starts no tag is text.
                i++;
            }
        }

        return (ids, found);
    }

    /// <summary>Comments ("&lt;!--" up to "--&gt;", or the abrupt "&lt;!--&gt;" and "&lt;!---&gt;"), doctypes and other "&lt;!…&gt;".</summary>
    private static int SkipMarkupDeclaration(ReadOnlySpan<char> html, int start)
    {
        if (!html[start..].StartsWith("<!--", StringComparison.Ordinal))
        {
            return SkipPast(html, '>', start + 2);
        }

        var body = start + 4;
        if (body < html.Length && html[body] == '>')
        {
            return body + 1;
        }

        if (body + 1 < html.Length && html[body] == '-' && html[body + 1] == '>')
        {
            return body + 2;
        }

        var end = IndexOf(html, "-->", body);
        var bang = IndexOf(html, "--!>", body);
        if (bang >= 0 && (end < 0 || bang < end))
        {
            return bang + 4;
        }

        return end < 0 ? html.Length : end + 3;
    }

    private static int SkipPast(ReadOnlySpan<char> html, char c, int from)
    {
        var at = IndexOf(html, c, Math.Min(from, html.Length));
        return at < 0 ? html.Length : at + 1;
    }

    /// <summary>Reads a tag from its name to its '&gt;'; records ids and wanted attributes of start tags (ids is null for end tags).</summary>
    private static int ReadTag(ReadOnlySpan<char> html, int start, out string name, HashSet<string>? ids, List<Found>? found, IReadOnlyDictionary<string, string>? wanted)
    {
        var i = start;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>')
        {
            i++;
        }

        // Tag names of the generator's own markup are found as they are, without a string per tag (~600 per page).
        name = KnownTags.TryGetValue(html[start..i], out var known) ? known : new string(html[start..i]).ToLowerInvariant();
        var want = wanted is not null && wanted.TryGetValue(name, out var attr) ? attr : null;

        // Committed only when the tag is closed by '>': at the end of the file the tokenizer drops an open tag.
        string? tagId = null;
        string? tagReference = null;
        while (i < html.Length)
        {
            var c = html[i];
            if (IsSpace(c) || c == '/')
            {
                i++;
                continue;
            }

            if (c == '>')
            {
                if (tagId is not null)
                {
                    ids!.Add(tagId);
                }

                if (tagReference is not null)
                {
                    found!.Add(new Found(name, want!, tagReference));
                }

                return i + 1;
            }

            // Attribute name: up to space, '/', '>' or '='; a leading '=' belongs to the name, as in the tokenizer.
            var nameStart = i;
            i++;
            while (i < html.Length && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=')
            {
                i++;
            }

            var nameEnd = i;
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            var valueStart = i;
            var valueEnd = i;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = IndexOf(html, html[i], i + 1);
                    if (close < 0)
                    {
                        return html.Length;
                    }

                    valueStart = i + 1;
                    valueEnd = close;
                    i = close + 1;
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueEnd = i;
                }
            }

            if (ids is null)
            {
                continue;
            }

            // The first of repeated attributes counts, as in the DOM.
            var attributeName = html[nameStart..nameEnd];
            if (tagId is null && attributeName.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                tagId = Decode(new string(html[valueStart..valueEnd]));
            }
            else if (want is not null && tagReference is null && attributeName.Equals(want, StringComparison.OrdinalIgnoreCase))
            {
                tagReference = Decode(new string(html[valueStart..valueEnd]));
            }
        }

        return html.Length;
    }

    /// <summary>Position after the end tag closing a raw-text element, or the end of the text.</summary>
    private static int FindEndTag(ReadOnlySpan<char> html, string name, int from)
    {
        var i = from;
        while (true)
        {
            i = IndexOf(html, "</", i);
            if (i < 0)
            {
                return html.Length;
            }

            var after = i + 2 + name.Length;
            if (after <= html.Length
                && html.Slice(i + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                // The end tag itself may carry attributes; read it like any tag.
                return ReadTag(html, i + 2, out _, null, null, null);
            }

            i += 2;
        }
    }

    /// <summary>Position of <paramref name="c"/> at or after <paramref name="from"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<char> html, char c, int from)
    {
        var at = html[from..].IndexOf(c);
        return at < 0 ? -1 : from + at;
    }

    /// <inheritdoc cref="IndexOf(ReadOnlySpan{char}, char, int)"/>
    private static int IndexOf(ReadOnlySpan<char> html, string text, int from)
    {
        var at = html[from..].IndexOf(text, StringComparison.Ordinal);
        return at < 0 ? -1 : from + at;
    }

    private static string Decode(string value) => value.Contains('&') ? WebUtility.HtmlDecode(value) : value;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
