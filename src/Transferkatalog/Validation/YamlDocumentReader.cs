using Transferkatalog.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Validation;

/// <summary>Parses YAML text into a node tree, turning syntax errors into diagnostics.</summary>
internal static class YamlDocumentReader
{
    /// <summary>Deepest nesting of lists and mappings accepted; the format needs four levels, YamlDotNet's recursive loader overflows the stack in the tens of thousands.</summary>
    internal const int MaxDepth = 64;

    /// <summary>Most nodes that aliases may copy into one document; real files use a handful, "billion laughs" would use billions.</summary>
    internal const int MaxAliasNodes = 10_000;

    /// <summary>Returns the root node, an empty mapping for empty text, or null after reporting a syntax error.</summary>
    /// <param name="firstLine">The file line the YAML text starts on, so node positions map back to the file.</param>
    public static YamlNode? Parse(string text, string file, int firstLine, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new DepthLimitedParser(new AliasExpandingParser(new Parser(new StringReader(text)))));
            if (stream.Documents.Count == 0)
            {
                return new YamlMappingNode();
            }

            var root = stream.Documents[0].RootNode;
            return root is YamlScalarNode { Value: null or "" or "~" or "null" } ? new YamlMappingNode() : root;
        }
        catch (NestingTooDeepException ex)
        {
            diagnostics.Error(DiagnosticCodes.YamlTooDeep, $"YAML ist zu tief verschachtelt (mehr als {MaxDepth} Ebenen aus Listen und Zuordnungen) — Steckbriefe brauchen höchstens drei Ebenen; prüfen Sie Klammern [ ] {{ }} und Bindestriche am Zeilenanfang", new SourceSpan(file, (int)ex.Start.Line + firstLine - 1, (int)ex.Start.Column));
            return null;
        }
        catch (AliasException ex)
        {
            diagnostics.Error(DiagnosticCodes.YamlAlias, ex.Message, new SourceSpan(file, (int)ex.Start.Line + firstLine - 1, (int)ex.Start.Column));
            return null;
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + firstLine - 1;
            var column = (int)ex.Start.Column;
            var inner = ex.InnerException?.Message ?? ex.Message;
            if (inner.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateKey, "Schlüssel kommt doppelt vor — jeder Schlüssel darf nur einmal stehen; löschen oder vereinen Sie die Einträge", new SourceSpan(file, line, column));
            }
            else if (IndentationTab(text) is var (tabLine, tabColumn))
            {
                // YamlDotNet blames the enclosing mapping, often many lines up; the tab itself is what the editor must change.
                diagnostics.Error(DiagnosticCodes.YamlSyntax, "Tabulator in der Einrückung — YAML erlaubt zum Einrücken nur Leerzeichen; ersetzen Sie den Tabulator durch zwei Leerzeichen", new SourceSpan(file, tabLine + firstLine - 1, tabColumn));
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.YamlSyntax, $"YAML-Syntaxfehler ({Clean(inner)}) — prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen; Text mit ':' oder '#' in Anführungszeichen setzen", new SourceSpan(file, line, column));
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unclosed flow collections; it carries no position.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, "YAML-Syntaxfehler (nicht geschlossene Klammer [ ] oder { } oder Anführungszeichen) — prüfen Sie, ob jede geöffnete Klammer und jedes Anführungszeichen geschlossen ist", UnbalancedBracket(text, file, firstLine));
            return null;
        }
    }

    public static SourceSpan At(YamlNode node, string file, int firstLine) =>
        new(file, (int)node.Start.Line + firstLine - 1, (int)node.Start.Column);

    /// <summary>1-based line and column of the first tab in a line's leading whitespace, if any.</summary>
    private static (int Line, int Column)? IndentationTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>Best guess at where an unclosed flow collection starts: the first line whose brackets do not balance.</summary>
    private static SourceSpan UnbalancedBracket(string text, string file, int firstLine)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = new Stack<int>();
            char? quote = null;
            for (var c = 0; c < lines[i].Length; c++)
            {
                var ch = lines[i][c];
                if (quote is not null)
                {
                    quote = ch == quote ? null : quote;
                }
                else if (ch is '"' or '\'')
                {
                    quote = ch;
                }
                else if (ch == '#' && (c == 0 || lines[i][c - 1] == ' '))
                {
                    break;
                }
                else if (ch is '[' or '{')
                {
                    open.Push(c);
                }
                else if (ch is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
            }

            if (open.Count > 0 || quote is not null)
            {
                return new SourceSpan(file, firstLine + i, (open.Count > 0 ? open.Last() : 0) + 1);
            }
        }

        return new SourceSpan(file, firstLine, 1);
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: …) - (…): "; the location is in our own prefix already.
        var idx = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (idx >= 0 ? message[(idx + 3)..] : message).Trim().TrimEnd('.');
    }

    /// <summary>Passes parser events through, stopping at <see cref="MaxDepth"/> before the recursive loader can exhaust the stack.</summary>
    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private int depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case SequenceStart or MappingStart when ++depth > MaxDepth:
                    throw new NestingTooDeepException(inner.Current.Start, inner.Current.End);
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }

            return true;
        }
    }

    private sealed class NestingTooDeepException(Mark start, Mark end) : YamlException(start, end, "nesting too deep");

    private sealed class AliasException(Mark start, Mark end, string message) : YamlException(start, end, message);

    /// <summary>Replaces each alias by a copy of its anchor's events, positioned at the alias.</summary>
    /// <remarks>
    /// The node tree then never shares or contains itself: a key that contains its own alias (<c>? &amp;k [a, *k]</c>) used to
    /// overflow the stack when hashed, and a problem inside aliased content is reported where the alias is written, not at
    /// the anchor. Copies are counted, so nested aliases cannot expand into billions of nodes.
    /// </remarks>
    private sealed class AliasExpandingParser(IParser inner) : IParser
    {
        private readonly Dictionary<string, List<ParsingEvent>> anchors = new(StringComparer.Ordinal);
        private readonly List<(string Name, List<ParsingEvent> Events, int Depth)> open = [];
        private readonly Queue<ParsingEvent> replay = new();
        private int copied;
        private int depth;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            ParsingEvent next;
            if (replay.Count > 0)
            {
                next = replay.Dequeue();
            }
            else
            {
                if (!inner.MoveNext())
                {
                    Current = null;
                    return false;
                }

                next = inner.Current!;
                if (next is AnchorAlias alias)
                {
                    Expand(alias);
                    next = replay.Dequeue();
                }
            }

            Record(next);
            Current = next;
            return true;
        }

        private void Expand(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (open.Exists(o => o.Name == name))
            {
                throw new AliasException(alias.Start, alias.End, $"Verweis '*{name}' steht innerhalb des Ankers '&{name}', auf den er verweist, und enthielte sich damit selbst — entfernen Sie den Verweis oder schreiben Sie den Wert aus");
            }

            if (!anchors.TryGetValue(name, out var events))
            {
                throw new AliasException(alias.Start, alias.End, $"Verweis '*{name}' ohne Anker — ein Verweis braucht weiter oben einen Wert mit '&{name}'; schreiben Sie den Wert aus oder entfernen Sie das '*'");
            }

            copied += events.Count;
            if (copied > MaxAliasNodes)
            {
                throw new AliasException(alias.Start, alias.End, $"Verweise (*name) vervielfachen die Angaben auf über {MaxAliasNodes} Werte — schreiben Sie die Werte aus, statt Verweise ineinander zu schachteln");
            }

            foreach (var e in events)
            {
                replay.Enqueue(At(e, alias.Start, alias.End));
            }
        }

        /// <summary>Appends the event to every anchor still being read and opens or closes anchors.</summary>
        private void Record(ParsingEvent e)
        {
            foreach (var o in open)
            {
                o.Events.Add(e);
            }

            switch (e)
            {
                case Scalar { Anchor.IsEmpty: false } s:
                    anchors[s.Anchor.Value] = [s];
                    break;
                case NodeEvent { Anchor.IsEmpty: false } n and (SequenceStart or MappingStart):
                    open.Add((n.Anchor.Value, [n], ++depth));
                    return;
                case SequenceStart or MappingStart:
                    depth++;
                    return;
                case SequenceEnd or MappingEnd:
                    if (open.Count > 0 && open[^1].Depth == depth)
                    {
                        var done = open[^1];
                        open.RemoveAt(open.Count - 1);
                        anchors[done.Name] = done.Events;
                    }

                    depth--;
                    return;
            }
        }

        /// <summary>A copy of a recorded event without its anchor, placed at the alias.</summary>
        private static ParsingEvent At(ParsingEvent e, Mark start, Mark end) => e switch
        {
            Scalar s => new Scalar(AnchorName.Empty, s.Tag, s.Value, s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, start, end),
            SequenceStart s => new SequenceStart(AnchorName.Empty, s.Tag, s.IsImplicit, s.Style, start, end),
            MappingStart m => new MappingStart(AnchorName.Empty, m.Tag, m.IsImplicit, m.Style, start, end),
            SequenceEnd => new SequenceEnd(start, end),
            MappingEnd => new MappingEnd(start, end),
            _ => e,
        };
    }
}
