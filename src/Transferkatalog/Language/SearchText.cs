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
    public static string Fold(string token)
    {
        var mapped = new StringBuilder(token.Length);
        foreach (var ch in token)
        {
            mapped.Append(MapChar(char.ToLowerInvariant(ch)));
        }

        var sb = new StringBuilder(mapped.Length);
        for (var i = 0; i < mapped.Length; i++)
        {
            var c = mapped[i];
            var next = i + 1 < mapped.Length ? mapped[i + 1] : '\0';
            sb.Append(c);
            if (((c is 'a' or 'o' or 'u') && next == 'e') || (c == 's' && next == 's'))
            {
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>Splits text at everything but letters and digits and folds each piece; stop words and one-letter pieces are dropped.</summary>
    public static IEnumerable<string> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var folded = Fold(text[start..i]);
                start = -1;
                if (folded.Length > MaxTokenLength)
                {
                    folded = folded[..MaxTokenLength];
                }

                if (folded.Length >= MinTokenLength && !StopWords.Contains(folded))
                {
                    yield return folded;
                }
            }
        }
    }

    private static string MapChar(char c) => c switch
    {
        'ä' or 'à' or 'á' or 'â' or 'ã' or 'å' => "a",
        'ö' or 'ò' or 'ó' or 'ô' or 'õ' or 'ø' => "o",
        'ü' or 'ù' or 'ú' or 'û' => "u",
        'è' or 'é' or 'ê' or 'ë' => "e",
        'ì' or 'í' or 'î' or 'ï' => "i",
        'ç' => "c",
        'ñ' => "n",
        'ß' or 'ẞ' => "s",
        'æ' => "a",
        'œ' => "o",
        _ => c.ToString(),
    };
}
