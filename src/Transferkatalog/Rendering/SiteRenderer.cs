using System.Text;
using Transferkatalog.Content;
using Transferkatalog.Output;
using Transferkatalog.Schema;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Rendering;

/// <summary>Pipeline stage 4: renders every page of the site model with the theme, in memory.</summary>
public sealed class SiteRenderer(ICompiledTheme theme, ThemeSource themeSource)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IReadOnlyList<OutputFile> Render(Site site)
    {
        var markdown = new MarkdownRenderer(site.Urls.BasePath);
        var jobs = new List<(string Path, Func<string> Render)>();
        var urls = site.Urls;

        jobs.Add(("index.html", () => Page(site, "katalog", urls.Home, site.Config.Titel, site.Config.Beschreibung, BuildCatalog(site), withScript: true)));
        foreach (var p in site.Profiles)
        {
            jobs.Add(($"projekte/{p.Profile.Slug}/index.html", () => Page(site, "projekt", p.Url, p.Profile.Titel, p.Profile.Kurzbeschreibung, BuildProfile(site, p, markdown))));
        }

        jobs.Add(("handlungsfelder/index.html", () => Page(site, "handlungsfelder", urls.HandlungsfelderIndex, "Handlungsfelder", "Alle Handlungsfelder des Katalogs mit der Zahl ihrer Projekte", BuildFelderIndex(site))));
        foreach (var f in site.Handlungsfelder)
        {
            jobs.Add(($"handlungsfelder/{f.Feld.Key}/index.html", () => Page(site, "handlungsfeld", f.Url, $"Handlungsfeld {f.Feld.Name}", f.Feld.Beschreibung, BuildFeld(site, f))));
        }

        jobs.Add(("kommunen/index.html", () => Page(site, "kommunen", urls.KommunenIndex, "Kommunen", "Alle Kreise, Städte und Gemeinden des Katalogs mit der Zahl ihrer Projekte", BuildKommunenIndex(site))));
        foreach (var k in site.Kommunen)
        {
            jobs.Add(($"kommunen/{k.Kommune.Key}/index.html", () => Page(site, "kommune", k.Url, k.Kommune.Name, $"Kooperationsprojekte mit Beteiligung von {k.Kommune.Name}", BuildKommune(site, k))));
        }

        foreach (var page in site.Pages)
        {
            jobs.Add(($"seiten/{page.Page.Slug}/index.html", () => Page(site, "seite", page.Url, page.Page.Titel, page.Page.Beschreibung ?? page.Page.Titel, new PlainPageView(page.Page.Titel, markdown.Render(page.Page.Body)))));
        }

        jobs.Add(("404.html", () => Page(site, "404", urls.Local("404.html"), "Seite nicht gefunden", "Die angeforderte Seite gibt es nicht.", new NotFoundView("Seite nicht gefunden", urls.Home))));

        var rendered = new OutputFile[jobs.Count];
        Parallel.For(0, jobs.Count, i => rendered[i] = new OutputFile(jobs[i].Path, Utf8.GetBytes(jobs[i].Render())));

        var files = new List<OutputFile>(rendered);
        var assetsRoot = Path.Combine(themeSource.Root, "assets");
        foreach (var asset in themeSource.AssetFiles)
        {
            var relative = Path.GetRelativePath(assetsRoot, asset).Replace('\\', '/');
            files.Add(new OutputFile($"assets/{relative}", File.ReadAllBytes(asset)));
        }

        // GitHub Pages would otherwise run Jekyll over the artifact and hide folders starting with '_'.
        files.Add(new OutputFile(".nojekyll", []));
        return files;
    }

    private string Page(Site site, string template, string url, string title, string description, object view, bool withScript = false)
    {
        var content = theme.Render(template, view);
        var isHome = template == "katalog";
        var layout = new LayoutView(
            site.Config.Sprache,
            site.Config.Titel,
            isHome ? site.Config.Titel : $"{title} – {site.Config.Titel}",
            description,
            site.Urls.Absolute(url),
            site.Urls.Home,
            site.Urls.Asset("style.css"),
            withScript ? site.Urls.Asset("katalog.js") : null,
            Navigation(site, url),
            site.Pages.Select(p => new NavLink(p.Page.Titel, p.Url, p.Url == url)).ToList(),
            site.Config.Betreiber,
            template,
            content,
            null);
        return theme.Render("layout", layout);
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

    internal static CardView Card(Site site, ProfileEntry p, string headingLevel = "h3")
    {
        var u = site.Urls;
        var adopters = p.Nachnutzer.Count;
        return new CardView(
            p.Profile.Slug,
            p.Profile.Titel,
            p.Url,
            p.Profile.Kurzbeschreibung,
            p.Profile.Status,
            GermanFormat.Status(p.Profile.Status),
            p.Handlungsfelder.Select(f => new TermLink(f.Key, f.Name, u.Handlungsfeld(f.Key))).ToList(),
            p.Kommunen.Select(k => new TermLink(k.Key, k.Name, u.Kommune(k.Key))).ToList(),
            string.Join(' ', p.Profile.Handlungsfelder),
            string.Join(' ', p.Profile.Kommunen),
            string.Join(' ', p.Kreise.Select(k => k.Key)),
            adopters,
            adopters == 0 ? null : $"Nachgenutzt von {GermanFormat.Count(adopters, "Kommune", "Kommunen")}",
            headingLevel);
    }

    private static CatalogView BuildCatalog(Site site)
    {
        var u = site.Urls;
        var cards = site.Profiles.Select(p => Card(site, p)).ToList();
        var felder = site.Handlungsfelder
            .Select(f => new FilterOption($"f-handlungsfeld-{f.Feld.Key}", f.Feld.Key, f.Feld.Name, f.Profiles.Count))
            .ToList();
        var kreise = site.Kommunen.Where(k => k.Kommune.IsKreis).ToList();
        var profilesPerKreis = site.Profiles
            .SelectMany(p => p.Kreise.Select(k => k.Key))
            .GroupBy(k => k, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var kreisOptions = kreise
            .Select(k => new FilterOption($"f-kreis-{k.Kommune.Key}", k.Kommune.Key, k.Kommune.Name, profilesPerKreis.GetValueOrDefault(k.Kommune.Key)))
            .ToList();
        var kommuneOptions = site.Kommunen
            .Select(k => new FilterOption($"f-kommune-{k.Kommune.Key}", k.Kommune.Key, KommuneLabel(k), k.OwnProfiles.Count))
            .ToList();
        var statusCounts = site.Profiles.GroupBy(p => p.Profile.Status, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var statusOptions = ContentSchema.StatusValues
            .Select(s => new FilterOption($"f-status-{s}", s, GermanFormat.Status(s), statusCounts.GetValueOrDefault(s)))
            .ToList();

        var filters = new List<FilterGroup>
        {
            new("handlungsfeld", "Handlungsfeld", "filter-handlungsfeld", felder, Collapsed: false),
            new("kreis", "Kreis", "filter-kreis", kreisOptions, Collapsed: true),
            new("kommune", "Kommune", "filter-kommune", kommuneOptions, Collapsed: true),
            new("status", "Status", "filter-status", statusOptions, Collapsed: false),
        };
        return new CatalogView(
            site.Config.Titel,
            site.Config.Beschreibung,
            cards,
            cards.Count,
            GermanFormat.Count(cards.Count, "Projekt", "Projekte"),
            filters,
            site.Handlungsfelder.Select(f => new TermLink(f.Feld.Key, f.Feld.Name, f.Url, f.Profiles.Count, GermanFormat.Count(f.Profiles.Count, "Projekt", "Projekte"))).ToList(),
            kreise.Select(k => KommuneLink(k)).Concat(site.Kommunen.Where(k => k.Kommune.Typ == "kreisfreie-stadt").Select(k => KommuneLink(k))).ToList(),
            u.Home);
    }

    private static string KommuneLabel(KommuneEntry k) => k.Kommune.Typ switch
    {
        "kreis" => k.Kommune.Name.StartsWith("Kreis", StringComparison.Ordinal) ? k.Kommune.Name : $"{k.Kommune.Name} (Kreis)",
        _ => k.Kommune.Name,
    };

    private static TermLink KommuneLink(KommuneEntry k) =>
        new(k.Kommune.Key, k.Kommune.Name, k.Url, k.TotalCount, GermanFormat.Count(k.TotalCount, "Projekt", "Projekte"));

    private static ProfileView BuildProfile(Site site, ProfileEntry entry, MarkdownRenderer markdown)
    {
        var p = entry.Profile;
        var u = site.Urls;
        var k = p.Kontakt;
        var stale = Validation.StalenessCheck.IsStale(p, site.Config.VeraltetNachMonaten, site.ReferenceDate);
        return new ProfileView(
            p.Titel,
            p.Kurzbeschreibung,
            p.Status,
            GermanFormat.Status(p.Status),
            entry.Handlungsfelder.Select(f => new TermLink(f.Key, f.Name, u.Handlungsfeld(f.Key))).ToList(),
            entry.Kommunen.Select(x => new TermLink(x.Key, x.Name, u.Kommune(x.Key))).ToList(),
            entry.Kreise.Select(x => new TermLink(x.Key, x.Name, u.Kommune(x.Key))).ToList(),
            entry.Federfuehrung is { } lead ? new TermLink(lead.Key, lead.Name, u.Kommune(lead.Key)) : null,
            p.Seit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.Beteiligte,
            p.Rechtsform,
            p.Finanzierung,
            p.Foerderung is { } f ? new FoerderungView(f.Programm, f.BetragEur is { } b ? GermanFormat.Euro(b) : null, f.Zeitraum) : null,
            new KontaktView(k.Organisation, k.Name, k.Email, k.Email is null ? null : $"mailto:{k.Email}", k.Telefon, k.Telefon is null ? null : "tel:" + new string(k.Telefon.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray())),
            p.Links.Select(l => new LinkView(l.Titel, l.Url, Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) ? uri.Host : l.Url)).ToList(),
            p.Transfer is { } t ? new TransferView(t.Uebertragbarkeit is null ? null : GermanFormat.Uebertragbarkeit(t.Uebertragbarkeit), t.Aufwand, t.Voraussetzungen) : null,
            entry.Nachnutzer.Select(n => new NachnutzerView(n.Kommune.Name, u.Kommune(n.Kommune.Key), n.Entry.Seit?.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Entry.Hinweis)).ToList(),
            p.Stichworte,
            GermanFormat.Date(p.Aktualisiert),
            p.Aktualisiert.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            stale,
            markdown.Render(p.Body),
            u.Absolute(entry.Url),
            u.Home);
    }

    private static TermIndexView BuildFelderIndex(Site site) => new(
        "Handlungsfelder",
        "Die Projekte des Katalogs sind nach Handlungsfeldern geordnet. Wählen Sie ein Feld, um seine Projekte zu sehen.",
        site.Handlungsfelder.Select(f => new TermLink(f.Feld.Key, f.Feld.Name, f.Url, f.Profiles.Count, GermanFormat.Count(f.Profiles.Count, "Projekt", "Projekte"), f.Feld.Beschreibung)).ToList());

    private static HandlungsfeldView BuildFeld(Site site, HandlungsfeldEntry f) => new(
        f.Feld.Name,
        f.Feld.Beschreibung,
        GermanFormat.Count(f.Profiles.Count, "Projekt", "Projekte"),
        f.Profiles.Select(p => Card(site, p, "h2")).ToList(),
        site.Urls.HandlungsfelderIndex,
        $"{site.Urls.Home}?handlungsfeld={Uri.EscapeDataString(f.Feld.Key)}");

    private static KommunenIndexView BuildKommunenIndex(Site site)
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

    private static KommuneView BuildKommune(Site site, KommuneEntry k) => new(
        k.Kommune.Name,
        GermanFormat.KommuneTyp(k.Kommune.Typ),
        k.Kreis is { } kreis ? new TermLink(kreis.Key, kreis.Name, site.Urls.Kommune(kreis.Key)) : null,
        k.Kommune.Regierungsbezirk.Length > 0 ? k.Kommune.Regierungsbezirk : null,
        k.Kommune.Einwohner is { } e ? GermanFormat.Number(e) : null,
        k.Members.Select(m => new TermLink(m.Key, m.Name, site.Urls.Kommune(m.Key))).ToList(),
        GermanFormat.Count(k.TotalCount, "Projekt", "Projekte"),
        k.OwnProfiles.Select(p => Card(site, p, "h3")).ToList(),
        k.MemberProfiles.Select(p => Card(site, p, "h3")).ToList(),
        k.AdoptedProfiles.Select(p => Card(site, p, "h3")).ToList(),
        site.Urls.KommunenIndex,
        $"{site.Urls.Home}?{(k.Kommune.IsKreis ? "kreis" : "kommune")}={Uri.EscapeDataString(k.Kommune.Key)}");
}
