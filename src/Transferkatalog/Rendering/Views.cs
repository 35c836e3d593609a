using Transferkatalog.Language;
using Transferkatalog.SiteModel;
namespace Transferkatalog.Rendering;

// View models: plain data shaped for templates, so templates need no logic beyond if/each.

/// <summary>A link in navigation or footer.</summary>
public sealed record NavLink(string Title, string Url, bool Current);

/// <summary>A link to a taxonomy term, optionally with a count.</summary>
public sealed record TermLink(string Key, string Name, string Url, int Count = 0, string? CountText = null, string? Beschreibung = null);

/// <summary>Data every page's frame needs: head, header, navigation, footer.</summary>
public sealed record LayoutView
{
    public required string Lang { get; init; }

    public required string SiteTitle { get; init; }

    public required string PageTitle { get; init; }

    public required string MetaDescription { get; init; }

    public required string CanonicalUrl { get; init; }

    public required string HomeUrl { get; init; }

    public required string StylesheetUrl { get; init; }

    public required string? ScriptUrl { get; init; }

    public required IReadOnlyList<NavLink> Navigation { get; init; }

    public required IReadOnlyList<NavLink> FooterLinks { get; init; }

    public required string? Operator { get; init; }

    public required string PageType { get; init; }

    public required TrustedHtml Content { get; init; }

    /// <summary>Extra markup for the head that a page kind may add; none does today.</summary>
    public string? HeadExtra { get; init; }

    /// <summary>Site path of the Atom feed, announced in the head of every page.</summary>
    public string? FeedUrl { get; init; }

    public string? FeedTitle { get; init; }

    /// <summary>Site path of the theme's assets folder, ending in '/': style sheets, fonts, favicon.</summary>
    public string AssetsUrl { get; init; } = "";

    /// <summary>schema.org JSON-LD, already encoded so it cannot close its script element; printed unescaped.</summary>
    public TrustedHtml? JsonLd { get; init; }

    /// <summary>Title for link previews: the page's own title, without the site name that og:site_name carries.</summary>
    public string? OgTitle { get; init; }

    /// <summary>Open Graph type: "article" for a profile, "website" for every other page.</summary>
    public string OgType { get; init; } = "website";

    /// <summary>Open Graph locale of the interface language.</summary>
    public string OgLocale { get; init; } = "de_DE";

    /// <summary>Licence of the catalogue's data, named in the footer.</summary>
    public string? LicenceName { get; init; }

    public string? LicenceUrl { get; init; }
}

/// <summary>A profile as a card in lists.</summary>
public sealed record CardView : ISharedView
{
    private readonly RenderMemo memo = new();

    RenderMemo ISharedView.Memo => memo;

    public required string Slug { get; init; }

    public required string Titel { get; init; }

    public required string Url { get; init; }

    public required string Kurzbeschreibung { get; init; }

    public required string Status { get; init; }

    public required string StatusLabel { get; init; }

    public required IReadOnlyList<TermLink> Handlungsfelder { get; init; }

    public required IReadOnlyList<TermLink> Kommunen { get; init; }

    public required string DataHandlungsfelder { get; init; }

    public required string DataKommunen { get; init; }

    public required string DataKreise { get; init; }

    public required int NachnutzungCount { get; init; }

    public required string? NachnutzungText { get; init; }

    public required string HeadingLevel { get; init; }

    /// <summary>Position in the catalogue order, for search hits and filter data; only set on catalogue pages.</summary>
    public string? DataNr { get; init; }

    /// <summary>"sucht Partner" and the like while the profile's partner search runs; null otherwise.</summary>
    public string? SuchtText { get; init; }

    /// <summary>Whom the running partner search looks for, space-separated (partner, nachnutzer), for the catalogue's filter; empty otherwise (the card then has no data-sucht).</summary>
    public string DataSucht { get; init; } = "";

    public string HandlungsfeldLabel => GermanFormat.Label(Handlungsfelder.Count, "Handlungsfeld", "Handlungsfelder");

    public string KommuneLabel => GermanFormat.Label(Kommunen.Count, "Kommune", "Kommunen");
}

/// <summary>The catalogue start page.</summary>
public sealed record CatalogView
{
    public required string Heading { get; init; }

    public required string Intro { get; init; }

    public required IReadOnlyList<CardView> Cards { get; init; }

    public required int Count { get; init; }

    public required string CountText { get; init; }

    public required IReadOnlyList<FilterGroup> Filters { get; init; }

    public required IReadOnlyList<TermLink> HandlungsfeldLinks { get; init; }

    public required IReadOnlyList<TermLink> KreisLinks { get; init; }

    public required string FormAction { get; init; }

    /// <summary>True when this page lists every profile, so the script can filter the cards in place.</summary>
    public bool Complete { get; init; } = true;

    public PaginationView? Pagination { get; init; }

    /// <summary>Site path of the folder with the search index and card data.</summary>
    public string? DataUrl { get; init; }

    public string? OpenDataJsonUrl { get; init; }

    public string? OpenDataCsvUrl { get; init; }

    /// <summary>The spreadsheet for office users and the DCAT-AP.de description for portals.</summary>
    public string? OpenDataXlsxUrl { get; init; }

    public string? OpenDataDcatUrl { get; init; }

    public string? FeedUrl { get; init; }
}

/// <summary>Navigation between the pages of a long list of cards (the catalogue, a Handlungsfeld); Label names it for screen readers.</summary>
public sealed record PaginationView(string Text, string? PreviousUrl, string? NextUrl, IReadOnlyList<PageLinkView> Pages, string Label);

/// <summary>One entry of the page navigation; a gap stands for skipped page numbers.</summary>
public sealed record PageLinkView(string? Url, string Label, bool Current, bool Gap);

/// <summary>A labelled value in a fact box.</summary>
public sealed record Fact(string Label, string Value);

/// <summary>Funding shown on a profile.</summary>
public sealed record FoerderungView(string Programm, string? Betrag, string? Zeitraum);

/// <summary>Contact shown on a profile.</summary>
public sealed record KontaktView
{
    public required string Organisation { get; init; }

    public required string? Name { get; init; }

    public required string? Email { get; init; }

    public required string? EmailHref { get; init; }

    public required string? Telefon { get; init; }

    public required string? TelefonHref { get; init; }

    /// <summary>The office's contact page (kontakt.url), if the profile names one.</summary>
    public string? Url { get; init; }

    /// <summary>The host of <see cref="Url"/>, as the link text.</summary>
    public string? UrlHost => Url is not null && Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.Host : Url;
}

/// <summary>Transfer facts shown on a profile.</summary>
public sealed record TransferView(string? Uebertragbarkeit, string? Aufwand, string? Voraussetzungen)
{
    /// <summary>Where Übertragbarkeit sits on the scale gering, mittel, hoch: 1 to 3, 0 when not given.</summary>
    public int Stufe => Uebertragbarkeit switch { "gering" => 1, "mittel" => 2, "hoch" => 3, _ => 0 };

    /// <summary>One entry per step of the scale, true for the steps reached: what the template draws as bars.</summary>
    public IReadOnlyList<bool> Stufen => [Stufe >= 1, Stufe >= 2, Stufe >= 3];
}

/// <summary>An adopting municipality shown on a profile.</summary>
public sealed record NachnutzerView(string Name, string Url, string? Seit, string? Hinweis);

/// <summary>An external link shown on a profile.</summary>
public sealed record LinkView(string Titel, string Url, string Host);

/// <summary>A profile page.</summary>
public sealed record ProfileView
{
    public required string Titel { get; init; }

    public required string Kurzbeschreibung { get; init; }

    public required string Status { get; init; }

    public required string StatusLabel { get; init; }

    public required IReadOnlyList<TermLink> Handlungsfelder { get; init; }

    public required IReadOnlyList<TermLink> Kommunen { get; init; }

    public required IReadOnlyList<TermLink> Kreise { get; init; }

    public required TermLink? Federfuehrung { get; init; }

    public required string? Seit { get; init; }

    public required IReadOnlyList<string> Beteiligte { get; init; }

    public required string? Rechtsform { get; init; }

    public required string? Finanzierung { get; init; }

    public required FoerderungView? Foerderung { get; init; }

    public required KontaktView Kontakt { get; init; }

    public required IReadOnlyList<LinkView> Links { get; init; }

    public required TransferView? Transfer { get; init; }

    public required IReadOnlyList<NachnutzerView> Nachnutzer { get; init; }

    public required IReadOnlyList<string> Stichworte { get; init; }

    public required string Aktualisiert { get; init; }

    public required string AktualisiertIso { get; init; }

    public required bool Veraltet { get; init; }

    public required TrustedHtml BodyHtml { get; init; }

    public required string AbsoluteUrl { get; init; }

    public required string CatalogUrl { get; init; }

    /// <summary>Profiles sharing the most subjects and neighbours, computed at build time.</summary>
    public IReadOnlyList<CardView> Related { get; init; } = [];

    /// <summary>Profiles deliberately related to this one (verwandt, written in either file); null when there are none.</summary>
    public RelationsView? Verwandt { get; init; }

    /// <summary>The running partner search, or null (none, or its until-date has passed).</summary>
    public PartnersucheView? Partnersuche { get; init; }

    /// <summary>The catalogue's name, printed at the top of the page on paper.</summary>
    public string? SiteTitle { get; init; }

    public string HandlungsfeldLabel => GermanFormat.Label(Handlungsfelder.Count, "Handlungsfeld", "Handlungsfelder");

    public string KommuneLabel => GermanFormat.Label(Kommunen.Count, "Beteiligte Kommune", "Beteiligte Kommunen");
}

/// <summary>A running partner search on a profile page, with a prefilled e-mail to the contact when there is an address.</summary>
public sealed record PartnersucheView
{
    public required string Text { get; init; }

    public required string Hinweis { get; init; }

    public required string Bis { get; init; }

    public required string BisIso { get; init; }

    public required string? MailtoHref { get; init; }

    public required string ListUrl { get; init; }
}

/// <summary>The page listing every running partner search, or those of one kind (sucht Partner, sucht Nachnutzer).</summary>
public sealed record PartnersucheIndexView(string Heading, string Intro, string CountText, IReadOnlyList<NavLink> Filters, IReadOnlyList<CardView> Cards, string FeedUrl);

/// <summary>The deliberately related profiles shown on a profile page.</summary>
public sealed record RelationsView(string Heading, IReadOnlyList<CardView> Cards);

/// <summary>An overview of terms (Handlungsfelder).</summary>
public sealed record TermIndexView(string Heading, string Intro, IReadOnlyList<TermLink> Terms);

/// <summary>A Kreis with its member municipalities on the Kommunen overview.</summary>
public sealed record KreisGroupView(TermLink Kreis, IReadOnlyList<TermLink> Members);

/// <summary>The Kommunen overview, grouped by Kreis.</summary>
public sealed record KommunenIndexView(string Heading, string Intro, IReadOnlyList<KreisGroupView> Kreise, IReadOnlyList<TermLink> KreisfreieStaedte);

/// <summary>A Handlungsfeld page.</summary>
public sealed record HandlungsfeldView
{
    public required string Heading { get; init; }

    public required string Beschreibung { get; init; }

    public required string CountText { get; init; }

    public required IReadOnlyList<CardView> Cards { get; init; }

    public required string IndexUrl { get; init; }

    public required string FilterUrl { get; init; }

    /// <summary>Links to the other pages of this Handlungsfeld's cards; null when they fit on one page.</summary>
    public PaginationView? Pagination { get; init; }
}

/// <summary>A Kommune page.</summary>
public sealed record KommuneView
{
    public required string Heading { get; init; }

    public required string TypLabel { get; init; }

    public required TermLink? Kreis { get; init; }

    public required string? Regierungsbezirk { get; init; }

    public required string? Einwohner { get; init; }

    public required IReadOnlyList<TermLink> Members { get; init; }

    public required string CountText { get; init; }

    public required IReadOnlyList<CardView> OwnCards { get; init; }

    public required IReadOnlyList<CardView> MemberCards { get; init; }

    public required IReadOnlyList<CardView> AdoptedCards { get; init; }

    public required string IndexUrl { get; init; }

    public required string FilterUrl { get; init; }

    /// <summary>The name in the genitive with its article: "des Kreises Höxter", "der Stadt Paderborn".</summary>
    public required string Genitiv { get; init; }

    /// <summary>For a Kreis: its name after "in", "im Kreis Höxter"; for a town: its Kreis's.</summary>
    public string? ImKreis { get; init; }

    /// <summary>Site path of the page that says how a project gets into the catalogue, if the site has one.</summary>
    public string? MitmachenUrl { get; init; }
}

/// <summary>A plain page.</summary>
public sealed record PlainPageView(string Heading, TrustedHtml BodyHtml);

/// <summary>The not-found page.</summary>
public sealed record NotFoundView(string Heading, string HomeUrl);
