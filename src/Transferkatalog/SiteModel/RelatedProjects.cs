using Transferkatalog.Language;
using Transferkatalog.Search;

namespace Transferkatalog.SiteModel;

/// <summary>
/// Related projects for each profile: those sharing the most Stichworte, Handlungsfelder and municipalities of the
/// same Kreis. Scores come from an index by term, so the work grows with shared terms, not with all pairs of profiles.
/// </summary>
/// <remarks>
/// A term shared by more than <see cref="CommonTermThreshold"/> profiles (a Handlungsfeld of a nationwide catalogue,
/// "OZG") would make every profile visit all of them, and the work grow with the square of the catalogue. Such a
/// term only adds to the score of candidates found through rarer terms; a profile with too few of those gets the
/// next profiles in catalogue order that share one of its common subject terms. Below the threshold — every
/// catalogue of a Land — the scores are exact over all profiles.
/// </remarks>
public static class RelatedProjects
{
    /// <summary>How many related profiles a profile page shows.</summary>
    public const int DefaultCount = 3;

    /// <summary>Terms of more profiles than this rank candidates but do not find them.</summary>
    public const int CommonTermThreshold = 256;

    // A shared keyword says most about the subject, a shared Handlungsfeld less, being neighbours least.
    private const int WeightStichwort = 3;
    private const int WeightHandlungsfeld = 2;
    private const int WeightKommune = 1;
    private const int WeightKreis = 1;

    // Candidates taken per common subject term when rarer terms found too few.
    private const int NeighboursPerCommonTerm = 4 * DefaultCount;

    /// <summary>Related profiles per profile, aligned with <see cref="Site.Profiles"/>; ties go to catalogue order.</summary>
    public static IReadOnlyList<IReadOnlyList<ProfileEntry>> Compute(IReadOnlyList<ProfileEntry> profiles, int count = DefaultCount) =>
        Compute(profiles, count, CommonTermThreshold, out _);

    /// <param name="visits">How many candidates were scored in all (tests: the work must grow linearly).</param>
    internal static IReadOnlyList<IReadOnlyList<ProfileEntry>> Compute(IReadOnlyList<ProfileEntry> profiles, int count, int commonAbove, out long visits)
    {
        // Terms become numbers: candidates are checked for a common term by binary search in their sorted term ids.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var weights = new List<int>();
        var subjects = new List<bool>();
        var postings = new List<List<int>>();
        var termsOf = new int[profiles.Count][];
        for (var i = 0; i < profiles.Count; i++)
        {
            var own = new List<int>();
            foreach (var (term, weight) in Terms(profiles[i]))
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    id = ids.Count;
                    ids[term] = id;
                    weights.Add(weight);
                    subjects.Add(IsSubject(term));
                    postings.Add([]);
                }

                if (!own.Contains(id))
                {
                    own.Add(id);
                    postings[id].Add(i);
                }
            }

            own.Sort();
            termsOf[i] = [.. own];
        }

        var result = new IReadOnlyList<ProfileEntry>[profiles.Count];
        long visited = 0;
        Parallel.For(
            0,
            profiles.Count,
            Parallelism.Options,
            () => new Scratch(profiles.Count),
            (i, _, scratch) =>
            {
                result[i] = Related(i, scratch).Select(o => profiles[o]).ToList();
                return scratch;
            },
            scratch => Interlocked.Add(ref visited, scratch.Visits));
        visits = visited;
        return result;

        List<int> Related(int i, Scratch s)
        {
            var common = new List<int>();
            foreach (var term in termsOf[i])
            {
                if (postings[term].Count > commonAbove)
                {
                    common.Add(term);
                    continue;
                }

                foreach (var other in postings[term])
                {
                    if (other != i)
                    {
                        s.Add(other, weights[term], subjects[term]);
                    }
                }
            }

            foreach (var other in s.Touched)
            {
                AddCommon(other, common, s);
            }

            var best = Top(s.Touched, s.Scores, s.SharesSubject, count);
            if (best.Count < count && common.Count > 0)
            {
                foreach (var term in common.Where(t => subjects[t]))
                {
                    var members = postings[term];
                    var at = members.BinarySearch(i);
                    for (var step = 1; step <= Math.Min(NeighboursPerCommonTerm, members.Count - 1); step++)
                    {
                        var other = members[(at + step) % members.Count];
                        if (s.Scores[other] == 0)
                        {
                            AddCommon(other, common, s);
                        }
                    }
                }

                best = Top(s.Touched, s.Scores, s.SharesSubject, count);
            }

            s.Clear();
            return best;
        }

        void AddCommon(int other, List<int> common, Scratch s)
        {
            s.Visits += common.Count;
            foreach (var term in common)
            {
                if (Array.BinarySearch(termsOf[other], term) >= 0)
                {
                    s.Add(other, weights[term], subjects[term]);
                }
            }
        }
    }

    /// <summary>One thread's score table, cleared after each profile by undoing only what it touched.</summary>
    private sealed class Scratch(int size)
    {
        public int[] Scores { get; } = new int[size];

        public bool[] SharesSubject { get; } = new bool[size];

        public List<int> Touched { get; } = [];

        public long Visits { get; set; }

        public void Add(int other, int weight, bool subject)
        {
            Visits++;
            if (Scores[other] == 0)
            {
                Touched.Add(other);
            }

            Scores[other] += weight;
            SharesSubject[other] |= subject;
        }

        public void Clear()
        {
            foreach (var o in Touched)
            {
                Scores[o] = 0;
                SharesSubject[o] = false;
            }

            Touched.Clear();
        }
    }

    /// <summary>The best few candidates by score, then catalogue order; a linear pass instead of sorting all candidates.</summary>
    private static List<int> Top(List<int> candidates, int[] scores, bool[] sharesSubject, int count)
    {
        var best = new List<int>(count + 1);
        foreach (var o in candidates)
        {
            // Being neighbours alone is no reason to recommend a project: a shared subject is required.
            if (!sharesSubject[o])
            {
                continue;
            }

            var pos = best.Count;
            while (pos > 0 && Better(o, best[pos - 1], scores))
            {
                pos--;
            }

            if (pos < count)
            {
                best.Insert(pos, o);
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }

        return best;
    }

    internal static bool IsSubject(string term) => term[0] is 's' or 'f';

    private static bool Better(int a, int b, int[] scores) => scores[a] > scores[b] || (scores[a] == scores[b] && a < b);

    /// <summary>The terms a profile is matched by, each with its weight; the first letter says which kind.</summary>
    internal static IEnumerable<(string Term, int Weight)> Terms(ProfileEntry entry)
    {
        foreach (var s in entry.Profile.Stichworte)
        {
            var folded = string.Join(' ', SearchText.Tokens(s));
            if (folded.Length > 0)
            {
                yield return ("s:" + folded, WeightStichwort);
            }
        }

        foreach (var f in entry.Profile.Handlungsfelder)
        {
            yield return ("f:" + f, WeightHandlungsfeld);
        }

        foreach (var k in entry.Profile.Kommunen)
        {
            yield return ("m:" + k, WeightKommune);
        }

        foreach (var k in entry.Kreise)
        {
            yield return ("k:" + k.Key, WeightKreis);
        }
    }
}

/// <summary>Related projects kept up to date as profiles change, for the preview: the same lists as <see cref="RelatedProjects.Compute"/>, but the usual edit costs no recomputation.</summary>
/// <remarks>
/// Relies on the preview's site model cache: an unchanged profile keeps its <see cref="ProfileEntry"/> object, a changed one
/// gets a new object. An edit that keeps a profile's slug, title and terms (text, contact, status) leaves every score and
/// position as it was: the new entry takes the old one's place in every list. Anything else — a new, removed or
/// retitled profile, other keywords — recomputes all lists, which is linear in the catalogue and parallel.
/// </remarks>
public sealed class RelatedIndex(int count = RelatedProjects.DefaultCount)
{
    private IReadOnlyList<ProfileEntry> profiles = [];
    private IReadOnlyList<IReadOnlyList<ProfileEntry>> lists = [];

    /// <summary>Brings the index to the given catalogue and returns the related profiles per profile, aligned with it.</summary>
    public IReadOnlyList<IReadOnlyList<ProfileEntry>> Update(IReadOnlyList<ProfileEntry> current)
    {
        if (Substitutes(current) is { } replaced)
        {
            lists = replaced.Count == 0
                ? lists
                : lists.Select(list => (IReadOnlyList<ProfileEntry>)list.Select(e => replaced.GetValueOrDefault(e, e)).ToList()).ToList();
        }
        else
        {
            lists = RelatedProjects.Compute(current, count);
        }

        profiles = current;
        return lists;
    }

    /// <summary>Old entry to new entry when <paramref name="current"/> differs from the last catalogue only by edits that keep slug, title and terms; null otherwise.</summary>
    private Dictionary<ProfileEntry, ProfileEntry>? Substitutes(IReadOnlyList<ProfileEntry> current)
    {
        if (current.Count != profiles.Count || lists.Count != profiles.Count)
        {
            return null;
        }

        var replaced = new Dictionary<ProfileEntry, ProfileEntry>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < current.Count; i++)
        {
            var (old, entry) = (profiles[i], current[i]);
            if (ReferenceEquals(old, entry))
            {
                continue;
            }

            if (old.Profile.Slug != entry.Profile.Slug || old.Profile.Titel != entry.Profile.Titel || !RelatedProjects.Terms(old).SequenceEqual(RelatedProjects.Terms(entry)))
            {
                return null;
            }

            replaced[old] = entry;
        }

        return replaced;
    }
}
