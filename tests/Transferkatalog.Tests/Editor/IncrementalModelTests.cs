using Transferkatalog.Content;
using Transferkatalog.SiteModel;
using Transferkatalog.Tests.FindReuse;

namespace Transferkatalog.Tests.Editor;

/// <summary>The preview's incremental site model and related-projects index give exactly what a full build gives, edit after edit.</summary>
public sealed class IncrementalModelTests
{
    [Fact]
    public void Random_edits_keep_the_index_equal_to_a_full_computation()
    {
        var catalog = SyntheticCatalog.Create(600);
        var random = new Random(7);
        var cache = new SiteModelCache();
        var index = new RelatedIndex();
        var profiles = catalog.Profiles.ToList();
        var felder = catalog.Handlungsfelder.Select(f => f.Key).ToList();
        var kommunen = catalog.Kommunen.Select(k => k.Key).ToList();
        var keywords = profiles.SelectMany(p => p.Stichworte).Distinct().Take(40).ToList();
        var changedLists = 0;
        IReadOnlyList<string>? before = null;

        for (var round = 0; round < 60; round++)
        {
            var edited = catalog with { Profiles = profiles.OrderBy(p => p.Slug, StringComparer.Ordinal).ToList() };
            var site = new SiteModelBuilder().Build(edited, null, new DateOnly(2026, 11, 21), cache);
            Assert.Equal(Shape(new SiteModelBuilder().Build(edited, null, new DateOnly(2026, 11, 21))), Shape(site));
            var incremental = index.Update(site.Profiles);
            var full = RelatedProjects.Compute(site.Profiles);
            var got = incremental.Select(Slugs).ToList();
            Assert.Equal(full.Select(Slugs), got);

            // The same objects as in the catalogue, not an edited profile's previous version.
            var current = site.Profiles.ToHashSet<ProfileEntry>(ReferenceEqualityComparer.Instance);
            Assert.All(incremental.SelectMany(list => list), e => Assert.Contains(e, current));
            if (before is not null)
            {
                changedLists += got.Zip(before).Count(pair => pair.First != pair.Second);
            }

            before = got;

            // One to three edits per round: keywords, fields, municipalities, title (moves it), removal, text only or a new profile.
            for (var e = 0; e < 1 + random.Next(3); e++)
            {
                var i = random.Next(profiles.Count);
                var p = profiles[i];
                switch (random.Next(7))
                {
                    case 0:
                        profiles[i] = p with { Stichworte = [keywords[random.Next(keywords.Count)], keywords[random.Next(keywords.Count)]] };
                        break;
                    case 1:
                        profiles[i] = p with { Handlungsfelder = [felder[random.Next(felder.Count)]] };
                        break;
                    case 2:
                        profiles[i] = p with { Kommunen = [kommunen[random.Next(kommunen.Count)], kommunen[random.Next(kommunen.Count)]] };
                        break;
                    case 3:
                        profiles[i] = p with { Titel = "Aaa " + p.Titel };
                        break;
                    case 4:
                        profiles.RemoveAt(i);
                        break;
                    case 5:
                        // Same terms and title: the entry changes, its place in every list does not.
                        profiles[i] = p with { Kurzbeschreibung = p.Kurzbeschreibung + " Ergänzt.", ParsedBody = SafeMarkdown.MarkdownBody.Parse("Neu.", p.SourcePath, p.BodyLine) };
                        break;
                    default:
                        profiles.Add(p with { Slug = $"neu-{round}-{e}", Titel = $"Neu {round} {e}" });
                        break;
                }
            }
        }

        // The edits must have moved lists around, or the comparison above proved little.
        Assert.True(changedLists > 60, $"only {changedLists} lists changed");
    }

    /// <summary>Every list of the model as text: catalogue order, Handlungsfeld pages, Kommune pages with their three lists.</summary>
    private static List<string> Shape(Site site) =>
    [
        Slugs(site.Profiles),
        .. site.Handlungsfelder.Select(f => $"{f.Feld.Key}: {Slugs(f.Profiles)}"),
        .. site.Kommunen.Select(k => $"{k.Kommune.Key} {k.TotalCount}: {Slugs(k.OwnProfiles)} | {Slugs(k.MemberProfiles)} | {Slugs(k.AdoptedProfiles)}"),
    ];

    private static string Slugs(IReadOnlyList<ProfileEntry> list) => string.Join(',', list.Select(p => p.Profile.Slug));
}
