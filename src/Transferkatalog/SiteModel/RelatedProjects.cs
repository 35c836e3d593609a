using Transferkatalog.Search;

namespace Transferkatalog.SiteModel;

/// <summary>
/// Related projects for each profile: those sharing the most Stichworte, Handlungsfelder and municipalities of the
/// same Kreis. Scores come from an index by term, so the work grows with shared terms, not with all pairs of profiles.
/// </summary>
public static class RelatedProjects
{
    /// <summary>How many related profiles a profile page shows.</summary>
    public const int DefaultCount = 3;

    // A shared keyword says most about the subject, a shared Handlungsfeld less, being neighbours least.
    private const int WeightStichwort = 3;
    private const int WeightHandlungsfeld = 2;
    private const int WeightKommune = 1;
    private const int WeightKreis = 1;

    /// <summary>Related profiles per profile, aligned with <see cref="Site.Profiles"/>; ties go to catalogue order.</summary>
    public static IReadOnlyList<IReadOnlyList<ProfileEntry>> Compute(IReadOnlyList<ProfileEntry> profiles, int count = DefaultCount)
    {
        var termsOf = new List<(string Term, int Weight)>[profiles.Count];
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            var terms = Terms(profiles[i]).Distinct().ToList();
            termsOf[i] = terms;
            foreach (var (term, _) in terms)
            {
                if (!index.TryGetValue(term, out var list))
                {
                    list = [];
                    index[term] = list;
                }

                list.Add(i);
            }
        }

        var result = new IReadOnlyList<ProfileEntry>[profiles.Count];
        var scores = new int[profiles.Count];
        var sharesSubject = new bool[profiles.Count];
        var touched = new List<int>();
        for (var i = 0; i < profiles.Count; i++)
        {
            foreach (var (term, weight) in termsOf[i])
            {
                var subject = term[0] is 's' or 'f';
                foreach (var other in index[term])
                {
                    if (other == i)
                    {
                        continue;
                    }

                    if (scores[other] == 0)
                    {
                        touched.Add(other);
                    }

                    scores[other] += weight;
                    sharesSubject[other] |= subject;
                }
            }

            result[i] = Top(touched, scores, sharesSubject, count).Select(o => profiles[o]).ToList();
            foreach (var o in touched)
            {
                scores[o] = 0;
                sharesSubject[o] = false;
            }

            touched.Clear();
        }

        return result;
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

    private static bool Better(int a, int b, int[] scores) => scores[a] > scores[b] || (scores[a] == scores[b] && a < b);

    private static IEnumerable<(string, int)> Terms(ProfileEntry entry)
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
