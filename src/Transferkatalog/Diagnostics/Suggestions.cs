namespace Transferkatalog.Diagnostics;

/// <summary>Finds the closest known name for a misspelt one, for "meinten Sie …?" hints.</summary>
public static class Suggestions
{
    /// <summary>Longest name that gets a suggestion; names are short, and the distance costs the product of both lengths.</summary>
    internal const int MaxLength = 100;

    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var needle = input.Trim().ToLowerInvariant();
        if (needle.Length == 0 || needle.Length > MaxLength)
        {
            return null;
        }

        var limit = Math.Max(2, needle.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            // The distance is at least the length difference; skipping hopeless candidates keeps a pasted paragraph from costing minutes.
            if (Math.Abs(needle.Length - candidate.Length) > limit)
            {
                continue;
            }

            var distance = Distance(needle, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        if (best is null)
        {
            return null;
        }

        // Allow roughly one typo per three characters; beyond that a suggestion confuses more than it helps.
        return bestDistance <= limit || best.StartsWith(needle, StringComparison.OrdinalIgnoreCase) && needle.Length >= 3 ? best : null;
    }

    /// <summary>" — meinten Sie 'x'?" or an empty string.</summary>
    public static string Hint(string input, IEnumerable<string> candidates)
    {
        var best = Closest(input, candidates);
        return best is null ? string.Empty : $" — meinten Sie '{best}'?";
    }

    /// <summary>A value as quoted in a message: long values are cut, so one pasted paragraph or data: address does not flood the terminal.</summary>
    public static string Shown(string raw) => raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "…");

    /// <summary>Optimal string alignment distance: Levenshtein plus transposition, since swapped letters are the commonest typo.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
