using System.Collections.Concurrent;
using Transferkatalog.Content;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Rendering;

/// <summary>
/// Views that many pages of one render show, each made once: the cards, once per profile and heading level, and the
/// catalogue's lists of Handlungsfelder and Kreise. A card is shown on up to a dozen pages (its catalogue page,
/// Handlungsfelder, Kommunen, Kreise, similar projects); one shared instance lets the theme engine render it once
/// (<see cref="ISharedView"/>) and spares building the same lists and addresses again for every page.
/// </summary>
internal sealed class SharedViews
{
    private readonly ConcurrentDictionary<ProfileEntry, CardView> h2 = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<ProfileEntry, CardView> h3 = new(ReferenceEqualityComparer.Instance);

    // The cards live until the last page is written; one link per Kommune and Handlungsfeld instead of one per card keeps them small.
    private readonly ConcurrentDictionary<string, TermLink> felder = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TermLink> kommunen = new(StringComparer.Ordinal);
    private readonly Site site;
    private readonly Func<Handlungsfeld, TermLink> feldLink;
    private readonly Func<Kommune, TermLink> kommuneLink;
    private readonly Lazy<CatalogLinks> catalogLinks;

    public SharedViews(Site site)
    {
        this.site = site;
        feldLink = f => felder.GetOrAdd(f.Key, static (key, a) => new TermLink(key, a.Name, a.Urls.Handlungsfeld(key)), (f.Name, site.Urls));
        kommuneLink = k => kommunen.GetOrAdd(k.Key, static (key, a) => new TermLink(key, a.Name, a.Urls.Kommune(key)), (k.Name, site.Urls));
        catalogLinks = new(() => SiteRenderer.CatalogLinks(site));
    }

    /// <summary>The Kreise, and the links to every Handlungsfeld and to every Kreis and kreisfreie Stadt with their counts, as each catalogue page has them.</summary>
    public CatalogLinks Catalog => catalogLinks.Value;

    /// <summary>The card of <paramref name="profile"/> with its title as a heading of <paramref name="headingLevel"/> ("h2" or "h3").</summary>
    public CardView Of(ProfileEntry profile, string headingLevel) => headingLevel switch
    {
        "h2" => h2.GetOrAdd(profile, static (p, c) => c.Make(p, "h2"), this),
        "h3" => h3.GetOrAdd(profile, static (p, c) => c.Make(p, "h3"), this),
        _ => Make(profile, headingLevel),
    };

    private CardView Make(ProfileEntry profile, string headingLevel) => SiteRenderer.Card(site, profile, headingLevel, feldLink, kommuneLink);
}

/// <summary>What every catalogue page lists besides its cards; the same on each of them.</summary>
internal sealed record CatalogLinks(IReadOnlyList<KommuneEntry> Kreise, IReadOnlyList<TermLink> HandlungsfeldLinks, IReadOnlyList<TermLink> KreisLinks);
