using Transferkatalog.Language;
using Transferkatalog.Schema;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Rendering;

/// <summary>One kind of page of the site: it owns its route, template, view, signature and the Markdown it shows.</summary>
/// <remarks>
/// Adding a page kind means adding a subclass here and planning it in <see cref="SiteRenderer.PlanPages"/>; the compiler
/// asks for every member below, and PageKindTests fail for a kind the sample catalogue's plan does not contain.
/// </remarks>
public abstract record SitePage
{
    /// <summary>Where the page lives, relative to the base path (see <see cref="Routes"/>).</summary>
    public abstract string Location { get; }

    /// <summary>The file in the output folder.</summary>
    public string Path => Routes.OutputPath(Location);

    /// <summary>The theme template that renders the page's content.</summary>
    public abstract string Template { get; }

    /// <summary>The Markdown an editor wrote that the page shows, so link errors are reported there; null when it shows none.</summary>
    public virtual PageBody? Body => null;

    /// <summary>Builds the view and what the layout shows around it; rendering is the caller's.</summary>
    internal abstract PagePlan Plan(PageContext context);

    /// <summary>A fingerprint of everything the page is built from besides settings, registries and theme; null: always render again.</summary>
    internal abstract UInt128? Signature(PageSignatures.Scope signatures);
}

/// <summary>The Markdown behind a page: the file as diagnostics name it, the parsed body (links with their places in the file) and, for profiles, the front-matter links.</summary>
public sealed record PageBody(string File, SafeMarkdown.MarkdownBody Markdown, IReadOnlyList<Content.Link> Links);

/// <summary>What a page needs to render itself: the site, the Markdown renderer, the layout of the theme and the cards shared by all pages.</summary>
internal sealed record PageContext(Site Site, MarkdownRenderer Markdown, SiteRenderer Renderer, int CatalogPages, SharedViews Cards);

/// <summary>Page <see cref="Number"/> of the catalogue of cards; the first is the home page with filters and search.</summary>
public sealed record CatalogPage(int Number) : SitePage
{
    public override string Location => Routes.Catalog(Number);

    public override string Template => "katalog";

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, c.Site.Urls.Local(Location), Number == 1 ? c.Site.Config.Titel : $"Katalog, Seite {Number} von {c.CatalogPages}",
        c.Site.Config.Beschreibung, SiteRenderer.BuildCatalog(c.Site, c.Cards, Number, c.CatalogPages), withScript: Number == 1);

    internal override UInt128? Signature(PageSignatures.Scope s) => s.Catalog(Number);
}

/// <summary>A profile's page: the profile and the related projects it shows.</summary>
public sealed record ProfilePage(ProfileEntry Entry, IReadOnlyList<ProfileEntry> Related) : SitePage
{
    /// <summary>Profiles deliberately related to this one (verwandt in either file), in catalogue order.</summary>
    public IReadOnlyList<ProfileEntry> Verwandt { get; init; } = [];

    public override string Location => Routes.Profile(Entry.Profile.Slug);

    public override string Template => "projekt";

    public override PageBody? Body => new(Entry.Profile.SourcePath, Entry.Profile.ParsedBody, Entry.Profile.Links);

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, Entry.Url, Entry.Profile.Titel, Entry.Profile.Kurzbeschreibung, SiteRenderer.BuildProfilePage(c.Site, c.Cards, this, c.Markdown), jsonLd: Exports.JsonLd.ForProfile(c.Site, Entry));

    internal override UInt128? Signature(PageSignatures.Scope s) => s.Profile(this);
}

/// <summary>The list of all Handlungsfelder with their counts.</summary>
public sealed record FelderIndexPage : SitePage
{
    public override string Location => Routes.HandlungsfelderIndex;

    public override string Template => "handlungsfelder";

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, c.Site.Urls.Local(Location), "Handlungsfelder", "Alle Handlungsfelder des Katalogs mit der Zahl ihrer Projekte", SiteRenderer.BuildFelderIndex(c.Site));

    // Registry entries (fixed while the preview runs) and the counts.
    internal override UInt128? Signature(PageSignatures.Scope s) => s.Counts;
}

/// <summary>Page <see cref="Number"/> of a Handlungsfeld's cards, in pages as large as the catalogue's; the first is the Handlungsfeld's page.</summary>
public sealed record FeldPage(HandlungsfeldEntry Entry, int Number = 1) : SitePage
{
    public override string Location => Routes.Handlungsfeld(Entry.Feld.Key, Number);

    public override string Template => "handlungsfeld";

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, c.Site.Urls.Local(Location),
        Number == 1 ? $"Handlungsfeld {Entry.Feld.Name}" : $"Handlungsfeld {Entry.Feld.Name}, Seite {Number} von {SiteRenderer.CatalogPageCount(Entry.Profiles.Count)}",
        Entry.Feld.Beschreibung, SiteRenderer.BuildFeld(c.Site, c.Cards, Entry, Number));

    internal override UInt128? Signature(PageSignatures.Scope s) => s.Feld(Entry);
}

/// <summary>The list of all Kreise, Städte and Gemeinden with their counts.</summary>
public sealed record KommunenIndexPage : SitePage
{
    public override string Location => Routes.KommunenIndex;

    public override string Template => "kommunen";

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, c.Site.Urls.Local(Location), "Kommunen", "Alle Kreise, Städte und Gemeinden des Katalogs mit der Zahl ihrer Projekte", SiteRenderer.BuildKommunenIndex(c.Site));

    internal override UInt128? Signature(PageSignatures.Scope s) => s.Counts;
}

/// <summary>One Kommune with the cards of its own, its members' and its adopted profiles.</summary>
public sealed record KommunePage(KommuneEntry Entry) : SitePage
{
    public override string Location => Routes.Kommune(Entry.Kommune.Key);

    public override string Template => "kommune";

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, Entry.Url, Entry.Kommune.Name, $"Kooperationsprojekte mit Beteiligung {GermanFormat.Genitiv(Entry.Kommune.Name, Entry.Kommune.Typ)}", SiteRenderer.BuildKommune(c.Site, c.Cards, Entry));

    internal override UInt128? Signature(PageSignatures.Scope s) => s.Kommune(Entry);
}

/// <summary>A plain page from content/seiten/.</summary>
public sealed record PlainPage(PageEntry Entry) : SitePage
{
    public override string Location => Routes.Page(Entry.Page.Slug);

    public override string Template => "seite";

    public override PageBody? Body => new(Entry.Page.SourcePath, Entry.Page.ParsedBody, []);

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, Entry.Url, Entry.Page.Titel, Entry.Page.Beschreibung ?? Entry.Page.Titel, new PlainPageView(Entry.Page.Titel, c.Markdown.Render(Entry.Page.ParsedBody)));

    // Reads nothing but settings and pages, which make the preview start afresh when they change.
    internal override UInt128? Signature(PageSignatures.Scope s) => s.Fixed;
}

/// <summary>The partner search: all running searches (<see cref="Wen"/> null), or one kind as a filter that needs no JavaScript.</summary>
public sealed record PartnersuchePage(string? Wen) : SitePage
{
    public override string Location => Routes.Partnersuche(Wen);

    public override string Template => "partnersuche";

    internal override PagePlan Plan(PageContext c)
    {
        var url = c.Site.Urls.Local(Location);
        var title = Wen is null ? "Partnersuche" : $"Partnersuche: sucht {GermanFormat.SuchtLabel(Wen)}";
        return c.Renderer.Page(c.Site, Template, url, title, "Projekte, die Partner für die Zusammenarbeit oder Kommunen zur Nachnutzung suchen", SiteRenderer.BuildPartnersuche(c.Site, c.Cards, Wen));
    }

    internal override UInt128? Signature(PageSignatures.Scope s) => s.Partnersuche();

    /// <summary>The page of all searches and one per kind of <see cref="ContentSchema.SearchTargets"/>.</summary>
    internal static IEnumerable<PartnersuchePage> All() => new string?[] { null }.Concat(ContentSchema.SearchTargets).Select(w => new PartnersuchePage(w));
}

/// <summary>The page served for an address that does not exist.</summary>
public sealed record NotFoundPage : SitePage
{
    public override string Location => Routes.NotFound;

    public override string Template => "404";

    internal override PagePlan Plan(PageContext c) => c.Renderer.Page(
        c.Site, Template, c.Site.Urls.Local(Location), "Seite nicht gefunden", "Die angeforderte Seite gibt es nicht.", new NotFoundView("Seite nicht gefunden", c.Site.Urls.Home));

    internal override UInt128? Signature(PageSignatures.Scope s) => s.Fixed;
}
