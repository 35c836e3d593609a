using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Transferkatalog.SafeMarkdown;

/// <summary>Finds Markdown nested too deeply before Markdig sees it: thousands of levels of '>' or lists cost Markdig minutes before it gives up.</summary>
internal static class MarkdownNesting
{
    /// <summary>Deepest nesting accepted; real profiles use three or four levels.</summary>
    internal const int MaxDepth = 32;

    /// <summary>Deepest tree of blocks and inlines accepted after parsing; a real profile stays near ten.</summary>
    internal const int MaxTreeDepth = 64;

    /// <summary>0-based line and 1-based column of the first line nested deeper than <see cref="MaxDepth"/>, or null.</summary>
    /// <remarks>An estimate per line: each '>' and list marker at its start counts one level, and every two columns of
    /// indentation one more (the least a nested list item needs), so nesting built up over many lines is caught too.</remarks>
    public static (int Line, int Column)? TooDeep(string markdown)
    {
        var line = 0;
        var start = 0;
        while (start <= markdown.Length)
        {
            var end = markdown.IndexOf('\n', start);
            if (end < 0)
            {
                end = markdown.Length;
            }

            if (Depth(markdown.AsSpan(start, end - start)) is { } column)
            {
                return (line, column);
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    /// <summary>The deepest nesting of blocks and inlines, counted without recursion.</summary>
    /// <remarks>Markdig's renderer gives up beyond its own limit, so a body deeper than <see cref="MaxTreeDepth"/> is refused first.</remarks>
    public static int TreeDepth(MarkdownDocument document)
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

    /// <summary>The 1-based column where the line passes the limit, or null when it stays within.</summary>
    private static int? Depth(ReadOnlySpan<char> text)
    {
        var markers = 0;
        var columns = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                columns++;
                i++;
            }
            else if (c == '\t')
            {
                columns += 4;
                i++;
            }
            else if (c == '>')
            {
                markers++;
                i++;
            }
            else if (c is '-' or '*' or '+' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t'))
            {
                markers++;
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < text.Length && j - i < 9 && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                if (j < text.Length && text[j] is '.' or ')' && (j + 1 == text.Length || text[j + 1] is ' ' or '\t'))
                {
                    markers++;
                    i = j + 1;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }

            if (markers + columns / 2 > MaxDepth)
            {
                return i;
            }
        }

        return null;
    }
}
