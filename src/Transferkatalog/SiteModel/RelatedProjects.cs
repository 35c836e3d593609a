using Transferkatalog.Language;
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
                var subject = IsSubject(term);
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

/// <summary>Related projects kept up to date as profiles change, for the preview: the same lists as <see cref="RelatedProjects.Compute"/>, but an edit costs work for the profiles it touches, not for the whole catalogue.</summary>
/// <remarks>
/// Relies on the preview's site model cache: an unchanged profile keeps its <see cref="ProfileEntry"/> object, a changed one
/// gets a new object. A list is recomputed in full when one of its members changed; otherwise a changed profile can only
/// enter a list by beating its last member, since the scores and relative order of the unchanged members stay the same.
/// </remarks>
public sealed class RelatedIndex(int count = RelatedProjects.DefaultCount)
{
    private readonly Dictionary<string, HashSet<ProfileEntry>> index = new(StringComparer.Ordinal);
    private readonly Dictionary<ProfileEntry, Dictionary<string, int>> termsOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ProfileEntry, List<(ProfileEntry Other, int Score)>> related = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ProfileEntry, HashSet<ProfileEntry>> referrers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ProfileEntry, IReadOnlyList<ProfileEntry>> shown = new(ReferenceEqualityComparer.Instance);
    private Dictionary<ProfileEntry, int> position = new(ReferenceEqualityComparer.Instance);

    /// <summary>Brings the index to the given catalogue and returns the related profiles per profile, aligned with it.</summary>
    public IReadOnlyList<IReadOnlyList<ProfileEntry>> Update(IReadOnlyList<ProfileEntry> profiles)
    {
        var current = new Dictionary<ProfileEntry, int>(profiles.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < profiles.Count; i++)
        {
            current[profiles[i]] = i;
        }

        position = current;
        var removed = termsOf.Keys.Where(e => !current.ContainsKey(e)).ToList();
        var added = profiles.Where(e => !termsOf.ContainsKey(e)).ToList();

        // The usual edit (text, contact, status) keeps a profile's terms and title: it takes its old place in every list.
        var bySlug = removed.ToDictionary(e => e.Profile.Slug, StringComparer.Ordinal);
        foreach (var entry in added.ToList())
        {
            if (bySlug.Remove(entry.Profile.Slug, out var old) && old.Profile.Titel == entry.Profile.Titel && SameTerms(old, entry))
            {
                Substitute(old, entry);
                removed.Remove(old);
                added.Remove(entry);
            }
        }

        var recompute = new HashSet<ProfileEntry>(ReferenceEqualityComparer.Instance);
        foreach (var gone in removed)
        {
            Remove(gone, recompute);
        }

        foreach (var entry in added)
        {
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (term, weight) in RelatedProjects.Terms(entry))
            {
                terms.TryAdd(term, weight);
            }

            termsOf[entry] = terms;
            foreach (var term in terms.Keys)
            {
                if (!index.TryGetValue(term, out var members))
                {
                    members = new HashSet<ProfileEntry>(ReferenceEqualityComparer.Instance);
                    index[term] = members;
                }

                members.Add(entry);
            }
        }

        if (related.Count == 0)
        {
            // A first build: the array-based computation is faster than one profile at a time.
            var all = RelatedProjects.Compute(profiles, count);
            for (var i = 0; i < profiles.Count; i++)
            {
                SetList(profiles[i], all[i].Select(o => (o, Score(profiles[i], o))).ToList());
            }

            return profiles.Select(p => shown[p]).ToList();
        }

        recompute.UnionWith(added);
        recompute.ExceptWith(removed);
        var fresh = recompute.ToList();
        var lists = new List<(ProfileEntry Other, int Score)>[fresh.Count];
        Parallel.For(0, fresh.Count, Parallelism.Options, i => lists[i] = Full(fresh[i]));
        for (var i = 0; i < fresh.Count; i++)
        {
            SetList(fresh[i], lists[i]);
        }

        // Added profiles may now belong in the lists of profiles that were not recomputed.
        foreach (var entry in added)
        {
            OfferToOthers(entry, recompute);
        }

        return profiles.Select(p => shown[p]).ToList();
    }

    private static bool SameTerms(ProfileEntry a, ProfileEntry b) =>
        RelatedProjects.Terms(a).SequenceEqual(RelatedProjects.Terms(b));

    /// <summary>Puts a new entry in the place of an old one with the same terms and catalogue position: scores and order stay as they were.</summary>
    private void Substitute(ProfileEntry old, ProfileEntry entry)
    {
        var terms = termsOf[old];
        termsOf.Remove(old);
        termsOf[entry] = terms;
        foreach (var term in terms.Keys)
        {
            var members = index[term];
            members.Remove(old);
            members.Add(entry);
        }

        var own = related[old];
        related.Remove(old);
        shown.Remove(old);
        foreach (var (other, _) in own)
        {
            referrers.GetValueOrDefault(other)?.Remove(old);
        }

        SetList(entry, own);
        if (referrers.Remove(old, out var lists))
        {
            foreach (var holder in lists)
            {
                SetList(holder, related[holder].Select(r => ReferenceEquals(r.Other, old) ? (entry, r.Score) : r).ToList());
            }
        }
    }

    private void Remove(ProfileEntry gone, HashSet<ProfileEntry> recompute)
    {
        foreach (var term in termsOf[gone].Keys)
        {
            var members = index[term];
            members.Remove(gone);
            if (members.Count == 0)
            {
                index.Remove(term);
            }
        }

        termsOf.Remove(gone);
        if (referrers.Remove(gone, out var lists))
        {
            recompute.UnionWith(lists);
        }

        shown.Remove(gone);
        if (related.Remove(gone, out var own))
        {
            foreach (var (other, _) in own)
            {
                referrers.GetValueOrDefault(other)?.Remove(gone);
            }
        }
    }

    private void OfferToOthers(ProfileEntry entry, HashSet<ProfileEntry> recomputed)
    {
        var seen = new HashSet<ProfileEntry>(ReferenceEqualityComparer.Instance) { entry };
        var terms = termsOf[entry];

        // Only a shared subject makes a profile eligible, so candidates come from the subject terms' members.
        foreach (var term in terms.Keys.Where(RelatedProjects.IsSubject))
        {
            foreach (var other in index[term])
            {
                if (!seen.Add(other) || recomputed.Contains(other))
                {
                    continue;
                }

                var score = Score(other, entry);
                var list = related[other];
                if (list.Count < count || Better(entry, score, list[^1].Other, list[^1].Score))
                {
                    var updated = new List<(ProfileEntry Other, int Score)>(list);
                    var at = updated.Count;
                    while (at > 0 && Better(entry, score, updated[at - 1].Other, updated[at - 1].Score))
                    {
                        at--;
                    }

                    updated.Insert(at, (entry, score));
                    if (updated.Count > count)
                    {
                        updated.RemoveAt(count);
                    }

                    SetList(other, updated);
                }
            }
        }
    }

    private int Score(ProfileEntry a, ProfileEntry b)
    {
        var theirs = termsOf[b];
        var score = 0;
        foreach (var (term, weight) in termsOf[a])
        {
            if (theirs.ContainsKey(term))
            {
                score += weight;
            }
        }

        return score;
    }

    /// <summary>The related list of one profile from scratch, by the rules of <see cref="RelatedProjects.Compute"/>.</summary>
    private List<(ProfileEntry Other, int Score)> Full(ProfileEntry entry)
    {
        var scores = new Dictionary<ProfileEntry, (int Score, bool Subject)>(ReferenceEqualityComparer.Instance);
        foreach (var (term, weight) in termsOf[entry])
        {
            var subject = RelatedProjects.IsSubject(term);
            foreach (var other in index[term])
            {
                if (!ReferenceEquals(other, entry))
                {
                    var (score, shares) = scores.GetValueOrDefault(other);
                    scores[other] = (score + weight, shares || subject);
                }
            }
        }

        var best = new List<(ProfileEntry Other, int Score)>(count + 1);
        foreach (var (other, (score, subject)) in scores)
        {
            if (!subject)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Better(other, score, best[at - 1].Other, best[at - 1].Score))
            {
                at--;
            }

            if (at < count)
            {
                best.Insert(at, (other, score));
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }

        return best;
    }

    private void SetList(ProfileEntry entry, List<(ProfileEntry Other, int Score)> list)
    {
        if (related.TryGetValue(entry, out var old))
        {
            foreach (var (other, _) in old)
            {
                referrers.GetValueOrDefault(other)?.Remove(entry);
            }
        }

        related[entry] = list;
        shown[entry] = list.Select(r => r.Other).ToList();
        foreach (var (other, _) in list)
        {
            if (!referrers.TryGetValue(other, out var set))
            {
                set = new HashSet<ProfileEntry>(ReferenceEqualityComparer.Instance);
                referrers[other] = set;
            }

            set.Add(entry);
        }
    }

    private bool Better(ProfileEntry a, int scoreA, ProfileEntry b, int scoreB) =>
        scoreA > scoreB || (scoreA == scoreB && position[a] < position[b]);

}
