using Transferkatalog.Content;

namespace Transferkatalog.SiteModel;

/// <summary>A profile with everything resolved that its pages and cards need.</summary>
public sealed record ProfileEntry(
    Profile Profile,
    string Url,
    IReadOnlyList<Handlungsfeld> Handlungsfelder,
    IReadOnlyList<Kommune> Kommunen,
    IReadOnlyList<Kommune> Kreise,
    Kommune? Federfuehrung,
    IReadOnlyList<(Nachnutzung Entry, Kommune Kommune)> Nachnutzer);

/// <summary>A Handlungsfeld with the profiles filed under it.</summary>
public sealed record HandlungsfeldEntry(Handlungsfeld Feld, string Url, IReadOnlyList<ProfileEntry> Profiles);

/// <summary>A Kommune with its own profiles and, for a Kreis, those of its member municipalities.</summary>
public sealed record KommuneEntry(
    Kommune Kommune,
    string Url,
    Kommune? Kreis,
    IReadOnlyList<Kommune> Members,
    IReadOnlyList<ProfileEntry> OwnProfiles,
    IReadOnlyList<ProfileEntry> MemberProfiles,
    IReadOnlyList<ProfileEntry> AdoptedProfiles)
{
    /// <summary>All profiles the page lists: own first, then members' not already listed.</summary>
    public int TotalCount => OwnProfiles.Count + MemberProfiles.Count;
}

/// <summary>A plain page with its URL.</summary>
public sealed record PageEntry(Page Page, string Url);

/// <summary>Pipeline stage 3's result: the whole site as URLs, taxonomies and ordered lists, ready to render.</summary>
public sealed record Site(
    SiteConfig Config,
    UrlScheme Urls,
    IReadOnlyList<ProfileEntry> Profiles,
    IReadOnlyList<HandlungsfeldEntry> Handlungsfelder,
    IReadOnlyList<KommuneEntry> Kommunen,
    IReadOnlyList<PageEntry> Pages,
    DateOnly ReferenceDate);
