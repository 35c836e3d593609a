using Transferkatalog.Content;

namespace Transferkatalog.SiteModel;

/// <summary>A profile with everything resolved that its pages and cards need.</summary>
public sealed record ProfileEntry
{
    public required Profile Profile { get; init; }

    public required string Url { get; init; }

    public required IReadOnlyList<Handlungsfeld> Handlungsfelder { get; init; }

    public required IReadOnlyList<Kommune> Kommunen { get; init; }

    public required IReadOnlyList<Kommune> Kreise { get; init; }

    public required Kommune? Federfuehrung { get; init; }

    public required IReadOnlyList<(Nachnutzung Entry, Kommune Kommune)> Nachnutzer { get; init; }
}

/// <summary>A Handlungsfeld with the profiles filed under it.</summary>
public sealed record HandlungsfeldEntry(Handlungsfeld Feld, string Url, IReadOnlyList<ProfileEntry> Profiles);

/// <summary>A Kommune with its own profiles and, for a Kreis, those of its member municipalities.</summary>
public sealed record KommuneEntry
{
    public required Kommune Kommune { get; init; }

    public required string Url { get; init; }

    public required Kommune? Kreis { get; init; }

    public required IReadOnlyList<Kommune> Members { get; init; }

    public required IReadOnlyList<ProfileEntry> OwnProfiles { get; init; }

    public required IReadOnlyList<ProfileEntry> MemberProfiles { get; init; }

    public required IReadOnlyList<ProfileEntry> AdoptedProfiles { get; init; }

    /// <summary>All profiles the page lists: own first, then members' not already listed.</summary>
    public int TotalCount => OwnProfiles.Count + MemberProfiles.Count;
}

/// <summary>A plain page with its URL.</summary>
public sealed record PageEntry(Page Page, string Url);

/// <summary>Pipeline stage 3's result: the whole site as URLs, taxonomies and ordered lists, ready to render.</summary>
public sealed record Site
{
    public required SiteConfig Config { get; init; }

    public required UrlScheme Urls { get; init; }

    public required IReadOnlyList<ProfileEntry> Profiles { get; init; }

    public required IReadOnlyList<HandlungsfeldEntry> Handlungsfelder { get; init; }

    public required IReadOnlyList<KommuneEntry> Kommunen { get; init; }

    public required IReadOnlyList<PageEntry> Pages { get; init; }

    public required DateOnly ReferenceDate { get; init; }
}
