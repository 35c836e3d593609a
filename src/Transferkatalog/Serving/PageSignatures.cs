using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Serving;

/// <summary>A fingerprint per page of everything its view is built from, so the preview re-renders exactly the pages whose inputs changed.</summary>
/// <remarks>
/// Settings, registries, plain pages, base URL, reference date and theme are not part of a signature: when any of them
/// changes the preview starts afresh. What remains are the profiles: a page's signature covers the whole entry of its own
/// profile and the card of every profile it lists, plus the counts it shows. Cards and entries are hashed from their
/// serialized form, so a field added to a card later is covered without touching this class. A page without a signature
/// is always re-rendered.
/// </remarks>
internal sealed class PageSignatures
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true, WriteIndented = false };

    // Keyed by entry object: the site model cache gives an unchanged profile the same entry from build to build.
    private readonly ConditionalWeakTable<ProfileEntry, Box> cards = new();
    private readonly ConditionalWeakTable<ProfileEntry, Box> entries = new();

    // The site model cache keeps unchanged Kommune and Handlungsfeld entries, and the related index unchanged lists, as the same objects.
    private readonly ConditionalWeakTable<KommuneEntry, Box> kommunePages = new();
    private readonly ConditionalWeakTable<HandlungsfeldEntry, Box> feldPages = new();
    private readonly ConditionalWeakTable<IReadOnlyList<ProfileEntry>, ProfilePage> profilePages = new();

    /// <summary>Signatures of the pages whose inputs this class knows, by output path.</summary>
    public Dictionary<string, UInt128> Compute(Site site, IReadOnlyList<IReadOnlyList<ProfileEntry>> related)
    {
        var result = new Dictionary<string, UInt128>(site.Profiles.Count + site.Kommunen.Count + 64, StringComparer.Ordinal);
        var profileSigs = new UInt128[site.Profiles.Count];
        Parallel.For(0, site.Profiles.Count, Pipeline.Parallelism.Options, i =>
        {
            var entry = site.Profiles[i];
            if (profilePages.TryGetValue(related[i], out var known) && ReferenceEquals(known.Entry, entry))
            {
                profileSigs[i] = known.Signature;
                return;
            }

            var h = new Hasher("projekt");
            h.Add(EntryHash(site, entry));
            foreach (var r in related[i])
            {
                h.Add(CardHash(site, r));
            }

            profileSigs[i] = h.Finish();
            profilePages.AddOrUpdate(related[i], new ProfilePage(entry, profileSigs[i]));
        });
        for (var i = 0; i < site.Profiles.Count; i++)
        {
            result[SiteRenderer.ProfilePath(site.Profiles[i].Profile.Slug)] = profileSigs[i];
        }

        // Every catalogue page shows the Handlungsfeld and Kreis links with their counts; the first also the filters.
        var counts = new Hasher("zahlen");
        foreach (var f in site.Handlungsfelder)
        {
            counts.Add(f.Profiles.Count);
        }

        foreach (var k in site.Kommunen)
        {
            counts.Add(k.TotalCount);
        }

        var countsHash = counts.Finish();
        var pageCount = SiteRenderer.CatalogPageCount(site.Profiles.Count);
        for (var n = 1; n <= pageCount; n++)
        {
            var h = new Hasher("katalog");
            h.Add(n);
            h.Add(pageCount);
            h.Add(site.Profiles.Count);
            h.Add(countsHash);
            if (n == 1)
            {
                h.Add(JsonHash(SiteRenderer.CatalogFilters(site, site.Kommunen.Where(k => k.Kommune.IsKreis).ToList())));
            }

            var first = (n - 1) * SiteRenderer.CatalogPageSize;
            for (var i = first; i < Math.Min(site.Profiles.Count, first + SiteRenderer.CatalogPageSize); i++)
            {
                h.Add(CardHash(site, site.Profiles[i]));
            }

            result[SiteRenderer.CatalogPagePath(n)] = h.Finish();
        }

        result[SiteRenderer.FelderIndexPath] = JsonHash(SiteRenderer.BuildFelderIndex(site));
        foreach (var f in site.Handlungsfelder)
        {
            result[SiteRenderer.FeldPath(f.Feld.Key)] = feldPages.GetValue(f, entry =>
            {
                var h = new Hasher("handlungsfeld");
                h.Add(entry.Profiles.Count);
                AddCards(ref h, site, entry.Profiles);
                return new Box(h.Finish());
            }).Value;
        }

        result[SiteRenderer.KommunenIndexPath] = JsonHash(SiteRenderer.BuildKommunenIndex(site));
        var kommuneSigs = new UInt128[site.Kommunen.Count];
        Parallel.For(0, site.Kommunen.Count, Pipeline.Parallelism.Options, i =>
        {
            kommuneSigs[i] = kommunePages.GetValue(site.Kommunen[i], k =>
            {
                var h = new Hasher("kommune");
                h.Add(k.TotalCount);
                AddCards(ref h, site, k.OwnProfiles);
                AddCards(ref h, site, k.MemberProfiles);
                AddCards(ref h, site, k.AdoptedProfiles);
                return new Box(h.Finish());
            }).Value;
        });
        for (var i = 0; i < site.Kommunen.Count; i++)
        {
            result[SiteRenderer.KommunePath(site.Kommunen[i].Kommune.Key)] = kommuneSigs[i];
        }

        // Plain pages and the 404 page read nothing but settings and pages, which restart the preview when they change.
        foreach (var page in site.Pages)
        {
            result[$"seiten/{page.Page.Slug}/index.html"] = default;
        }

        result["404.html"] = default;
        return result;
    }

    private void AddCards(ref Hasher h, Site site, IReadOnlyList<ProfileEntry> list)
    {
        h.Add(list.Count);
        foreach (var p in list)
        {
            h.Add(CardHash(site, p));
        }
    }

    private UInt128 CardHash(Site site, ProfileEntry entry) =>
        cards.GetValue(entry, e => new Box(JsonHash(SiteRenderer.Card(site, e)))).Value;

    private UInt128 EntryHash(Site site, ProfileEntry entry) =>
        entries.GetValue(entry, e => new Box(JsonHash(e))).Value;

    private static UInt128 JsonHash<T>(T value) => Hasher.Of(JsonSerializer.SerializeToUtf8Bytes(value, Json));

    private sealed record Box(UInt128 Value);

    private sealed record ProfilePage(ProfileEntry Entry, UInt128 Signature);

    /// <summary>Folds values into 128 bits by multiply-xor; the inputs are SHA-256-derived hashes and small counts, and only accidental collisions matter.</summary>
    private struct Hasher
    {
        private static readonly UInt128 Prime = new(0x0000000001000000, 0x000000000000013B);
        private UInt128 state;

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, UInt128> Seeds = new(StringComparer.Ordinal);

        public Hasher(string kind) => state = Seeds.GetOrAdd(kind, k => Of(Encoding.UTF8.GetBytes(k)));

        public void Add(int value) => Add((UInt128)(uint)value);

        public void Add(UInt128 value) => state = (state ^ value) * Prime;

        public readonly UInt128 Finish() => state;

        public static UInt128 Of(byte[] data) => BitConverter.ToUInt128(SHA256.HashData(data));
    }
}
