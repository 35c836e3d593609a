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
    /// <remarks>
    /// An open-addressing table of slice numbers instead of a HashSet with a comparer: no interface call per probe and
    /// no entry objects, sized for the text up front. Hashes are string's randomized ones, so no text can be written
    /// to make the probes collide.
    /// </remarks>
    private sealed class SliceSet
    {
        private char[] chars;
        private int length;
        private int[] table;
        private (int Start, int Length, int Hash)[] slices;
        private int count;

        public SliceSet(int capacity)
        {
            chars = new char[Math.Max(64, capacity)];

            // About one distinct word per 20 characters of German prose; the table is kept at most half full.
            table = new int[Math.Max(64, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity / 8)))];
            slices = new (int, int, int)[table.Length / 2];
        }

        public void AddIfNew(ReadOnlySpan<char> token)
        {
            var hash = string.GetHashCode(token);
            var mask = table.Length - 1;
            for (var at = hash & mask; ; at = (at + 1) & mask)
            {
                var entry = table[at] - 1;
                if (entry < 0)
                {
                    Append(token, hash, at);
                    return;
                }

                var known = slices[entry];
                if (known.Hash == hash && token.SequenceEqual(chars.AsSpan(known.Start, known.Length)))
                {
                    return;
                }
            }
        }

        private void Append(ReadOnlySpan<char> token, int hash, int at)
        {
            var start = length == 0 ? 0 : length + 1;
            if (start + token.Length > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, start + token.Length));
            }

            if (start > 0)
            {
                chars[length] = ' ';
            }

            token.CopyTo(chars.AsSpan(start));
            length = start + token.Length;
            slices[count] = (start, token.Length, hash);
            table[at] = ++count;
            if (count == slices.Length)
            {
                Grow();
            }
        }

        private void Grow()
        {
            table = new int[table.Length * 2];
            Array.Resize(ref slices, table.Length / 2);
            var mask = table.Length - 1;
            for (var i = 0; i < count; i++)
            {
                var at = slices[i].Hash & mask;
                while (table[at] != 0)
                {
                    at = (at + 1) & mask;
                }

                table[at] = i + 1;
            }
        }

        public override string ToString() => new(chars, 0, length);
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
        // Every character maps to exactly one; a mapped 'e' after an a, o or u and an 's' after an 's' are dropped,
        // pairwise from the left, so "ae", "oe", "ue" and "ss" become a, o, u and s (and "sss" "ss", as in two passes).
        var length = 0;
        var open = '\0';
        for (var i = 0; i < token.Length; i++)
        {
            // ASCII (nearly every character) needs only lower-casing: MapChar changes no ASCII letter.
            var c = token[i];
            c = c < 0x80 ? (char)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : MapChar(char.ToLowerInvariant(c));
            if ((c == 'e' && open is 'a' or 'o' or 'u') || (c == 's' && open == 's'))
            {
                open = '\0';
                continue;
            }

            buffer[length++] = c;
            open = c is 'a' or 'o' or 'u' or 's' ? c : '\0';
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
