using Transferkatalog.Language;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Search;

/// <summary>
/// Data for the catalogue page when it lists more profiles than fit on one page: which profiles carry each filter
/// value, and the card texts in small chunks, so the script fetches only what a result page shows.
/// </summary>
public static class CatalogDataBuilder
{
    /// <summary>
    /// Cards per chunk file. Hits of a search are scattered over the whole catalogue, so a result page may need as many
    /// chunks as it shows cards; larger chunks mean fewer files but more bytes per result page.
    /// </summary>
    public const int CardsPerChunk = 20;

    /// <summary>
    /// Target size of one file of filter lists: the lists of consecutive values (in ordinal order) share a file up to
    /// this size, so 4,000 Kommunen need a few dozen files instead of 4,000; a single larger list gets a file of its own.
    /// </summary>
    public const int FilterChunkLimit = 16 * 1024;

    /// <summary>At most this many values share a file of filter lists, so choosing one Kommune fetches a few KB, not a whole region's lists.</summary>
    public const int FilterValuesPerChunk = 64;

    private static IEnumerable<string> AllValues(Site site, string group) => group switch
    {
        "handlungsfeld" => site.Handlungsfelder.Select(f => f.Feld.Key),
        "kreis" => site.Kommunen.Where(k => k.Kommune.IsKreis).Select(k => k.Kommune.Key),
        "kommune" => site.Kommunen.Select(k => k.Kommune.Key),
        "status" => Schema.ContentSchema.StatusValues,
        "nachnutzung" => [CatalogFilters.AdoptedValue],
        "sucht" => Schema.ContentSchema.SearchTargets,
        _ => [],
    };


    /// <summary>The filter lists, card chunks, names and option lists of a site; profile numbers are positions in <see cref="Site.Profiles"/>.</summary>
    public static IReadOnlyList<OutputFile> Build(Site site)
    {
        var files = new List<OutputFile>();
        var folder = SearchIndexBuilder.Folder;
        var filterIndex = new Dictionary<string, object>(StringComparer.Ordinal);

        foreach (var group in CatalogFilters.FilterGroups)
        {
            // Every value the form offers gets a list, even an empty one, so a missing value means "unknown", never "not built".
            var byValue = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var value in AllValues(site, group))
            {
                byValue[value] = [];
            }

            for (var id = 0; id < site.Profiles.Count; id++)
            {
                foreach (var value in CatalogFilters.FilterValues(site, site.Profiles[id], group).Distinct(StringComparer.Ordinal))
                {
                    if (!byValue.TryGetValue(value, out var ids))
                    {
                        ids = [];
                        byValue[value] = ids;
                    }

                    ids.Add(id);
                }
            }

            // Consecutive values in ordinal order share a file; the index names each file's first value, so the
            // script finds a value's file by comparing strings (ordinal order is UTF-16 code-unit order, as in JavaScript).
            var firsts = new List<string>();
            var chunk = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var size = 0;
            void Flush()
            {
                if (chunk.Count > 0)
                {
                    files.Add(new OutputFile($"{folder}/filter/{group}-{firsts.Count - 1}.json", JsonTree.ToUtf8Bytes(chunk)));
                    chunk = new SortedDictionary<string, string>(StringComparer.Ordinal);
                    size = 0;
                }
            }

            foreach (var (value, ids) in byValue)
            {
                var postings = Postings.Encode(ids);
                var entrySize = System.Text.Encoding.UTF8.GetByteCount(value) + postings.Length + 6;
                if (chunk.Count > 0 && (size + entrySize > FilterChunkLimit || chunk.Count == FilterValuesPerChunk))
                {
                    Flush();
                }

                if (chunk.Count == 0)
                {
                    firsts.Add(value);
                }

                chunk[value] = postings;
                size += entrySize;
            }

            Flush();
            filterIndex[group] = firsts;
        }

        for (var start = 0; start < site.Profiles.Count; start += CardsPerChunk)
        {
            // Names, not keys: the card shows them, and a key-to-name table of every Kommune (130 KB at 4,000) would be
            // fetched before the first result.
            var chunk = site.Profiles
                .Skip(start)
                .Take(CardsPerChunk)
                .Select(p => new Dictionary<string, object>
                {
                    ["u"] = p.Url,
                    ["t"] = p.Profile.Titel,
                    ["k"] = p.Profile.Kurzbeschreibung,
                    ["s"] = p.Profile.Status,
                    ["f"] = p.Profile.Handlungsfelder,
                    ["m"] = p.Kommunen.Select(k => k.Name).ToList(),
                    ["n"] = p.Nachnutzer.Count,
                    ["w"] = CatalogFilters.OpenSucht(site, p),
                })
                .ToList();
            files.Add(new OutputFile($"{folder}/karten/{start / CardsPerChunk}.json", JsonTree.ToUtf8Bytes(chunk)));
        }

        var names = new Dictionary<string, object>
        {
            ["karten"] = CardsPerChunk,
            ["filter"] = filterIndex,
            ["handlungsfeld"] = site.Handlungsfelder.ToDictionary(f => f.Feld.Key, f => f.Feld.Name, StringComparer.Ordinal),
            ["status"] = Schema.ContentSchema.StatusValues.ToDictionary(s => s, GermanFormat.Status, StringComparer.Ordinal),
            ["sucht"] = Schema.ContentSchema.SearchTargets.ToDictionary(t => t, GermanFormat.SuchtLabel, StringComparer.Ordinal),
        };
        files.Add(new OutputFile($"{folder}/namen.json", JsonTree.ToUtf8Bytes(names)));

        // [value, label, count] triples rather than objects: the Kommune list is the largest file a user fetches by
        // opening a group, and repeated property names would double it.
        foreach (var group in CatalogFilters.Groups(site, site.Kommunen.Where(k => k.Kommune.IsKreis).ToList()).Where(g => g.OptionsUrl is not null))
        {
            var options = group.Options.Select(o => new object[] { o.Value, o.Label, o.Count }).ToList();
            files.Add(new OutputFile(CatalogFilters.OptionsPath(group.Name), JsonTree.ToUtf8Bytes(options)));
        }


        return files;
    }
}
