using System.Globalization;
using Transferkatalog.Schema;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Exports;

/// <summary>How a spreadsheet should store a column's values.</summary>
public enum CellKind
{
    Text,
    Number,
    Date,
}

/// <summary>One column of the tabular exports: machine name (CSV header), German label (spreadsheet header), kind and value.</summary>
public sealed record TableColumn(string Key, string Label, CellKind Kind, Func<Site, ProfileEntry, string?> Value, double Width = 18)
{
    /// <summary>Whether the cell lists several values separated by <see cref="ContentSchema.ListSeparator"/>.</summary>
    public bool IsList { get; init; }
}

/// <summary>The columns the CSV and the spreadsheet share, so both exports always carry the same data as the profile pages.</summary>
public static class CatalogTable
{
    private static string Join(IEnumerable<string?> values) => string.Join(ContentSchema.ListSeparator, values.OfType<string>());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("slug", "Kurzname", CellKind.Text, (_, e) => e.Profile.Slug, 24),
        new("titel", "Titel", CellKind.Text, (_, e) => e.Profile.Titel, 40),
        new("kurzbeschreibung", "Kurzbeschreibung", CellKind.Text, (_, e) => e.Profile.Kurzbeschreibung, 60),
        new("url", "Adresse im Katalog", CellKind.Text, (s, e) => ExportUrls.Absolute(s, e.Url), 40),
        new("handlungsfelder", "Handlungsfelder", CellKind.Text, (_, e) => Join(e.Handlungsfelder.Select(f => f.Name)), 30) { IsList = true },
        new("handlungsfelder_schluessel", "Handlungsfelder (Schlüssel)", CellKind.Text, (_, e) => Join(e.Profile.Handlungsfelder), 30) { IsList = true },
        new("kommunen", "Kommunen", CellKind.Text, (_, e) => Join(e.Kommunen.Select(k => k.Name)), 40) { IsList = true },
        new("kommunen_schluessel", "Kommunen (Schlüssel)", CellKind.Text, (_, e) => Join(e.Profile.Kommunen), 30) { IsList = true },
        new("kommunen_ags", "Amtliche Gemeindeschlüssel", CellKind.Text, (_, e) => Join(e.Kommunen.Select(k => k.Ags)), 24) { IsList = true },
        new("kreise", "Kreise", CellKind.Text, (_, e) => Join(e.Kreise.Select(k => k.Name)), 30) { IsList = true },
        new("federfuehrung", "Federführung", CellKind.Text, (_, e) => e.Federfuehrung?.Name, 24),
        new("status", "Status", CellKind.Text, (_, e) => e.Profile.Status, 14),
        new("seit", "Seit", CellKind.Number, (_, e) => e.Profile.Seit?.ToString(CultureInfo.InvariantCulture), 8),
        new("stichworte", "Stichworte", CellKind.Text, (_, e) => Join(e.Profile.Stichworte), 40) { IsList = true },
        new("beteiligte", "Beteiligte", CellKind.Text, (_, e) => Join(e.Profile.Beteiligte), 40) { IsList = true },
        new("rechtsform", "Rechtsform", CellKind.Text, (_, e) => e.Profile.Rechtsform, 24),
        new("finanzierung", "Finanzierung", CellKind.Text, (_, e) => e.Profile.Finanzierung, 40),
        new("foerderprogramm", "Förderprogramm", CellKind.Text, (_, e) => e.Profile.Foerderung?.Programm, 30),
        new("foerderbetrag_eur", "Fördersumme (Euro)", CellKind.Number, (_, e) => e.Profile.Foerderung?.BetragEur?.ToString(CultureInfo.InvariantCulture), 14),
        new("foerderzeitraum", "Förderzeitraum", CellKind.Text, (_, e) => e.Profile.Foerderung?.Zeitraum, 16),
        new("kontakt_organisation", "Kontakt: Stelle", CellKind.Text, (_, e) => e.Profile.Kontakt.Organisation, 36),
        new("kontakt_name", "Kontakt: Name", CellKind.Text, (_, e) => e.Profile.Kontakt.Name, 20),
        new("kontakt_email", "Kontakt: E-Mail", CellKind.Text, (_, e) => e.Profile.Kontakt.Email, 28),
        new("kontakt_telefon", "Kontakt: Telefon", CellKind.Text, (_, e) => e.Profile.Kontakt.Telefon, 18),
        new("kontakt_url", "Kontakt: Webseite", CellKind.Text, (_, e) => e.Profile.Kontakt.Url, 32),
        new("uebertragbarkeit", "Übertragbarkeit", CellKind.Text, (_, e) => e.Profile.Transfer?.Uebertragbarkeit, 14),
        new("aufwand", "Aufwand", CellKind.Text, (_, e) => e.Profile.Transfer?.Aufwand, 40),
        new("voraussetzungen", "Voraussetzungen", CellKind.Text, (_, e) => e.Profile.Transfer?.Voraussetzungen, 40),
        new("nachnutzung", "Nachnutzung durch", CellKind.Text, (_, e) => Join(e.Nachnutzer.Select(n => n.Kommune.Name)), 30) { IsList = true },
        new("nachnutzung_anzahl", "Zahl der Nachnutzer", CellKind.Number, (_, e) => e.Nachnutzer.Count.ToString(CultureInfo.InvariantCulture), 10),
        new("sucht_wen", "Partnersuche: gesucht", CellKind.Text, (s, e) => Join(Search.CatalogDataBuilder.OpenSucht(s, e)), 16) { IsList = true },
        new("sucht_anliegen", "Partnersuche: Anliegen", CellKind.Text, (s, e) => OpenSearch(s, e)?.Hinweis, 40),
        new("sucht_bis", "Partnersuche: gilt bis", CellKind.Date, (s, e) => OpenSearch(s, e) is { } sucht ? Date(sucht.Bis) : null, 14),
        new("verwandt", "Verwandte Projekte (Kurznamen)", CellKind.Text, (s, e) => Join(Verwandt(s, e).Select(v => v.Profile.Slug)), 30) { IsList = true },
        new("aktualisiert", "Zuletzt geprüft", CellKind.Date, (_, e) => Date(e.Profile.Aktualisiert), 14),
    ];

    /// <summary>The profile's partner search while it runs on the build's reference date; an expired one is hidden from the site and so from its data.</summary>
    public static Content.Partnersuche? OpenSearch(Site site, ProfileEntry entry) =>
        entry.Profile.Sucht is { } sucht && sucht.IsOpen(site.ReferenceDate) ? sucht : null;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Site, Dictionary<ProfileEntry, IReadOnlyList<ProfileEntry>>> Relations = new();

    /// <summary>The profiles deliberately related to this one (verwandt, written in either file, as the profile pages show them), in slug order.</summary>
    public static IReadOnlyList<ProfileEntry> Verwandt(Site site, ProfileEntry entry) =>
        Relations.GetValue(site, BuildRelations).GetValueOrDefault(entry) ?? [];

    // Once per site, not per row: resolving relations needs every profile.
    private static Dictionary<ProfileEntry, IReadOnlyList<ProfileEntry>> BuildRelations(Site site)
    {
        var both = Validation.RelationCheck.BothWays(site.Profiles.Select(p => p.Profile).ToList());
        var result = new Dictionary<ProfileEntry, IReadOnlyList<ProfileEntry>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < site.Profiles.Count; i++)
        {
            if (both[i].Count > 0)
            {
                result[site.Profiles[i]] = both[i].Select(j => site.Profiles[j]).OrderBy(p => p.Profile.Slug, StringComparer.Ordinal).ToList();
            }
        }

        return result;
    }

    /// <summary>The profiles in slug order, the order of every export.</summary>
    public static IEnumerable<ProfileEntry> Rows(Site site) => site.Profiles.OrderBy(p => p.Profile.Slug, StringComparer.Ordinal);

    /// <summary>The newest review date of any profile: the data's "modified" date, taken from content, never from the clock.</summary>
    public static DateOnly Modified(Site site) => site.Profiles.Count == 0 ? new DateOnly(2000, 1, 1) : site.Profiles.Max(p => p.Profile.Aktualisiert);

    /// <summary>Who the licence's attribution names: the operator from site.yml, else the catalogue's title.</summary>
    public static string Attribution(Site site) => site.Config.Betreiber ?? site.Config.Titel;
}
