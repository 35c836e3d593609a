using Transferkatalog.Content;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>Related projects of a nationwide catalogue: common terms rank candidates but do not find them, so the work per profile does not grow with the catalogue.</summary>
public sealed class RelatedScaleTests
{
    private static readonly Kommune Kreis = new()
    {
        Key = "kreis-a",
        Name = "Kreis A",
        Typ = "kreis",
        Regierungsbezirk = "X",
        Land = "Y",
    };

    private static readonly Handlungsfeld Feld = new("f1", "F1", "-");

    [Fact]
    public void Work_per_profile_stays_flat_when_the_catalogue_grows_fourfold()
    {
        var small = VisitsPerProfile(2000);
        var large = VisitsPerProfile(8000);

        // Every profile visiting every other with a shared Handlungsfeld or topic made this ratio about 4.
        Assert.True(large < 1.5 * small, $"{small:0} visits per profile at 2,000 profiles, {large:0} at 8,000");
    }

    [Fact]
    public void A_rare_keyword_finds_the_candidate_and_common_terms_add_to_its_score()
    {
        var related = RelatedProjects.Compute(Profiles(), RelatedProjects.DefaultCount, commonAbove: 3, out _);

        // p05 shares the rare keyword (3) and the common field, Kommune and Kreis (4); the rest of the list is filled
        // with the next profiles in catalogue order sharing the common field.
        Assert.Equal(["p05", "p01", "p02"], Slugs(related[0]));
    }

    [Fact]
    public void A_profile_with_only_common_terms_gets_its_neighbours_in_catalogue_order_not_the_first_profiles_of_all()
    {
        var related = RelatedProjects.Compute(Profiles(), RelatedProjects.DefaultCount, commonAbove: 3, out _);

        Assert.Equal(["p21", "p22", "p23"], Slugs(related[20]));
    }

    [Fact]
    public void Below_the_threshold_every_profile_is_scored_and_ties_go_to_catalogue_order()
    {
        var related = RelatedProjects.Compute(Profiles());

        Assert.Equal(["p05", "p01", "p02"], Slugs(related[0]));
        Assert.Equal(["p00", "p01", "p02"], Slugs(related[20]));
    }

    private static double VisitsPerProfile(int profiles)
    {
        var site = new SiteModelBuilder().Build(SyntheticCatalog.Create(profiles), null, new DateOnly(2026, 11, 21));
        RelatedProjects.Compute(site.Profiles, RelatedProjects.DefaultCount, RelatedProjects.CommonTermThreshold, out var visits);
        return visits / (double)profiles;
    }

    private static List<string> Slugs(IReadOnlyList<ProfileEntry> list) => list.Select(e => e.Profile.Slug).ToList();

    /// <summary>40 profiles sharing Handlungsfeld, Kommune and Kreis; p00 and p05 also share a keyword.</summary>
    private static List<ProfileEntry> Profiles() =>
        Enumerable.Range(0, 40).Select(i => Entry($"p{i:00}", i is 0 or 5 ? ["Sensor"] : [])).ToList();

    private static ProfileEntry Entry(string slug, string[] stichworte) => ReuseTests.Entry(slug, [Feld.Key], stichworte, Kreis, [Feld]);
}
