using System.Text;

namespace Transferkatalog.Language;

/// <summary>Folds and splits text into search tokens; suche.js implements the very same rules for queries.</summary>
public static class SearchText
{
    /// <summary>Tokens shorter than this are neither indexed nor searched.</summary>
    public const int MinTokenLength = 2;

    /// <summary>Tokens longer than this are cut, so pasted URLs cannot bloat the index.</summary>
    public const int MaxTokenLength = 40;

    // Words that occur in almost every German profile: indexing them would cost the most bytes and find nothing useful.
    // suche.js carries the same list (folded) so that a query "Müll und Abfall" still finds documents.
    private static readonly HashSet<string> StopWords = new(
        [
            "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der", "des", "die",
            "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "fur", "hat", "im", "in", "ist", "mit",
            "nach", "nicht", "noch", "oder", "sich", "sie", "sind", "so", "uber", "um", "und", "unter", "vom", "von", "vor",
            "wie", "wird", "werden", "zu", "zum", "zur",
        ],
        StringComparer.Ordinal);

    /// <summary>Stop words in folded form, for the client script.</summary>
    public static IReadOnlyCollection<string> FoldedStopWords => StopWords;

    /// <summary>
    /// Lower-cases and folds one token so that Müll, muell and MÜLL become "mull": umlauts and their
    /// two-letter spellings both reduce to the base vowel, ß and ss to s, other Latin accents are dropped.
    /// </summary>
    public static string Fold(string token) => Fold(token.AsSpan());

    /// <inheritdoc cref="Fold(string)"/>
    public static string Fold(ReadOnlySpan<char> token)
    {
        // Every body word passes through here (about half a million at 10,000 profiles): one buffer, one string.
        var buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        return new string(FoldInto(token, buffer));
    }

    /// <summary>Splits text at everything but letters and digits and folds each piece; stop words and one-letter pieces are dropped.</summary>
    public static IEnumerable<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        ForEachToken(text, tokens.Add);
        return tokens;
    }

    /// <summary>The distinct tokens of <paramref name="text"/> in order of first appearance, space-separated.</summary>
    /// <remarks>
    /// Every body passes through here (10,000 profiles: ~3 million distinct words in all): each token is appended to
    /// the result and kept only if the set of the slices already there does not hold it, so no word becomes a string.
    /// </remarks>
    public static string DistinctTokens(string? text)
    {
        var joined = new SliceSet(text?.Length ?? 0);
        Span<char> buffer = stackalloc char[128];
        Scan(text, buffer, joined.AddIfNew);
        return joined.ToString();
    }

    /// <summary>Tokens written one after another into one buffer, space-separated, and a set of their slices of it.</summary>
    private sealed class SliceSet : IEqualityComparer<(int Start, int Length)>
    {
        private readonly HashSet<(int Start, int Length)> slices;
        private char[] chars;
        private int length;

        public SliceSet(int capacity)
        {
            chars = new char[Math.Max(64, capacity)];
            slices = new HashSet<(int Start, int Length)>(this);
        }

        public void AddIfNew(ReadOnlySpan<char> token)
        {
            var start = length == 0 ? 0 : length + 1;
            if (start + token.Length > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, start + token.Length));
            }

            // Written first and compared in place; a token seen before is taken back by not moving the end.
            token.CopyTo(chars.AsSpan(start));
            if (slices.Add((start, token.Length)))
            {
                if (start > 0)
                {
                    chars[length] = ' ';
                }

                length = start + token.Length;
            }
        }

        public override string ToString() => new(chars, 0, length);

        public bool Equals((int Start, int Length) x, (int Start, int Length) y) =>
            chars.AsSpan(x.Start, x.Length).SequenceEqual(chars.AsSpan(y.Start, y.Length));

        public int GetHashCode((int Start, int Length) slice) => string.GetHashCode(chars.AsSpan(slice.Start, slice.Length));
    }

    private static void ForEachToken(string? text, Action<string> take)
    {
        Span<char> buffer = stackalloc char[128];
        Scan(text, buffer, token => take(new string(token)));
    }

    private delegate void TokenAction(ReadOnlySpan<char> token);

    private static void Scan(string? text, Span<char> buffer, TokenAction take)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && IsWordChar(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                start = -1;
                var folded = FoldInto(word, word.Length <= buffer.Length ? buffer : new char[word.Length]);
                if (folded.Length > MaxTokenLength)
                {
                    folded = folded[..MaxTokenLength];
                }

                if (folded.Length >= MinTokenLength && (folded.Length > LongestStopWord || !StopWordLookup.Contains(folded)))
                {
                    take(folded);
                }
            }
        }
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Most words are longer than any stop word and need no lookup.
    private static readonly int LongestStopWord = StopWords.Max(w => w.Length);

    /// <summary>Folds <paramref name="token"/> into <paramref name="buffer"/> (at least as long) and returns the folded part.</summary>
    private static Span<char> FoldInto(ReadOnlySpan<char> token, Span<char> buffer)
    {
        // Every character maps to exactly one, and the two-letter spellings only shorten: one pass maps, a second
        // collapses in place (it writes never ahead of where it reads).
        for (var i = 0; i < token.Length; i++)
        {
            // ASCII (nearly every character) needs only lower-casing: MapChar changes no ASCII letter.
            var c = token[i];
            buffer[i] = c < 0x80 ? (char)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : MapChar(char.ToLowerInvariant(c));
        }

        var length = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = buffer[i];
            var next = i + 1 < token.Length ? buffer[i + 1] : '\0';
            buffer[length++] = c;
            if (((c is 'a' or 'o' or 'u') && next == 'e') || (c == 's' && next == 's'))
            {
                i++;
            }
        }

        return buffer[..length];
    }

    /// <summary>A letter or digit, as <see cref="char.IsLetterOrDigit(char)"/>, with ASCII decided without the Unicode tables.</summary>
    private static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static char MapChar(char c) => c switch
    {
        'ä' or 'à' or 'á' or 'â' or 'ã' or 'å' => 'a',
        'ö' or 'ò' or 'ó' or 'ô' or 'õ' or 'ø' => 'o',
        'ü' or 'ù' or 'ú' or 'û' => 'u',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ç' => 'c',
        'ñ' => 'n',
        'ß' or 'ẞ' => 's',
        'æ' => 'a',
        'œ' => 'o',
        _ => c,
    };
}
