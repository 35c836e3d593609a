using System.Text;
using Transferkatalog.Content;

namespace Transferkatalog.SiteModel;

/// <summary>Pipeline stage 3: turns the validated catalogue into pages, URLs and taxonomies.</summary>
public sealed class SiteModelBuilder
{
    /// <param name="cache">The previous build's model, updated in place of a full build when only profiles changed (the preview); null builds everything.</param>
    public Site Build(Catalog catalog, string? baseUrlOverride, DateOnly referenceDate, SiteModelCache? cache = null)
    {
        var urls = new UrlScheme(baseUrlOverride ?? catalog.Site.BasisUrl, catalog.Site.BasisUrl);
        var felder = catalog.Handlungsfelder.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var kommunen = catalog.Kommunen.ToDictionary(k => k.Key, StringComparer.Ordinal);
        (ProfileEntry, string) ResolveOne(Profile p) => (Resolve(p, urls, felder, kommunen), SortKey(p.Titel));
        if (cache?.Update(catalog, urls, referenceDate, ResolveOne) is { } updated)
        {
            return updated;
        }

        var resolved = cache is null
            ? catalog.Profiles.Select(p => (Entry: Resolve(p, urls, felder, kommunen), Key: SortKey(p.Titel))).ToList()
            : cache.Resolve(catalog.Profiles, ResolveOne);
        var profiles = resolved
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Entry.Profile.Slug, StringComparer.Ordinal)
            .Select(p => p.Entry)
            .ToList();

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

        var taxonomy = new Taxonomy(catalog, urls, kommunen, byFeld, byKommune, byAdopter);
        var feldEntries = catalog.Handlungsfelder.Select(taxonomy.Feld).ToList();
        var position = Positions(profiles);
        var kommuneEntries = taxonomy.KommunenInOrder.Select(k => taxonomy.Kommune(k, position)).ToList();
        var site = new Site
        {
            Config = catalog.Site,
            Urls = urls,
            Profiles = profiles,
            Handlungsfelder = feldEntries,
            Kommunen = kommuneEntries,
            Pages = Pages(catalog, urls),
            ReferenceDate = referenceDate,
        };
        cache?.Remember(catalog, site, taxonomy);
        return site;
    }

    internal static List<PageEntry> Pages(Catalog catalog, UrlScheme urls) => catalog.Pages.Select(p => new PageEntry(p, urls.Page(p.Slug))).ToList();

    /// <summary>Catalogue order is title order: sorting by position spares computing sort keys again for every Kreis.</summary>
    internal static Dictionary<ProfileEntry, int> Positions(IReadOnlyList<ProfileEntry> profiles)
    {
        var position = new Dictionary<ProfileEntry, int>(profiles.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < profiles.Count; i++)
        {
            position[profiles[i]] = i;
        }

        return position;
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
        return new ProfileEntry
        {
            Profile = p,
            Url = urls.Profile(p.Slug),
            Handlungsfelder = p.Handlungsfelder.Select(f => felder[f]).ToList(),
            Kommunen = ks,
            Kreise = kreise,
            Federfuehrung = p.Federfuehrung is not null ? kommunen[p.Federfuehrung] : null,
            Nachnutzer = p.Nachnutzung.Select(n => (n, kommunen[n.Kommune])).ToList(),
        };
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
}

/// <summary>Profiles filed by Handlungsfeld, Kommune and adopter, and how an entry of each is made from them: shared by full and incremental builds.</summary>
internal sealed class Taxonomy
{
    private readonly UrlScheme urls;
    private readonly Dictionary<string, Kommune> kommunen;
    private readonly Dictionary<string, List<Kommune>> members;

    public Taxonomy(Catalog catalog, UrlScheme urls, Dictionary<string, Kommune> kommunen, Dictionary<string, List<ProfileEntry>> byFeld, Dictionary<string, List<ProfileEntry>> byKommune, Dictionary<string, List<ProfileEntry>> byAdopter)
    {
        this.urls = urls;
        this.kommunen = kommunen;
        ByFeld = byFeld;
        ByKommune = byKommune;
        ByAdopter = byAdopter;
        members = catalog.Kommunen
            .Where(k => k.Kreis is not null)
            .GroupBy(k => k.Kreis!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(k => SiteModelBuilder.SortKey(k.Name), StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        KommunenInOrder = catalog.Kommunen
            .OrderBy(k => SiteModelBuilder.SortKey(k.Name), StringComparer.Ordinal)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .ToList();
    }

    public Dictionary<string, List<ProfileEntry>> ByFeld { get; }

    public Dictionary<string, List<ProfileEntry>> ByKommune { get; }

    public Dictionary<string, List<ProfileEntry>> ByAdopter { get; }

    /// <summary>The order of the Kommunen pages and index: by name, then key.</summary>
    public IReadOnlyList<Kommune> KommunenInOrder { get; }

    public Kommune? KommuneByKey(string key) => kommunen.GetValueOrDefault(key);

    public HandlungsfeldEntry Feld(Handlungsfeld f) => new(f, urls.Handlungsfeld(f.Key), Get(ByFeld, f.Key));

    public KommuneEntry Kommune(Kommune k, Dictionary<ProfileEntry, int> position)
    {
        var own = Get(ByKommune, k.Key);
        var memberList = members.TryGetValue(k.Key, out var m) ? m : [];

        // By reference: a record's value hash would walk every field of the profile, body included.
        var ownSet = own.ToHashSet<ProfileEntry>(ReferenceEqualityComparer.Instance);
        var memberProfiles = memberList
            .SelectMany(member => Get(ByKommune, member.Key))
            .Where(p => !ownSet.Contains(p))
            .Distinct<ProfileEntry>(ReferenceEqualityComparer.Instance)
            .OrderBy(p => position[p])
            .ToList();
        var kreis = k.Kreis is not null && kommunen.TryGetValue(k.Kreis, out var kr) ? kr : null;
        return new KommuneEntry
        {
            Kommune = k,
            Url = urls.Kommune(k.Key),
            Kreis = kreis,
            Members = memberList,
            OwnProfiles = own,
            MemberProfiles = memberProfiles,
            AdoptedProfiles = Get(ByAdopter, k.Key),
        };
    }

    private static List<ProfileEntry> Get(Dictionary<string, List<ProfileEntry>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : [];
}

/// <summary>The previous build's site model, kept by the preview: an edit of a few profiles updates it instead of building it anew.</summary>
/// <remarks>
/// Valid while settings, registries, plain pages and base URL stay the same objects; otherwise the builder starts afresh.
/// Lists are copied before they change, never changed in place: the previous site may still be read by exports in the background.
/// An unchanged profile keeps its entry object, which later stages rely on to recognise it.
/// </remarks>
public sealed class SiteModelCache
{
    // Above this many changed profiles a full build is cheaper than patching.
    private const int MaxPatched = 500;

    private Dictionary<Profile, (ProfileEntry Entry, string Key)> entries = new(ReferenceEqualityComparer.Instance);
    private Catalog? catalog;
    private Site? site;
    private Taxonomy? taxonomy;

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

    internal void Remember(Catalog built, Site result, Taxonomy index)
    {
        catalog = built;
        site = result;
        taxonomy = index;
    }

    /// <summary>The new site from the previous one when only profiles changed, few enough to patch; null otherwise.</summary>
    internal Site? Update(Catalog next, UrlScheme urls, DateOnly referenceDate, Func<Profile, (ProfileEntry, string)> resolve)
    {
        if (catalog is null || site is null || taxonomy is null || !SameSettings(catalog, next) || site.Urls.BasePath != urls.BasePath || site.Urls.Origin != urls.Origin || site.ReferenceDate != referenceDate)
        {
            return null;
        }

        var present = next.Profiles.ToHashSet<Profile>(ReferenceEqualityComparer.Instance);
        var removed = entries.Where(e => !present.Contains(e.Key)).Select(e => e.Value).ToList();
        var added = next.Profiles.Where(p => !entries.ContainsKey(p)).ToList();
        if (removed.Count + added.Count > MaxPatched)
        {
            return null;
        }

        var fresh = new List<(ProfileEntry Entry, string Key)>(added.Count);
        foreach (var p in added)
        {
            var made = resolve(p);
            entries[p] = made;
            fresh.Add(made);
        }

        foreach (var (entry, _) in removed)
        {
            entries.Remove(entry.Profile);
        }

        var keys = new Dictionary<ProfileEntry, string>(ReferenceEqualityComparer.Instance);
        foreach (var (entry, key) in removed.Concat(fresh))
        {
            keys[entry] = key;
        }

        string KeyOf(ProfileEntry e) => keys.TryGetValue(e, out var k) ? k : entries[e.Profile].Key;
        int Compare(ProfileEntry a, ProfileEntry b)
        {
            var byKey = string.CompareOrdinal(KeyOf(a), KeyOf(b));
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Profile.Slug, b.Profile.Slug);
        }

        List<ProfileEntry> Patch(IReadOnlyList<ProfileEntry> list, Func<ProfileEntry, bool> belongs)
        {
            var copy = new List<ProfileEntry>(list.Count + fresh.Count);
            foreach (var e in list)
            {
                if (!keys.ContainsKey(e))
                {
                    copy.Add(e);
                }
            }

            foreach (var (entry, _) in fresh.Where(f => belongs(f.Entry)))
            {
                var at = copy.BinarySearch(entry, Comparer<ProfileEntry>.Create(Compare));
                copy.Insert(at < 0 ? ~at : at, entry);
            }

            return copy;
        }

        var changed = removed.Select(r => r.Entry).Concat(fresh.Select(f => f.Entry)).ToList();
        var profiles = Patch(site.Profiles, _ => true);
        var dirtyFelder = changed.SelectMany(e => e.Profile.Handlungsfelder).ToHashSet(StringComparer.Ordinal);
        var dirtyOwn = changed.SelectMany(e => e.Profile.Kommunen).ToHashSet(StringComparer.Ordinal);
        var dirtyAdopters = changed.SelectMany(e => e.Profile.Nachnutzung.Select(n => n.Kommune)).ToHashSet(StringComparer.Ordinal);
        foreach (var key in dirtyFelder)
        {
            taxonomy.ByFeld[key] = Patch(taxonomy.ByFeld.GetValueOrDefault(key) ?? [], e => e.Profile.Handlungsfelder.Contains(key));
        }

        foreach (var key in dirtyOwn)
        {
            taxonomy.ByKommune[key] = Patch(taxonomy.ByKommune.GetValueOrDefault(key) ?? [], e => e.Profile.Kommunen.Contains(key));
        }

        foreach (var key in dirtyAdopters)
        {
            taxonomy.ByAdopter[key] = Patch(taxonomy.ByAdopter.GetValueOrDefault(key) ?? [], e => e.Profile.Nachnutzung.Any(n => n.Kommune == key));
        }

        // A Kreis page lists its members' profiles too.
        var dirtyKommunen = new HashSet<string>(dirtyOwn.Concat(dirtyAdopters), StringComparer.Ordinal);
        foreach (var key in dirtyOwn)
        {
            if (taxonomy.KommuneByKey(key)?.Kreis is { } kreis)
            {
                dirtyKommunen.Add(kreis);
            }
        }

        var position = SiteModelBuilder.Positions(profiles);
        var felder = site.Handlungsfelder.Select(f => dirtyFelder.Contains(f.Feld.Key) ? taxonomy.Feld(f.Feld) : f).ToList();
        var kommunen = site.Kommunen.Select(k => dirtyKommunen.Contains(k.Kommune.Key) ? taxonomy.Kommune(k.Kommune, position) : k).ToList();
        site = site with { Config = next.Site, Profiles = profiles, Handlungsfelder = felder, Kommunen = kommunen, Pages = SiteModelBuilder.Pages(next, urls) };
        catalog = next;
        return site;
    }

    private static bool SameSettings(Catalog a, Catalog b) =>
        ReferenceEquals(a.Site, b.Site)
        && ReferenceEquals(a.Handlungsfelder, b.Handlungsfelder)
        && ReferenceEquals(a.Kommunen, b.Kommunen)
        && a.Pages.SequenceEqual(b.Pages, ReferenceEqualityComparer.Instance);
}
