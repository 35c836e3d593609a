using System.Globalization;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Language;
using Transferkatalog.Search;

namespace Transferkatalog.Validation;

/// <summary>Two profiles that look like the same cooperation entered twice, and why.</summary>
/// <param name="First">Index of the profile that sorts first (catalogue order).</param>
/// <param name="Second">Index of the other profile; the warning is given there.</param>
public sealed record DuplicateFinding(int First, int Second, string Reason);

/// <summary>
/// Warns when a profile resembles another one (TK0502): overlapping Kommunen, a similar title, shared Stichworte, the
/// same Handlungsfelder. No pair of profiles is compared unless they share a rare feature (a Kommune, a title word, a
/// pair of adjacent title words or the whole title, found in at most <see cref="MaxPosting"/> profiles); those
/// candidates are then scored exactly. Every rule needs a similar title and a shared Kommune, so these features suffice. So the work grows with the shared rare features, not with the square of the catalogue.
/// </summary>
public static class DuplicateCheck
{
    /// <summary>A feature more profiles share than this says too little to make them candidates (a big Kreis, the word 'Digitalisierung').</summary>
    public const int MaxPosting = 100;

    // Thresholds, chosen so the sample catalogue's follow-up projects (same Kommunen, related titles) stay silent:
    // one signal alone never warns; a nearly equal title needs most Kommunen in common, or one and the same subject;
    // a similar title needs nearly the same Kommunen and the same subject.
    private const double TitleSame = 0.85;
    private const double TitleSimilar = 0.6;
    private const double KommunenSame = 0.8;
    private const double KommunenOverlap = 0.5;
    private const double StichworteOverlap = 0.5;

    /// <summary>Reports each resembling pair once, at the title of the profile that sorts later, naming the other file.</summary>
    public static void Report(Catalog catalog, DiagnosticBag diagnostics)
    {
        foreach (var f in Find(catalog.Profiles))
        {
            var first = catalog.Profiles[f.First];
            var second = catalog.Profiles[f.Second];
            diagnostics.Warning(
                DiagnosticCodes.SimilarProfile,
                $"ähnelt {first.SourcePath}: {f.Reason} — ist es dasselbe Projekt, führen Sie beide Steckbriefe zu einem zusammen; hängen die Projekte bewusst zusammen (z. B. ein Folgeprojekt), tragen Sie 'verwandt: [{first.Slug}]' ein",
                new SourceSpan(second.SourcePath, second.TitelLine, 1));
        }
    }

    /// <summary>All resembling pairs, ordered by the second profile, then the first; deterministic for the same profiles.</summary>
    public static IReadOnlyList<DuplicateFinding> Find(IReadOnlyList<Profile> profiles)
    {
        var features = new Features[profiles.Count];
        Parallel.For(0, profiles.Count, Parallelism.Options, i => features[i] = Features.Of(profiles[i]));

        // Feature ids in catalogue order, so postings are sorted and everything downstream is deterministic.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        var keysOf = new int[profiles.Count][];
        for (var i = 0; i < profiles.Count; i++)
        {
            var keys = features[i].CandidateKeys;
            var own = new int[keys.Count];
            var n = 0;
            foreach (var key in keys)
            {
                if (!ids.TryGetValue(key, out var id))
                {
                    id = ids.Count;
                    ids[key] = id;
                    postings.Add([]);
                }

                postings[id].Add(i);
                own[n++] = id;
            }

            keysOf[i] = own;

            // The Kommune keys come first among the candidate keys (see Features.Of).
            var kommunen = own[..features[i].Kommunen.Length];
            Array.Sort(kommunen);
            features[i].KommuneIds = kommunen;
        }

        var related = RelationCheck.BothWays(profiles);
        var found = new List<DuplicateFinding>?[profiles.Count];
        Parallel.For(
            0,
            profiles.Count,
            Parallelism.Options,
            () => new Scratch(profiles.Count),
            (j, _, scratch) =>
            {
                // Each pair is looked at from its later profile, against earlier ones only.
                var stamp = scratch.Stamp;
                var candidates = scratch.Candidates;
                candidates.Clear();
                foreach (var id in keysOf[j])
                {
                    var posting = postings[id];
                    if (posting.Count < 2 || posting.Count > MaxPosting)
                    {
                        continue;
                    }

                    foreach (var i in posting)
                    {
                        if (i >= j)
                        {
                            break;
                        }

                        if (stamp[i] != j + 1)
                        {
                            stamp[i] = j + 1;
                            candidates.Add(i);
                        }
                    }
                }

                if (candidates.Count == 0)
                {
                    return scratch;
                }

                candidates.Sort();
                foreach (var i in candidates)
                {
                    if (related[j].Contains(i))
                    {
                        continue;
                    }

                    if (Compare(features[i], features[j]) is { } reason)
                    {
                        (found[j] ??= []).Add(new DuplicateFinding(i, j, reason));
                    }
                }

                return scratch;
            },
            _ => { });

        return found.Where(l => l is not null).SelectMany(l => l!).ToList();
    }

    /// <summary>One worker's marks of the profiles already taken as candidates, and its candidate list, reused from profile to profile.</summary>
    private sealed class Scratch(int profiles)
    {
        public int[] Stamp { get; } = new int[profiles];

        public List<int> Candidates { get; } = new(256);
    }

    /// <summary>Why two profiles look like one, or null when they do not.</summary>
    internal static string? Compare(Features a, Features b)
    {
        // Every rule below needs a shared Kommune and a similar title: the cheap test first.
        var (kShared, kAll) = Overlap(a.KommuneIds, b.KommuneIds);
        if (kShared == 0)
        {
            return null;
        }

        var title = Dice(a.Trigrams, b.Trigrams);
        if (title < TitleSimilar)
        {
            return null;
        }

        var (sShared, sAll) = Overlap(a.Stichworte, b.Stichworte);
        var kommunen = kAll == 0 ? 0 : (double)kShared / kAll;
        var stichworte = sShared >= 2 ? (double)sShared / sAll : 0;
        var felder = a.Felder.AsSpan().SequenceEqual(b.Felder);
        var sameSubject = felder || stichworte >= StichworteOverlap;

        var duplicate =
            (title >= TitleSame && (kommunen >= KommunenOverlap || sameSubject)) ||
            (title >= TitleSimilar && kommunen >= KommunenSame && sameSubject);
        if (!duplicate)
        {
            return null;
        }

        var reasons = new List<string>(4);
        if (kShared > 0)
        {
            reasons.Add(kShared == kAll
                ? kAll == 1 ? "dieselbe Kommune" : $"alle {Number(kAll)} Kommunen gleich"
                : $"{Number(kShared)} von {Number(kAll)} Kommunen gleich");
        }

        reasons.Add(title >= 0.999 ? "gleicher Titel" : title >= TitleSame ? "Titel fast gleich" : "Titel ähnlich");
        if (stichworte >= StichworteOverlap)
        {
            reasons.Add($"{Number(sShared)} von {Number(sAll)} Stichworten gleich");
        }

        if (felder)
        {
            reasons.Add(a.Felder.Length == 1 ? "gleiches Handlungsfeld" : "gleiche Handlungsfelder");
        }

        return string.Join(", ", reasons);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shared and total distinct entries of two sorted sets of ids.</summary>
    private static (int Shared, int All) Overlap(int[] a, int[] b)
    {
        var shared = Shared(a, b, default(Natural<int>));
        return (shared, a.Length + b.Length - shared);
    }

    /// <summary>Shared and total distinct entries of two sorted sets.</summary>
    private static (int Shared, int All) Overlap(string[] a, string[] b)
    {
        var shared = Shared(a, b, default(Ordinal));
        return (shared, a.Length + b.Length - shared);
    }

    /// <summary>Dice coefficient of two sorted sets of character trigrams: 1 for equal titles, robust to typos and word order.</summary>
    private static double Dice(long[] a, long[] b) =>
        a.Length + b.Length == 0 ? 0 : 2.0 * Shared(a, b, default(Natural<long>)) / (a.Length + b.Length);

    /// <summary>How many entries two sorted sets have in common, by one merge.</summary>
    /// <remarks>The comparer is a struct, so each use is compiled with its comparison inlined: this runs for every candidate pair.</remarks>
    private static int Shared<T, TComparer>(T[] a, T[] b, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = comparer.Compare(a[i], b[j]);
            if (c == 0)
            {
                shared++;
                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    private readonly struct Natural<T> : IComparer<T>
        where T : IComparable<T>
    {
        public int Compare(T? x, T? y) => x!.CompareTo(y);
    }

    private readonly struct Ordinal : IComparer<string>
    {
        public int Compare(string? x, string? y) => string.CompareOrdinal(x, y);
    }

    /// <summary>What a profile is compared by, folded like the search (case, umlauts, stop words).</summary>
    internal sealed record Features(long[] Trigrams, string[] Kommunen, string[] Stichworte, string[] Felder, IReadOnlyList<string> CandidateKeys)
    {
        /// <summary>The Kommunen as sorted feature ids, set by <see cref="Find"/> once ids are given out: comparing ints instead of keys was a third of the pair scoring.</summary>
        public int[] KommuneIds { get; set; } = [];

        public static Features Of(Profile p)
        {
            var words = SearchText.Tokens(p.Titel).ToList();
            var folded = " " + string.Join(' ', words) + " ";
            var trigrams = new long[Math.Max(0, folded.Length - 2)];
            for (var k = 0; k < trigrams.Length; k++)
            {
                trigrams[k] = ((long)folded[k] << 32) | ((long)folded[k + 1] << 16) | folded[k + 2];
            }

            Array.Sort(trigrams);

            var stichworte = p.Stichworte.Select(s => string.Join(' ', SearchText.Tokens(s))).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var kommunen = p.Kommunen.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var keys = new List<string>(kommunen.Length + (words.Count * 2) + stichworte.Length);
            keys.AddRange(kommunen.Select(k => "m:" + k));
            keys.AddRange(words.Where(w => w.Length >= 3).Distinct(StringComparer.Ordinal).Select(w => "t:" + w));
            for (var k = 0; k + 1 < words.Count; k++)
            {
                keys.Add("b:" + words[k] + " " + words[k + 1]);
            }

            if (words.Count > 0)
            {
                keys.Add("w:" + string.Join(' ', words));
            }

            return new Features(
                trigrams.Distinct().ToArray(),
                kommunen,
                stichworte,
                p.Handlungsfelder.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                keys.Distinct(StringComparer.Ordinal).ToList());
        }
    }
}
