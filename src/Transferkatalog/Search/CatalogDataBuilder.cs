using System.Text.Json;
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
    /// <summary>Cards per chunk file: small, because hits of a search are scattered over the whole catalogue.</summary>
    public const int CardsPerChunk = 10;

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


    public static IReadOnlyList<OutputFile> Build(Site site)
    {
        var files = new List<OutputFile>();
        var folder = SearchIndexBuilder.Folder;

        foreach (var group in CatalogFilters.FilterGroups)
        {
            // Every value the form offers gets a file, even an empty one, so the script never requests a missing file.
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

            foreach (var (value, ids) in byValue)
            {
                files.Add(new OutputFile($"{folder}/filter/{group}/{value}.txt", System.Text.Encoding.UTF8.GetBytes(Postings.Encode(ids))));
            }
        }

        for (var start = 0; start < site.Profiles.Count; start += CardsPerChunk)
        {
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
                    ["m"] = p.Profile.Kommunen,
                    ["r"] = p.Kreise.Select(k => k.Key).ToList(),
                    ["n"] = p.Nachnutzer.Count,
                    ["w"] = CatalogFilters.OpenSucht(site, p),
                })
                .ToList();
            files.Add(new OutputFile($"{folder}/karten/{start / CardsPerChunk}.json", JsonSerializer.SerializeToUtf8Bytes(chunk, SearchIndexBuilder.Json)));
        }

        var names = new Dictionary<string, object>
        {
            ["karten"] = CardsPerChunk,
            ["handlungsfeld"] = site.Handlungsfelder.ToDictionary(f => f.Feld.Key, f => f.Feld.Name, StringComparer.Ordinal),
            ["kommune"] = site.Kommunen.ToDictionary(k => k.Kommune.Key, k => k.Kommune.Name, StringComparer.Ordinal),
            ["status"] = Schema.ContentSchema.StatusValues.ToDictionary(s => s, GermanFormat.Status, StringComparer.Ordinal),
            ["sucht"] = Schema.ContentSchema.SearchTargets.ToDictionary(t => t, GermanFormat.SuchtLabel, StringComparer.Ordinal),
        };
        files.Add(new OutputFile($"{folder}/namen.json", JsonSerializer.SerializeToUtf8Bytes(names, SearchIndexBuilder.Json)));

        // [value, label, count] triples rather than objects: the Kommune list is the largest file a user fetches by
        // opening a group, and repeated property names would double it.
        foreach (var group in CatalogFilters.Groups(site, site.Kommunen.Where(k => k.Kommune.IsKreis).ToList()).Where(g => g.OptionsUrl is not null))
        {
            var options = group.Options.Select(o => new object[] { o.Value, o.Label, o.Count }).ToList();
            files.Add(new OutputFile(CatalogFilters.OptionsPath(group.Name), JsonSerializer.SerializeToUtf8Bytes(options, SearchIndexBuilder.Json)));
        }


        return files;
    }
}
