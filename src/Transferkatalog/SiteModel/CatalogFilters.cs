using Transferkatalog.Language;
using Transferkatalog.Schema;

namespace Transferkatalog.SiteModel;

/// <summary>The catalogue's filters as a taxonomy of the site: groups, their options with counts, and each profile's values.</summary>
public static class CatalogFilters
{
    /// <summary>Folder of all search and catalogue data under the site root.</summary>
    public const string DataFolder = "suche";

    /// <summary>Filter groups of the catalogue page, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> FilterGroups = ["handlungsfeld", "kreis", "kommune", "status", "nachnutzung", "sucht"];

    /// <summary>The single value of the "nur nachgenutzte Lösungen" filter.</summary>
    public const string AdoptedValue = "ja";

    /// <summary>Whom a profile's partner search looks for (partner, nachnutzer, in schema order) while it runs; empty otherwise.</summary>
    public static IReadOnlyList<string> OpenSucht(Site site, ProfileEntry p) =>
        p.Profile.Sucht is { } s && s.IsOpen(site.ReferenceDate)
            ? ContentSchema.SearchTargets.Where(s.Wen.Contains).ToList()
            : [];

    /// <summary>Filter values of one profile, by group; the same values the cards carry as data attributes.</summary>
    public static IReadOnlyList<string> FilterValues(Site site, ProfileEntry p, string group) => group switch
    {
        "handlungsfeld" => p.Profile.Handlungsfelder,
        "kreis" => p.Kreise.Select(k => k.Key).ToList(),
        "kommune" => p.Profile.Kommunen,
        "status" => [p.Profile.Status],
        "nachnutzung" => p.Nachnutzer.Count > 0 ? [AdoptedValue] : [],
        "sucht" => OpenSucht(site, p),
        _ => [],
    };

    /// <summary>Output path of the option list of a filter group the page does not carry itself.</summary>
    public static string OptionsPath(string group) => $"{DataFolder}/optionen/{group}.json";

    /// <summary>The filter groups of the catalogue's first page; Kreis and Kommune list their options in a separate file.</summary>
    public static List<FilterGroup> Groups(Site site, IReadOnlyList<KommuneEntry> kreise)
    {
        var adoptedCount = site.Profiles.Count(p => p.Nachnutzer.Count > 0);
        var felder = site.Handlungsfelder
            .Select(f => new FilterOption($"f-handlungsfeld-{f.Feld.Key}", f.Feld.Key, f.Feld.Name, f.Profiles.Count))
            .ToList();
        var profilesPerKreis = site.Profiles
            .SelectMany(p => p.Kreise.Select(k => k.Key))
            .GroupBy(k => k, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var kreisOptions = kreise
            .Select(k => new FilterOption($"f-kreis-{k.Kommune.Key}", k.Kommune.Key, k.Kommune.Name, profilesPerKreis.GetValueOrDefault(k.Kommune.Key)))
            .ToList();
        // Kreise are offered once, in their own group (which also finds their towns' projects), never again as a Kommune.
        var kommuneOptions = site.Kommunen
            .Where(k => !k.Kommune.IsKreis)
            .Select(k => new FilterOption($"f-kommune-{k.Kommune.Key}", k.Kommune.Key, k.Kommune.Name, k.OwnProfiles.Count))
            .ToList();
        var statusCounts = site.Profiles.GroupBy(p => p.Profile.Status, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var statusOptions = ContentSchema.StatusValues
            .Select(s => new FilterOption($"f-status-{s}", s, GermanFormat.Status(s), statusCounts.GetValueOrDefault(s)))
            .ToList();
        var suchtOptions = ContentSchema.SearchTargets
            .Select(t => new FilterOption($"f-sucht-{t}", t, $"sucht {GermanFormat.SuchtLabel(t)}", site.Profiles.Count(p => OpenSucht(site, p).Contains(t))))
            .ToList();

        var groups = new List<FilterGroup>
        {
            new("handlungsfeld", "Handlungsfeld", "filter-handlungsfeld", felder, Collapsed: false),
            // Rendered into the page, a few thousand Kommunen made up nine tenths of its bytes (873 KiB at 4,000 Kommunen).
            // One code path for every catalogue size, so the sample catalogue's browser tests exercise it.
            new("kreis", "Kreis", "filter-kreis", kreisOptions, Collapsed: true) { OptionsUrl = site.Urls.Local(OptionsPath("kreis")) },
            new("kommune", "Kommune", "filter-kommune", kommuneOptions, Collapsed: true) { OptionsUrl = site.Urls.Local(OptionsPath("kommune")) },
            new("status", "Status", "filter-status", statusOptions, Collapsed: false),
            new("nachnutzung", "Nachnutzung", "filter-nachnutzung", [new FilterOption("f-nachnutzung-ja", AdoptedValue, "nur nachgenutzte Lösungen", adoptedCount)], Collapsed: false),
            new("sucht", "Partnersuche", "filter-sucht", suchtOptions, Collapsed: false),
        };

        // A choice that can only show nothing is no choice: options without projects are left out, and so is a group
        // left without any.
        return groups
            .Select(g => g with { Options = g.Options.Where(o => o.Count > 0).ToList() })
            .Where(g => g.Options.Count > 0)
            .ToList();
    }
}

/// <summary>One checkbox of a filter group.</summary>
public sealed record FilterOption(string Id, string Value, string Label, int Count);

/// <summary>A group of filter checkboxes: values in one group combine with OR.</summary>
public sealed record FilterGroup(string Name, string Legend, string Id, IReadOnlyList<FilterOption> Options, bool Collapsed)
{
    /// <summary>
    /// Site path of a JSON file with the options, for groups whose list can run into thousands: the page then carries
    /// no checkboxes for them and the script builds them from the file when the group is opened.
    /// </summary>
    public string? OptionsUrl { get; init; }
}
