using System.Collections.Concurrent;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Rendering;

/// <summary>
/// The card views of one render, made once per profile and heading level. A card is shown on up to a dozen pages (its
/// catalogue page, Handlungsfelder, Kommunen, Kreise, similar projects); one shared instance lets the theme engine render
/// it once (<see cref="ISharedView"/>) and spares building the same lists and addresses again for every page.
/// </summary>
internal sealed class CardViews(Site site)
{
    private readonly ConcurrentDictionary<ProfileEntry, CardView> h2 = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<ProfileEntry, CardView> h3 = new(ReferenceEqualityComparer.Instance);

    /// <summary>The card of <paramref name="profile"/> with its title as a heading of <paramref name="headingLevel"/> ("h2" or "h3").</summary>
    public CardView Of(ProfileEntry profile, string headingLevel) => headingLevel switch
    {
        "h2" => h2.GetOrAdd(profile, static (p, s) => SiteRenderer.Card(s, p, "h2"), site),
        "h3" => h3.GetOrAdd(profile, static (p, s) => SiteRenderer.Card(s, p, "h3"), site),
        _ => SiteRenderer.Card(site, profile, headingLevel),
    };
}
