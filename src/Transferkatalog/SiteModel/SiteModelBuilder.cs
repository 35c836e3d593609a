using System.Text;
using Transferkatalog.Content;

namespace Transferkatalog.SiteModel;

/// <summary>Pipeline stage 3: turns the validated catalogue into pages, URLs and taxonomies.</summary>
public sealed class SiteModelBuilder
{
    /// <param name="cache">Entries of the previous build to reuse for unchanged profiles (the preview); null builds everything.</param>
    public Site Build(Catalog catalog, string? baseUrlOverride, DateOnly referenceDate, SiteModelCache? cache = null)
    {
        var urls = new UrlScheme(baseUrlOverride ?? catalog.Site.BasisUrl);
        var felder = catalog.Handlungsfelder.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var kommunen = catalog.Kommunen.ToDictionary(k => k.Key, StringComparer.Ordinal);

        var resolved = cache is null
            ? catalog.Profiles.Select(p => (Entry: Resolve(p, urls, felder, kommunen), Key: SortKey(p.Titel))).ToList()
            : cache.Resolve(catalog.Profiles, p => (Resolve(p, urls, felder, kommunen), SortKey(p.Titel)));
        var profiles = resolved
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Entry.Profile.Slug, StringComparer.Ordinal)
            .Select(p => p.Entry)
            .ToList();

        // Catalogue order is title order: sorting by position spares computing sort keys again for every Kreis.
        var position = new Dictionary<ProfileEntry, int>(profiles.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < profiles.Count; i++)
        {
            position[profiles[i]] = i;
        }

        // One pass over the profiles builds every taxonomy: no per-term scan of all profiles.
        var byFeld = new Dictionary<string, List<ProfileEntry>>(StringComparer.Ordinal);
        var byKommune = new Dictionary<string, List<ProfileEntry>>(StringComparer.Ordinal);
        var byAdopter = new Dictionary<string, List<ProfileEntry>>(StringComparer.Ordinal);
        foreach (var entry in profiles)
        {
            foreach (var f in entry.Profile.Handlungsfelder)
            {
                Bucket(byFeld, f).Add(entry);
            }

            foreach (var k in entry.Profile.Kommunen)
            {
                Bucket(byKommune, k).Add(entry);
            }

            foreach (var n in entry.Profile.Nachnutzung)
            {
                Bucket(byAdopter, n.Kommune).Add(entry);
            }
        }

        var feldEntries = catalog.Handlungsfelder
            .Select(f => new HandlungsfeldEntry(f, urls.Handlungsfeld(f.Key), Get(byFeld, f.Key)))
            .ToList();

        var members = catalog.Kommunen
            .Where(k => k.Kreis is not null)
            .GroupBy(k => k.Kreis!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(k => SortKey(k.Name), StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var kommuneEntries = catalog.Kommunen
            .OrderBy(k => SortKey(k.Name), StringComparer.Ordinal)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k =>
            {
                var own = Get(byKommune, k.Key);
                var memberList = members.TryGetValue(k.Key, out var m) ? m : [];
                // By reference: a record's value hash would walk every field of the profile, body included.
                var ownSet = own.ToHashSet<ProfileEntry>(ReferenceEqualityComparer.Instance);
                var memberProfiles = memberList
                    .SelectMany(member => Get(byKommune, member.Key))
                    .Where(p => !ownSet.Contains(p))
                    .Distinct<ProfileEntry>(ReferenceEqualityComparer.Instance)
                    .OrderBy(p => position[p])
                    .ToList();
                var kreis = k.Kreis is not null && kommunen.TryGetValue(k.Kreis, out var kr) ? kr : null;
                return new KommuneEntry(k, urls.Kommune(k.Key), kreis, memberList, own, memberProfiles, Get(byAdopter, k.Key));
            })
            .ToList();

        var pages = catalog.Pages.Select(p => new PageEntry(p, urls.Page(p.Slug))).ToList();
        return new Site(catalog.Site, urls, profiles, feldEntries, kommuneEntries, pages, referenceDate);
    }

    /// <summary>Culture-independent German sort key: case and umlauts folded, so output never depends on the machine's locale.</summary>
    public static string SortKey(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text.ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': sb.Append('a'); break;
                case 'ö': sb.Append('o'); break;
                case 'ü': sb.Append('u'); break;
                case 'ß': sb.Append("ss"); break;
                case '„' or '“' or '"' or '\'': break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static ProfileEntry Resolve(Profile p, UrlScheme urls, Dictionary<string, Handlungsfeld> felder, Dictionary<string, Kommune> kommunen)
    {
        var ks = p.Kommunen.Select(k => kommunen[k]).ToList();
        var kreise = ks
            .Select(k => k.IsKreis ? k : k.Kreis is not null && kommunen.TryGetValue(k.Kreis, out var kr) ? kr : null)
            .OfType<Kommune>()
            .DistinctBy(k => k.Key)
            .OrderBy(k => SortKey(k.Name), StringComparer.Ordinal)
            .ToList();
        return new ProfileEntry(
            p,
            urls.Profile(p.Slug),
            p.Handlungsfelder.Select(f => felder[f]).ToList(),
            ks,
            kreise,
            p.Federfuehrung is not null ? kommunen[p.Federfuehrung] : null,
            p.Nachnutzung.Select(n => (n, kommunen[n.Kommune])).ToList());
    }

    private static List<ProfileEntry> Bucket(Dictionary<string, List<ProfileEntry>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<ProfileEntry>();
            map[key] = list;
        }

        return list;
    }

    private static List<ProfileEntry> Get(Dictionary<string, List<ProfileEntry>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : [];
}

/// <summary>Resolved profile entries of the last build, kept by the preview so that an unchanged profile keeps its entry object.</summary>
/// <remarks>Valid only while registries and base URL stay the same; the preview starts a new cache when they change.</remarks>
public sealed class SiteModelCache
{
    private Dictionary<Profile, (ProfileEntry Entry, string Key)> entries = new(ReferenceEqualityComparer.Instance);

    internal List<(ProfileEntry Entry, string Key)> Resolve(IReadOnlyList<Profile> profiles, Func<Profile, (ProfileEntry, string)> resolve)
    {
        var next = new Dictionary<Profile, (ProfileEntry Entry, string Key)>(profiles.Count, ReferenceEqualityComparer.Instance);
        var result = new List<(ProfileEntry Entry, string Key)>(profiles.Count);
        foreach (var p in profiles)
        {
            if (!entries.TryGetValue(p, out var known))
            {
                known = resolve(p);
            }

            next[p] = known;
            result.Add(known);
        }

        entries = next;
        return result;
    }
}
