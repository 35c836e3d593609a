using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Rendering;

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
    // Keyed by entry object: the site model cache gives an unchanged profile the same entry from build to build.
    private readonly ConditionalWeakTable<ProfileEntry, Box> cards = new();
    private readonly ConditionalWeakTable<ProfileEntry, Box> entries = new();

    // The site model cache keeps unchanged Kommune and Handlungsfeld entries, and the related index unchanged lists, as the same objects.
    private readonly ConditionalWeakTable<KommuneEntry, Box> kommunePages = new();
    private readonly ConditionalWeakTable<HandlungsfeldEntry, Box> feldPages = new();
    private readonly ConditionalWeakTable<IReadOnlyList<ProfileEntry>, Known> profilePages = new();

    /// <summary>Returns the signature of a page of this site, or null for a page that is always rendered.</summary>
    public Func<PageJob, UInt128?> For(Site site)
    {
        // Every catalogue page shows the Handlungsfeld and Kreis links with their counts; the first also the filters.
        var counts = new Hasher("zahlen");
        counts.Add(site.Profiles.Count);
        foreach (var f in site.Handlungsfelder)
        {
            counts.Add(f.Profiles.Count);
        }

        foreach (var k in site.Kommunen)
        {
            counts.Add(k.TotalCount);
        }

        var scope = new Scope(this, site, counts.Finish());
        return job => job.Page.Signature(scope);
    }

    /// <summary>The signatures of one site's pages; each page kind asks for the one that covers what it shows.</summary>
    internal sealed class Scope
    {
        private readonly PageSignatures owner;
        private readonly Site site;
        private readonly int pageCount;
        private readonly Lazy<UInt128> filters;
        private readonly Lazy<UInt128> partnersuche;

        public Scope(PageSignatures owner, Site site, UInt128 counts)
        {
            this.owner = owner;
            this.site = site;
            Counts = counts;
            pageCount = SiteRenderer.CatalogPageCount(site.Profiles.Count);
            filters = new(() => FilterCounts(site, counts));
            partnersuche = new(() => owner.PartnersucheSignature(site));
        }

        /// <summary>The counts every catalogue page and both index pages show (their registry entries are fixed while the preview runs).</summary>
        public UInt128 Counts { get; }

        /// <summary>For pages that read nothing but settings and plain pages, which make the preview start afresh when they change.</summary>
        public UInt128 Fixed => UInt128.Zero;

        public UInt128 Profile(ProfilePage page) => owner.ProfileSignature(site, page);

        public UInt128 Catalog(int number) => owner.CatalogSignature(site, number, pageCount, Counts, number == 1 ? filters.Value : UInt128.Zero);

        public UInt128 Feld(HandlungsfeldEntry f) => owner.feldPages.GetValue(f, entry =>
        {
            var h = new Hasher("handlungsfeld");
            owner.AddCards(ref h, site, entry.Profiles);
            return new Box(h.Finish());
        }).Value;

        public UInt128 Kommune(KommuneEntry k) => owner.kommunePages.GetValue(k, entry =>
        {
            var h = new Hasher("kommune");
            h.Add(entry.TotalCount);
            owner.AddCards(ref h, site, entry.OwnProfiles);
            owner.AddCards(ref h, site, entry.MemberProfiles);
            owner.AddCards(ref h, site, entry.AdoptedProfiles);
            return new Box(h.Finish());
        }).Value;

        /// <summary>The same for the page of all searches and those of one kind: a superset of what each shows, which is enough.</summary>
        public UInt128 Partnersuche() => partnersuche.Value;
    }

    private UInt128 ProfileSignature(Site site, ProfilePage page)
    {
        // The related index hands out the same list object while a profile's related projects stay the same.
        // Deliberate relations (verwandt) can be written in the other file, so a page that shows any is always hashed afresh.
        if (page.Verwandt.Count == 0 && profilePages.TryGetValue(page.Related, out var known) && ReferenceEquals(known.Entry, page.Entry))
        {
            return known.Signature;
        }

        var h = new Hasher("projekt");
        h.Add(EntryHash(page.Entry));
        foreach (var r in page.Related)
        {
            h.Add(CardHash(site, r));
        }

        h.Add(page.Verwandt.Count);
        foreach (var r in page.Verwandt)
        {
            h.Add(CardHash(site, r));
        }

        var signature = h.Finish();
        if (page.Verwandt.Count == 0)
        {
            profilePages.AddOrUpdate(page.Related, new Known(page.Entry, signature));
        }

        return signature;
    }

    private UInt128 PartnersucheSignature(Site site)
    {
        var h = new Hasher("partnersuche");
        foreach (var p in site.Profiles)
        {
            if (p.Profile.Sucht is { } s && s.IsOpen(site.ReferenceDate))
            {
                h.Add(CardHash(site, p));
            }
        }

        return h.Finish();
    }

    private UInt128 CatalogSignature(Site site, int number, int pageCount, UInt128 countsHash, UInt128 filtersHash)
    {
        var h = new Hasher("katalog");
        h.Add(number);
        h.Add(pageCount);
        h.Add(countsHash);
        if (number == 1)
        {
            h.Add(filtersHash);
        }

        var first = (number - 1) * SiteRenderer.CatalogPageSize;
        for (var i = first; i < Math.Min(site.Profiles.Count, first + SiteRenderer.CatalogPageSize); i++)
        {
            h.Add(CardHash(site, site.Profiles[i]));
        }

        return h.Finish();
    }

    /// <summary>The counts the catalogue's filters show (see SiteRenderer.CatalogFilters), beyond those every catalogue page shows.</summary>
    private static UInt128 FilterCounts(Site site, UInt128 countsHash)
    {
        // Profiles per Kreis equal the Kreis pages' totals, which countsHash holds; statuses and adopters remain.
        var status = new int[Schema.ContentSchema.StatusValues.Count + 1];
        var adopted = 0;
        var sucht = new int[Schema.ContentSchema.SearchTargets.Count];
        foreach (var p in site.Profiles)
        {
            foreach (var wen in CatalogFilters.OpenSucht(site, p))
            {
                sucht[IndexOf(Schema.ContentSchema.SearchTargets, wen)]++;
            }

            var at = IndexOf(Schema.ContentSchema.StatusValues, p.Profile.Status);
            status[at < 0 ? status.Length - 1 : at]++;
            adopted += p.Nachnutzer.Count > 0 ? 1 : 0;
        }

        var h = new Hasher("filter");
        h.Add(countsHash);
        h.Add(adopted);
        foreach (var count in sucht)
        {
            h.Add(count);
        }

        foreach (var count in status)
        {
            h.Add(count);
        }

        foreach (var k in site.Kommunen)
        {
            h.Add(k.OwnProfiles.Count);
        }

        return h.Finish();
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
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
        cards.GetValue(entry, e => new Box(Hasher.Of(JsonSerializer.SerializeToUtf8Bytes(SiteRenderer.Card(site, e), SignatureJson.Default.CardView)))).Value;

    private UInt128 EntryHash(ProfileEntry entry) =>
        entries.GetValue(entry, e => new Box(Hasher.Of(JsonSerializer.SerializeToUtf8Bytes(e, SignatureJson.Default.ProfileEntry)))).Value;

    private sealed record Box(UInt128 Value);

    private sealed record Known(ProfileEntry Entry, UInt128 Signature);

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

/// <summary>Serializers generated at compile time for the two hashed views (the native build has no reflection-based serializer); fields too, for the tuples of <see cref="ProfileEntry.Nachnutzer"/>.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(IncludeFields = true, WriteIndented = false)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ProfileEntry))]
[System.Text.Json.Serialization.JsonSerializable(typeof(CardView))]
internal sealed partial class SignatureJson : System.Text.Json.Serialization.JsonSerializerContext;
