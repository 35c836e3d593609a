using Transferkatalog.Content;
using Transferkatalog.Exports;
using Transferkatalog.Language;
using Transferkatalog.Output;
using Transferkatalog.Schema;
using Transferkatalog.Search;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Rendering;

/// <summary>Pipeline stage 4: renders every page of the site model with the theme, in memory.</summary>
public sealed class SiteRenderer(ICompiledTheme theme, ThemeSource themeSource)
{
    /// <summary>Renders every page and the theme's assets in memory (the exports are the pipeline's, see Pipeline/SiteExtras).</summary>
    public IReadOnlyList<OutputFile> Render(Site site) =>
        [.. RenderPages(PlanPages(site, RelatedProjects.Compute(site.Profiles)), InMemoryOutput.Instance), .. Assets()];

    /// <summary>Renders the planned pages in parallel, handing each to <paramref name="sink"/> as soon as it is rendered; the files in plan order.</summary>
    public static OutputFile[] RenderPages(IReadOnlyList<PageJob> jobs, IOutputSink sink)
    {
        var rendered = new OutputFile[jobs.Count];
        Parallel.For(0, jobs.Count, Parallelism.Options, i => rendered[i] = jobs[i].Emit(sink));
        return rendered;
    }

    /// <summary>Every HTML page of the site, in a fixed order, each rendered only when asked.</summary>
    /// <param name="related">Related projects per profile, aligned with <see cref="Site.Profiles"/>.</param>
    public IReadOnlyList<PageJob> PlanPages(Site site, IReadOnlyList<IReadOnlyList<ProfileEntry>> related)
    {
        // Large catalogues are split into pages of cards, so every profile stays reachable without JavaScript.
        var catalogPages = CatalogPageCount(site.Profiles.Count);
        var context = new PageContext(site, new MarkdownRenderer(site.Urls.BasePath), this, catalogPages, new SharedViews(site));
        var pages = new List<SitePage>(site.Profiles.Count + site.Kommunen.Count + site.Handlungsfelder.Count + 64);
        for (var n = 1; n <= catalogPages; n++)
        {
            pages.Add(new CatalogPage(n));
        }

        var deliberate = Validation.RelationCheck.BothWays(site.Profiles.Select(p => p.Profile).ToList());
        for (var i = 0; i < site.Profiles.Count; i++)
        {
            pages.Add(new ProfilePage(site.Profiles[i], related[i]) { Verwandt = deliberate[i].Select(j => site.Profiles[j]).ToList() });
        }

        pages.Add(new FelderIndexPage());
        // Paged like the catalogue: at 100,000 profiles one page with every card of a Handlungsfeld was 14 MiB.
        pages.AddRange(site.Handlungsfelder.SelectMany(f => Enumerable.Range(1, CatalogPageCount(f.Profiles.Count)).Select(n => new FeldPage(f, n))));
        pages.Add(new KommunenIndexPage());
        pages.AddRange(site.Kommunen.Select(k => new KommunePage(k)));
        pages.AddRange(site.Pages.Select(p => new PlainPage(p)));
        pages.AddRange(PartnersuchePage.All());
        pages.Add(new NotFoundPage());
        return pages.Select(page => new PageJob(page, () => page.Plan(context), this)).ToList();
    }

    /// <summary>The theme's static files (style sheet, scripts), copied as they are.</summary>
    public IReadOnlyList<OutputFile> Assets()
    {
        var files = new List<OutputFile>();
        foreach (var asset in themeSource.AssetFiles)
        {
            files.Add(new OutputFile($"assets/{asset.RelativePath}", File.ReadAllBytes(asset.FullPath)));
        }

        return files;
    }

    /// <summary>How many catalogue pages a catalogue of this many profiles has.</summary>
    public static int CatalogPageCount(int profiles) => Math.Max(1, (profiles + CatalogPageSize - 1) / CatalogPageSize);

    internal static RegistryKeys RegistryKeysOf(Site site) => new(
        site.Handlungsfelder.Select(f => f.Feld.Key).Order(StringComparer.Ordinal).ToList(),
        site.Kommunen.Select(k => k.Kommune.Key).Order(StringComparer.Ordinal).ToList(),
        site.Kommunen.Where(k => k.Kommune.IsKreis).Select(k => k.Kommune.Key).Order(StringComparer.Ordinal).ToList());

    /// <summary>Cards per catalogue page; above this the catalogue is paged and the script fetches card data on demand.</summary>
    public const int CatalogPageSize = 50;

    /// <summary>Renders a planned page inside the layout and returns its HTML.</summary>
    internal string Html(PagePlan plan) => theme.RenderPage(plan.Template, plan.View, plan.Layout, html => new string(html));

    /// <summary>Renders a planned page inside the layout and hands it to <paramref name="sink"/> straight from the render buffer.</summary>
    internal OutputFile Emit(PagePlan plan, string path, IOutputSink sink) => theme.RenderPage(plan.Template, plan.View, plan.Layout, html => sink.AddPage(path, html));

    internal PagePlan Page(Site site, string template, string url, string title, string description, object view, bool withScript = false, string? jsonLd = null)
    {
        var isHome = template == "katalog";
        return new PagePlan(template, view, content => new LayoutView
        {
            Lang = site.Config.Sprache,
            SiteTitle = site.Config.Titel,
            PageTitle = isHome ? site.Config.Titel : $"{title} – {site.Config.Titel}",
            MetaDescription = description,
            CanonicalUrl = site.Urls.Absolute(url),
            HomeUrl = site.Urls.Home,
            StylesheetUrl = site.Urls.Asset("style.css"),
            ScriptUrl = withScript ? site.Urls.Asset("katalog.js") : null,
            Navigation = Navigation(site, url),
            FooterLinks = site.Pages.Select(p => new NavLink(p.Page.Titel, p.Url, p.Url == url)).ToList(),
            Operator = site.Config.Betreiber,
            PageType = template,
            Content = content,
            FeedUrl = site.Urls.Local(FeedExport.Path),
            FeedTitle = $"{site.Config.Titel}: zuletzt aktualisierte Projekte",
            AssetsUrl = site.Urls.Asset(""),
            JsonLd = jsonLd is null ? null : TrustedHtml.FromGenerator(jsonLd),
            OgTitle = isHome ? site.Config.Titel : title,
            OgType = template == "projekt" ? "article" : "website",
            LicenceName = site.Config.Lizenz.Name,
            LicenceUrl = site.Config.Lizenz.Url,
        });
    }

    private static List<NavLink> Navigation(Site site, string current)
    {
        var u = site.Urls;
        return
        [
            new NavLink("Katalog", u.Home, current == u.Home),
            new NavLink("Handlungsfelder", u.HandlungsfelderIndex, current.StartsWith(u.HandlungsfelderIndex, StringComparison.Ordinal)),
            new NavLink("Kommunen", u.KommunenIndex, current.StartsWith(u.KommunenIndex, StringComparison.Ordinal)),
        ];
    }

    internal static CardView Card(Site site, ProfileEntry p, string headingLevel = "h3", Func<Handlungsfeld, TermLink>? feldLink = null, Func<Kommune, TermLink>? kommuneLink = null)
    {
        var u = site.Urls;
        feldLink ??= f => new TermLink(f.Key, f.Name, u.Handlungsfeld(f.Key));
        kommuneLink ??= k => new TermLink(k.Key, k.Name, u.Kommune(k.Key));
        var adopters = p.Nachnutzer.Count;
        return new CardView
        {
            Slug = p.Profile.Slug,
            Titel = p.Profile.Titel,
            Url = p.Url,
            Kurzbeschreibung = p.Profile.Kurzbeschreibung,
            Status = p.Profile.Status,
            StatusLabel = GermanFormat.Status(p.Profile.Status),
            Handlungsfelder = p.Handlungsfelder.Select(feldLink).ToList(),
            Kommunen = p.Kommunen.Select(kommuneLink).ToList(),
            DataHandlungsfelder = string.Join(' ', p.Profile.Handlungsfelder),
            DataKommunen = string.Join(' ', p.Profile.Kommunen),
            DataKreise = string.Join(' ', p.Kreise.Select(k => k.Key)),
            NachnutzungCount = adopters,
            NachnutzungText = adopters == 0 ? null : $"Nachgenutzt von {GermanFormat.Count(adopters, "Kommune", "Kommunen")}",
            HeadingLevel = headingLevel,
            SuchtText = p.Profile.Sucht is { } sucht && sucht.IsOpen(site.ReferenceDate) ? GermanFormat.SuchtText(sucht.Wen) : null,
            DataSucht = string.Join(' ', CatalogFilters.OpenSucht(site, p)),
        };
    }

    internal static PartnersucheIndexView BuildPartnersuche(Site site, SharedViews shared, string? wen)
    {
        var cards = site.Profiles
            .Where(p => p.Profile.Sucht is { } s && s.IsOpen(site.ReferenceDate) && (wen is null || s.Wen.Contains(wen)))
            .OrderBy(p => p.Profile.Sucht!.Bis)
            .ThenBy(p => p.Profile.Slug, StringComparer.Ordinal)
            .Select(p => shared.Of(p, "h2"))
            .ToList();
        var filters = new List<NavLink> { new("alle", site.Urls.Local(Routes.Partnersuche(null)), wen is null) };
        filters.AddRange(ContentSchema.SearchTargets.Select(t => new NavLink($"sucht {GermanFormat.SuchtLabel(t)}", site.Urls.Local(Routes.Partnersuche(t)), t == wen)));
        return new PartnersucheIndexView(
            wen is null ? "Partnersuche" : $"Partnersuche: sucht {GermanFormat.SuchtLabel(wen)}",
            "Diese Projekte suchen Kommunen, die mitmachen (Partner), oder Kommunen, die ihre Lösung übernehmen (Nachnutzer). Die Kontaktstelle steht auf jedem Steckbrief; dort gibt es auch eine vorbereitete E-Mail.",
            cards.Count == 0 ? "Zurzeit keine offenen Anfragen." : GermanFormat.Count(cards.Count, "offene Anfrage", "offene Anfragen"),
            filters,
            cards,
            site.Urls.Local(FeedExport.PartnerPath));
    }

    /// <summary>A mailto: link to the contact with the subject "Anfrage zur Zusammenarbeit: Titel", percent-encoded (RFC 6068).</summary>
    public static string Mailto(string email, string titel) =>
        $"mailto:{email}?subject={Uri.EscapeDataString($"Anfrage zur Zusammenarbeit: {titel}")}";

    /// <summary>Links to the pages around the current one: first, last and two either side.</summary>
    /// <param name="label">What the navigation is called for screen readers, e.g. "Seiten des Katalogs".</param>
    /// <param name="location">The route of page n.</param>
    private static PaginationView? Pagination(UrlScheme urls, int current, int total, string label, Func<int, string> location)
    {
        if (total <= 1)
        {
            return null;
        }

        var numbers = Enumerable.Range(1, total).Where(n => n == 1 || n == total || Math.Abs(n - current) <= 2).ToList();
        var links = new List<PageLinkView>();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (i > 0 && numbers[i] - numbers[i - 1] > 1)
            {
                links.Add(new PageLinkView(null, "…", false, true));
            }

            var n = numbers[i];
            links.Add(new PageLinkView(urls.Local(location(n)), n.ToString(System.Globalization.CultureInfo.InvariantCulture), n == current, false));
        }

        return new PaginationView(
            $"Seite {current} von {total}",
            current > 1 ? urls.Local(location(current - 1)) : null,
            current < total ? urls.Local(location(current + 1)) : null,
            links,
            label);
    }

    internal static CatalogView BuildCatalog(Site site, SharedViews shared, int pageNumber, int pageCount)
    {
        var u = site.Urls;
        var first = (pageNumber - 1) * CatalogPageSize;
        var cards = site.Profiles
            .Skip(first)
            .Take(CatalogPageSize)
            // Only the first page has the filters and loads katalog.js, so only its cards carry the data the script filters on.
            .Select((p, i) => pageNumber > 1 ? shared.Of(p, "h3") : shared.Of(p, "h3") with { DataNr = (first + i).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToList();
        var links = shared.Catalog;

        // Filters and search live on the first page only: further pages are the no-JavaScript way through a large
        // catalogue, and repeating a form with every Kommune on each of them would multiply the site's size.
        // Computed only for that page, since counting over every profile and Kommune per page made paging quadratic.
        var filters = pageNumber == 1 ? CatalogFilters.Groups(site, links.Kreise) : [];
        var total = site.Profiles.Count;
        return new CatalogView
        {
            Heading = pageNumber == 1 ? site.Config.Titel : $"{site.Config.Titel}: Seite {pageNumber}",
            Intro = site.Config.Beschreibung,
            Cards = cards,
            Count = total,
            CountText = pageCount == 1
                ? GermanFormat.Count(total, "Projekt", "Projekte")
                : $"{GermanFormat.Count(total, "Projekt", "Projekte")}, hier {GermanFormat.Number(first + 1)} bis {GermanFormat.Number(first + cards.Count)}",
            Filters = filters,
            HandlungsfeldLinks = links.HandlungsfeldLinks,
            KreisLinks = links.KreisLinks,
            FormAction = u.Home,
            Complete = pageCount == 1,
            Pagination = Pagination(u, pageNumber, pageCount, "Seiten des Katalogs", Routes.Catalog),
            DataUrl = pageNumber == 1 ? u.Local(SearchIndexBuilder.Folder + "/") : null,
            OpenDataJsonUrl = u.Local(CatalogJsonExport.Path),
            OpenDataCsvUrl = u.Local(CatalogCsvExport.Path),
            OpenDataXlsxUrl = u.Local(CatalogXlsxExport.Path),
            OpenDataDcatUrl = u.Local(Dcat.Path),
            FeedUrl = u.Local(FeedExport.Path),
        };
    }

    internal static CatalogLinks CatalogLinks(Site site)
    {
        var kreise = site.Kommunen.Where(k => k.Kommune.IsKreis).ToList();
        return new(
            kreise,
            site.Handlungsfelder.Select(f => new TermLink(f.Feld.Key, f.Feld.Name, f.Url, f.Profiles.Count, GermanFormat.Count(f.Profiles.Count, "Projekt", "Projekte"))).ToList(),
            kreise.Select(k => KommuneLink(k)).Concat(site.Kommunen.Where(k => k.Kommune.Typ == "kreisfreie-stadt").Select(k => KommuneLink(k))).ToList());
    }

    private static TermLink KommuneLink(KommuneEntry k) =>
        new(k.Kommune.Key, k.Kommune.Name, k.Url, k.TotalCount, GermanFormat.Count(k.TotalCount, "Projekt", "Projekte"));

    /// <summary>A profile page's view: the profile with its deliberate relations and similar projects.</summary>
    internal static ProfileView BuildProfilePage(Site site, SharedViews shared, ProfilePage page, MarkdownRenderer markdown) => BuildProfile(site, page.Entry, markdown) with
    {
        // A deliberate relation is shown once, under its own heading, not again among the similar projects.
        Related = page.Related.Where(r => !page.Verwandt.Contains(r)).Select(r => shared.Of(r, "h3")).ToList(),
        SiteTitle = site.Config.Titel,
        Verwandt = page.Verwandt.Count == 0 ? null : new RelationsView("Verwandte Projekte", page.Verwandt.Select(r => shared.Of(r, "h3")).ToList()),
    };

    internal static ProfileView BuildProfile(Site site, ProfileEntry entry, MarkdownRenderer markdown)
    {
        var p = entry.Profile;
        var u = site.Urls;
        var k = p.Kontakt;
        var stale = Validation.StalenessCheck.IsStale(p, site.Config.VeraltetNachMonaten, site.ReferenceDate);
        return new ProfileView
        {
            Titel = p.Titel,
            Kurzbeschreibung = p.Kurzbeschreibung,
            Status = p.Status,
            StatusLabel = GermanFormat.Status(p.Status),
            Handlungsfelder = entry.Handlungsfelder.Select(f => new TermLink(f.Key, f.Name, u.Handlungsfeld(f.Key))).ToList(),
            Kommunen = entry.Kommunen.Select(x => new TermLink(x.Key, x.Name, u.Kommune(x.Key))).ToList(),
            Kreise = entry.Kreise.Select(x => new TermLink(x.Key, x.Name, u.Kommune(x.Key))).ToList(),
            Federfuehrung = entry.Federfuehrung is { } lead ? new TermLink(lead.Key, lead.Name, u.Kommune(lead.Key)) : null,
            Seit = p.Seit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Beteiligte = p.Beteiligte,
            Rechtsform = p.Rechtsform,
            Finanzierung = p.Finanzierung,
            Foerderung = p.Foerderung is { } f ? new FoerderungView(f.Programm, f.BetragEur is { } b ? GermanFormat.Euro(b) : null, f.Zeitraum) : null,
            Kontakt = new KontaktView
            {
                Organisation = k.Organisation,
                Name = k.Name,
                Email = k.Email,
                EmailHref = k.Email is null ? null : $"mailto:{k.Email}",
                Telefon = k.Telefon,
                TelefonHref = k.Telefon is null ? null : "tel:" + new string(k.Telefon.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()),
                Url = k.Url,
            },
            Links = p.Links.Select(l => new LinkView(l.Titel, l.Url, Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) ? uri.Host : l.Url)).ToList(),
            Transfer = p.Transfer is { } t ? new TransferView(t.Uebertragbarkeit is null ? null : GermanFormat.Uebertragbarkeit(t.Uebertragbarkeit), t.Aufwand, t.Voraussetzungen) : null,
            Nachnutzer = entry.Nachnutzer.Select(n => new NachnutzerView(n.Kommune.Name, u.Kommune(n.Kommune.Key), n.Entry.Seit?.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Entry.Hinweis)).ToList(),
            Stichworte = p.Stichworte,
            Aktualisiert = GermanFormat.Date(p.Aktualisiert),
            AktualisiertIso = p.Aktualisiert.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Veraltet = stale,
            BodyHtml = markdown.Render(p.ParsedBody),
            AbsoluteUrl = u.Absolute(entry.Url),
            CatalogUrl = u.Home,
            Partnersuche = p.Sucht is { } sucht && sucht.IsOpen(site.ReferenceDate)
                ? new PartnersucheView
                {
                    Text = GermanFormat.SuchtText(sucht.Wen),
                    Hinweis = sucht.Hinweis,
                    Bis = GermanFormat.Date(sucht.Bis),
                    BisIso = sucht.Bis.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    MailtoHref = k.Email is null ? null : Mailto(k.Email, p.Titel),
                    ListUrl = u.Local(Routes.Partnersuche(null)),
                }
                : null,
        };
    }

    internal static TermIndexView BuildFelderIndex(Site site) => new(
        "Handlungsfelder",
        "Die Projekte des Katalogs sind nach Handlungsfeldern geordnet. Wählen Sie ein Feld, um seine Projekte zu sehen.",
        site.Handlungsfelder.Select(f => new TermLink(f.Feld.Key, f.Feld.Name, f.Url, f.Profiles.Count, GermanFormat.Count(f.Profiles.Count, "Projekt", "Projekte"), f.Feld.Beschreibung)).ToList());

    internal static HandlungsfeldView BuildFeld(Site site, SharedViews shared, HandlungsfeldEntry f, int pageNumber = 1)
    {
        var pageCount = CatalogPageCount(f.Profiles.Count);
        var first = (pageNumber - 1) * CatalogPageSize;
        var cards = f.Profiles.Skip(first).Take(CatalogPageSize).Select(p => shared.Of(p, "h2")).ToList();
        var count = GermanFormat.Count(f.Profiles.Count, "Projekt", "Projekte");
        return new HandlungsfeldView
        {
            Heading = pageNumber == 1 ? f.Feld.Name : $"{f.Feld.Name}: Seite {pageNumber}",
            Beschreibung = f.Feld.Beschreibung,
            CountText = pageCount == 1 ? count : $"{count}, hier {GermanFormat.Number(first + 1)} bis {GermanFormat.Number(first + cards.Count)}",
            Cards = cards,
            IndexUrl = site.Urls.HandlungsfelderIndex,
            FilterUrl = $"{site.Urls.Home}?handlungsfeld={Uri.EscapeDataString(f.Feld.Key)}",
            Pagination = Pagination(site.Urls, pageNumber, pageCount, $"Seiten des Handlungsfelds {f.Feld.Name}", n => Routes.Handlungsfeld(f.Feld.Key, n)),
        };
    }

    internal static KommunenIndexView BuildKommunenIndex(Site site)
    {
        var byKey = site.Kommunen.ToDictionary(k => k.Kommune.Key, StringComparer.Ordinal);
        var groups = site.Kommunen
            .Where(k => k.Kommune.IsKreis)
            .Select(k => new KreisGroupView(KommuneLink(k), k.Members.Select(m => KommuneLink(byKey[m.Key])).ToList()))
            .ToList();
        var kreisfrei = site.Kommunen.Where(k => k.Kommune.Typ == "kreisfreie-stadt").Select(KommuneLink).ToList();
        return new KommunenIndexView(
            "Kommunen",
            "Kreise, kreisfreie Städte, Städte und Gemeinden mit der Zahl der Projekte, an denen sie beteiligt sind. Die Zahl eines Kreises umfasst die Projekte seiner Städte und Gemeinden.",
            groups,
            kreisfrei);
    }

    internal static KommuneView BuildKommune(Site site, SharedViews shared, KommuneEntry k) => new KommuneView
    {
        Heading = k.Kommune.Name,
        TypLabel = GermanFormat.KommuneTyp(k.Kommune.Typ),
        Kreis = k.Kreis is { } kreis ? new TermLink(kreis.Key, kreis.Name, site.Urls.Kommune(kreis.Key)) : null,
        Regierungsbezirk = k.Kommune.Regierungsbezirk.Length > 0 ? k.Kommune.Regierungsbezirk : null,
        Einwohner = k.Kommune.Einwohner is { } e ? GermanFormat.Number(e) : null,
        Members = k.Members.Select(m => new TermLink(m.Key, m.Name, site.Urls.Kommune(m.Key))).ToList(),
        CountText = GermanFormat.Count(k.TotalCount, "Projekt", "Projekte"),
        OwnCards = k.OwnProfiles.Select(p => shared.Of(p, "h3")).ToList(),
        MemberCards = k.MemberProfiles.Select(p => shared.Of(p, "h3")).ToList(),
        AdoptedCards = k.AdoptedProfiles.Select(p => shared.Of(p, "h3")).ToList(),
        IndexUrl = site.Urls.KommunenIndex,
        FilterUrl = $"{site.Urls.Home}?{(k.Kommune.IsKreis ? "kreis" : "kommune")}={Uri.EscapeDataString(k.Kommune.Key)}",
        Genitiv = GermanFormat.Genitiv(k.Kommune.Name, k.Kommune.Typ),
        ImKreis = k.Kommune.IsKreis ? GermanFormat.ImKreis(k.Kommune.Name) : k.Kreis is { } ownKreis ? GermanFormat.ImKreis(ownKreis.Name) : null,
        MitmachenUrl = site.Pages.FirstOrDefault(p => p.Page.Slug == "mitmachen")?.Url,
    };
}

/// <summary>A page ready to render: its template and view, and the layout's view around the rendered content.</summary>
internal sealed record PagePlan(string Template, object View, Func<TrustedHtml, object> Layout);

/// <summary>One planned page of the site: its kind and how to produce its HTML, deferred so callers choose what to render.</summary>
public sealed class PageJob
{
    private readonly Func<PagePlan> plan;
    private readonly SiteRenderer renderer;

    internal PageJob(SitePage page, Func<PagePlan> plan, SiteRenderer renderer)
    {
        Page = page;
        Path = page.Path;
        this.plan = plan;
        this.renderer = renderer;
    }

    public SitePage Page { get; }

    /// <summary>The file in the output folder (computed once: the preview looks it up several times per page and build).</summary>
    public string Path { get; }

    /// <summary>Renders the page.</summary>
    public string Render() => renderer.Html(plan());

    /// <summary>Renders the page and encodes it as UTF-8 without a byte order mark.</summary>
    public OutputFile ToFile() => renderer.Emit(plan(), Path, InMemoryOutput.Instance);

    /// <summary>Renders the page and hands it to <paramref name="sink"/> without a string of the whole page.</summary>
    public OutputFile Emit(IOutputSink sink) => renderer.Emit(plan(), Path, sink);
}
