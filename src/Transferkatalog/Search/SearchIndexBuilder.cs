using System.Text;
using Transferkatalog.Language;
using Transferkatalog.Output;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Search;

/// <summary>
/// Builds the full-text index at build time: an inverted index of folded tokens, split into shards by token prefix
/// so that a query loads only the few shards its words start with, plus a small manifest listing them.
/// </summary>
public sealed class SearchIndexBuilder
{
    /// <summary>Folder of all search and catalogue data under the site root.</summary>
    public const string Folder = CatalogFilters.DataFolder;

    /// <summary>Target size of one shard in bytes; only a single very frequent term may exceed it.</summary>
    public int ShardLimit { get; init; } = 32 * 1024;

    /// <summary>Bytes suche.js may fetch for one query before it stops widening words to prefixes.</summary>
    public int QueryBudget { get; init; } = 200 * 1024;

    // Weights: where a word occurs decides the order of hits; the two low bits of each posting carry it.
    private const int WeightTitle = 3;
    private const int WeightSummary = 2;
    private const int WeightOther = 1;

    /// <summary>The shards and manifest for a site; profile numbers are positions in <see cref="Site.Profiles"/>.</summary>
    public IReadOnlyList<OutputFile> Build(Site site)
    {
        var terms = CollectTerms(site);
        var entries = terms
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TermEntry(t.Key, Postings.Encode(t.Value)))
            .ToList();

        var shards = new List<(string Prefix, List<TermEntry> Terms)>();
        Partition(string.Empty, entries, shards);
        shards.Sort((a, b) => string.CompareOrdinal(a.Prefix, b.Prefix));

        var files = new List<OutputFile>();
        var manifestShards = new List<object[]>();
        for (var i = 0; i < shards.Count; i++)
        {
            var (prefix, shardTerms) = shards[i];
            var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var t in shardTerms)
            {
                map[t.Term] = t.Postings;
            }

            var bytes = JsonTree.ToUtf8Bytes(map);
            files.Add(new OutputFile($"{Folder}/t{i}.json", bytes));
            manifestShards.Add([prefix, bytes.Length]);
        }

        var manifest = new Dictionary<string, object>
        {
            ["v"] = 1,
            ["profile"] = site.Profiles.Count,
            ["min"] = SearchText.MinTokenLength,
            ["max"] = SearchText.MaxTokenLength,
            ["budget"] = QueryBudget,
            ["stopp"] = SearchText.FoldedStopWords.OrderBy(w => w, StringComparer.Ordinal).ToList(),
            ["teile"] = manifestShards,
        };
        files.Add(new OutputFile($"{Folder}/index.json", JsonTree.ToUtf8Bytes(manifest)));
        return files;
    }

    /// <summary>Every folded token with the profiles it occurs in, ascending, and the best weight it reached in each.</summary>
    internal static Dictionary<string, List<(int Id, int Weight)>> CollectTerms(Site site)
    {
        var terms = new Dictionary<string, List<(int Id, int Weight)>>(StringComparer.Ordinal);
        var known = terms.GetAlternateLookup<ReadOnlySpan<char>>();

        // Tokenising titles, keywords, summaries and names and keeping each token's best weight are independent per
        // profile and run in parallel (the body's words were tokenised when it was parsed); merging stays sequential in profile order, so every posting list comes out ascending
        // without sorting and the index bytes are those of a sequential run. In batches, so only a few hundred
        // profiles' tokens are held at once, not the whole catalogue's.
        const int Batch = 256;
        var tokens = new Dictionary<string, int>[Batch];
        for (var start = 0; start < site.Profiles.Count; start += Batch)
        {
            var count = Math.Min(Batch, site.Profiles.Count - start);
            var first = start;
            Parallel.For(0, count, Parallelism.Options, i => tokens[i] = Tokens(site.Profiles[first + i]));
            for (var i = 0; i < count; i++)
            {
                var id = first + i;
                foreach (var (token, weight) in tokens[i])
                {
                    Post(token, id, weight);
                }

                // The body's words were folded when it was parsed (folding them again could change some: quee -> que
                // -> qu) and are distinct; those also in title, keywords or summary are in the profile's own tokens
                // with a better weight. Looked up as slices: a word becomes a string only the first time any body has it.
                var own = tokens[i].GetAlternateLookup<ReadOnlySpan<char>>();
                var words = site.Profiles[id].Profile.ParsedBody.SearchWords.AsSpan();
                foreach (var range in words.Split(' '))
                {
                    var word = words[range];
                    if (!word.IsEmpty && !own.ContainsKey(word))
                    {
                        Post(word, id, WeightOther);
                    }
                }
            }
        }

        return terms;

        void Post(ReadOnlySpan<char> term, int id, int weight)
        {
            if (!known.TryGetValue(term, out var postings))
            {
                postings = [];
                known[term] = postings;
            }

            postings.Add((id, weight));
        }
    }

    /// <summary>A profile's distinct tokens outside the body, each with the best weight it reached (title over summary over the rest).</summary>
    private static Dictionary<string, int> Tokens(ProfileEntry entry)
    {
        var p = entry.Profile;
        var texts = new List<(int Weight, string? Text)> { (WeightTitle, p.Titel) };
        texts.AddRange(p.Stichworte.Select(s => (WeightTitle, (string?)s)));
        texts.Add((WeightSummary, p.Kurzbeschreibung));
        texts.AddRange(OtherTexts(entry).Select(t => (WeightOther, t)));
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (weight, text) in texts)
        {
            foreach (var token in SearchText.Tokens(text))
            {
                if (!best.TryGetValue(token, out var known) || known < weight)
                {
                    best[token] = weight;
                }
            }
        }

        // The body's words are merged by CollectTerms straight from ParsedBody.SearchWords.
        return best;
    }

    private static IEnumerable<string?> OtherTexts(ProfileEntry entry)
    {
        var p = entry.Profile;
        foreach (var b in p.Beteiligte)
        {
            yield return b;
        }

        foreach (var k in entry.Kommunen)
        {
            yield return k.Name;
        }

        foreach (var k in entry.Kreise)
        {
            yield return k.Name;
        }

        foreach (var f in entry.Handlungsfelder)
        {
            yield return f.Name;
        }

        foreach (var (_, k) in entry.Nachnutzer)
        {
            yield return k.Name;
        }

        yield return p.Kontakt.Organisation;
        yield return p.Rechtsform;
        yield return p.Foerderung?.Programm;
        yield return p.Transfer?.Aufwand;
        yield return p.Transfer?.Voraussetzungen;
    }

    /// <summary>
    /// Puts the terms starting with <paramref name="prefix"/> into one shard if they fit; otherwise moves the largest
    /// groups of terms sharing one more letter into shards of their own until the rest fits. A term always lives in
    /// the shard with the longest prefix it starts with, which is how suche.js finds it.
    /// </summary>
    private void Partition(string prefix, List<TermEntry> terms, List<(string, List<TermEntry>)> shards)
    {
        var total = terms.Sum(t => t.Size);
        if (total <= ShardLimit)
        {
            shards.Add((prefix, terms));
            return;
        }

        var depth = prefix.Length;
        var children = terms
            .Where(t => t.Term.Length > depth)
            .GroupBy(t => t.Term[depth])
            .Select(g => (Key: prefix + g.Key, Terms: g.ToList(), Size: g.Sum(t => t.Size)))
            .OrderByDescending(c => c.Size)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var remaining = total;
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (remaining <= ShardLimit)
            {
                break;
            }

            Partition(child.Key, child.Terms, shards);
            moved.Add(child.Key);
            remaining -= child.Size;
        }

        var rest = terms.Where(t => t.Term.Length <= depth || !moved.Contains(prefix + t.Term[depth])).ToList();
        if (rest.Count > 0 || prefix.Length == 0)
        {
            shards.Add((prefix, rest));
        }
    }

    private sealed record TermEntry(string Term, string Postings)
    {
        // Bytes in the shard's JSON: quotes, colon and comma around both strings.
        public int Size { get; } = Encoding.UTF8.GetByteCount(Term) + Postings.Length + 6;
    }
}
