using System.Globalization;
using Transferkatalog.Content;
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

/// <summary>
/// One datum of a profile in the exports: its member in katalog.json (when <see cref="Json"/> is set) and its columns
/// in katalog.csv, katalog.xlsx and the CSV's description (when <see cref="Columns"/> has any).
/// </summary>
public sealed record ExportField(string Key, Func<Site, ProfileEntry, object?>? Json, IReadOnlyList<TableColumn> Columns);

/// <summary>
/// What the exports say about each profile, in one table: JSON members in the order of <see cref="Fields"/>, CSV and
/// spreadsheet columns in the same order. A new front-matter field is one entry here for all exports.
/// </summary>
public static class CatalogTable
{
    private static string Join(IEnumerable<string?> values) => string.Join(ContentSchema.ListSeparator, values.OfType<string>());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static ExportField Field(string key, Func<Site, ProfileEntry, object?> json, params IReadOnlyList<TableColumn> columns) => new(key, json, columns);

    private static ExportField JsonOnly(string key, Func<Site, ProfileEntry, object?> json) => new(key, json, []);

    private static ExportField CsvOnly(TableColumn column) => new(column.Key, null, [column]);

    public static readonly IReadOnlyList<ExportField> Fields =
    [
        Field("slug", (_, e) => e.Profile.Slug, new TableColumn("slug", "Kurzname", CellKind.Text, (_, e) => e.Profile.Slug, 24)),
        JsonOnly("url", (s, e) => ExportUrls.Absolute(s, e.Url)),
        Field("titel", (_, e) => e.Profile.Titel, new TableColumn("titel", "Titel", CellKind.Text, (_, e) => e.Profile.Titel, 40)),
        Field("kurzbeschreibung", (_, e) => e.Profile.Kurzbeschreibung, new TableColumn("kurzbeschreibung", "Kurzbeschreibung", CellKind.Text, (_, e) => e.Profile.Kurzbeschreibung, 60)),

        // The address is the JSON's second member but the CSV's fourth column; both orders are published, so neither moves.
        CsvOnly(new("url", "Adresse im Katalog", CellKind.Text, (s, e) => ExportUrls.Absolute(s, e.Url), 40)),
        Field(
            "handlungsfelder",
            (_, e) => e.Handlungsfelder.Select(f => Reference(f.Key, f.Name)).ToList(),
            new TableColumn("handlungsfelder", "Handlungsfelder", CellKind.Text, (_, e) => Join(e.Handlungsfelder.Select(f => f.Name)), 30) { IsList = true },
            new TableColumn("handlungsfelder_schluessel", "Handlungsfelder (Schlüssel)", CellKind.Text, (_, e) => Join(e.Profile.Handlungsfelder), 30) { IsList = true }),
        Field(
            "kommunen",
            (_, e) => e.Kommunen.Select(k => Reference(k.Key, k.Name)).ToList(),
            new TableColumn("kommunen", "Kommunen", CellKind.Text, (_, e) => Join(e.Kommunen.Select(k => k.Name)), 40) { IsList = true },
            new TableColumn("kommunen_schluessel", "Kommunen (Schlüssel)", CellKind.Text, (_, e) => Join(e.Profile.Kommunen), 30) { IsList = true },
            new TableColumn("kommunen_ags", "Amtliche Gemeindeschlüssel", CellKind.Text, (_, e) => Join(e.Kommunen.Select(k => k.Ags)), 24) { IsList = true },
            new TableColumn("kreise", "Kreise", CellKind.Text, (_, e) => Join(e.Kreise.Select(k => k.Name)), 30) { IsList = true }),
        Field("federfuehrung", (_, e) => e.Federfuehrung is { } lead ? Reference(lead.Key, lead.Name) : null, new TableColumn("federfuehrung", "Federführung", CellKind.Text, (_, e) => e.Federfuehrung?.Name, 24)),
        Field("status", (_, e) => e.Profile.Status, new TableColumn("status", "Status", CellKind.Text, (_, e) => e.Profile.Status, 14)),
        Field("seit", (_, e) => e.Profile.Seit, new TableColumn("seit", "Seit", CellKind.Number, (_, e) => Number(e.Profile.Seit), 8)),
        Field("stichworte", (_, e) => e.Profile.Stichworte, new TableColumn("stichworte", "Stichworte", CellKind.Text, (_, e) => Join(e.Profile.Stichworte), 40) { IsList = true }),
        Field("beteiligte", (_, e) => e.Profile.Beteiligte, new TableColumn("beteiligte", "Beteiligte", CellKind.Text, (_, e) => Join(e.Profile.Beteiligte), 40) { IsList = true }),
        Field("rechtsform", (_, e) => e.Profile.Rechtsform, new TableColumn("rechtsform", "Rechtsform", CellKind.Text, (_, e) => e.Profile.Rechtsform, 24)),
        Field("finanzierung", (_, e) => e.Profile.Finanzierung, new TableColumn("finanzierung", "Finanzierung", CellKind.Text, (_, e) => e.Profile.Finanzierung, 40)),
        Field(
            "foerderung",
            (_, e) => e.Profile.Foerderung is { } f ? new Dictionary<string, object?> { ["programm"] = f.Programm, ["betrag_eur"] = f.BetragEur, ["zeitraum"] = f.Zeitraum } : null,
            new TableColumn("foerderprogramm", "Förderprogramm", CellKind.Text, (_, e) => e.Profile.Foerderung?.Programm, 30),
            new TableColumn("foerderbetrag_eur", "Fördersumme (Euro)", CellKind.Number, (_, e) => e.Profile.Foerderung?.BetragEur?.ToString(CultureInfo.InvariantCulture), 14),
            new TableColumn("foerderzeitraum", "Förderzeitraum", CellKind.Text, (_, e) => e.Profile.Foerderung?.Zeitraum, 16)),
        Field(
            "kontakt",
            (_, e) => new Dictionary<string, object?>
            {
                ["organisation"] = e.Profile.Kontakt.Organisation,
                ["name"] = e.Profile.Kontakt.Name,
                ["email"] = e.Profile.Kontakt.Email,
                ["telefon"] = e.Profile.Kontakt.Telefon,
                ["url"] = e.Profile.Kontakt.Url,
            },
            new TableColumn("kontakt_organisation", "Kontakt: Stelle", CellKind.Text, (_, e) => e.Profile.Kontakt.Organisation, 36),
            new TableColumn("kontakt_name", "Kontakt: Name", CellKind.Text, (_, e) => e.Profile.Kontakt.Name, 20),
            new TableColumn("kontakt_email", "Kontakt: E-Mail", CellKind.Text, (_, e) => e.Profile.Kontakt.Email, 28),
            new TableColumn("kontakt_telefon", "Kontakt: Telefon", CellKind.Text, (_, e) => e.Profile.Kontakt.Telefon, 18),
            new TableColumn("kontakt_url", "Kontakt: Webseite", CellKind.Text, (_, e) => e.Profile.Kontakt.Url, 32)),

        // Several titled addresses do not fit a cell; the CSV leaves them to the JSON and the profile page.
        JsonOnly("links", (_, e) => e.Profile.Links.Select(l => new Dictionary<string, object?> { ["titel"] = l.Titel, ["url"] = l.Url }).ToList()),
        Field(
            "transfer",
            (_, e) => e.Profile.Transfer is { } t ? new Dictionary<string, object?> { ["uebertragbarkeit"] = t.Uebertragbarkeit, ["aufwand"] = t.Aufwand, ["voraussetzungen"] = t.Voraussetzungen } : null,
            new TableColumn("uebertragbarkeit", "Übertragbarkeit", CellKind.Text, (_, e) => e.Profile.Transfer?.Uebertragbarkeit, 14),
            new TableColumn("aufwand", "Aufwand", CellKind.Text, (_, e) => e.Profile.Transfer?.Aufwand, 40),
            new TableColumn("voraussetzungen", "Voraussetzungen", CellKind.Text, (_, e) => e.Profile.Transfer?.Voraussetzungen, 40)),
        Field(
            "nachnutzung",
            (_, e) => e.Nachnutzer.Select(n => new Dictionary<string, object?>
            {
                ["kommune"] = Reference(n.Kommune.Key, n.Kommune.Name),
                ["seit"] = n.Entry.Seit,
                ["hinweis"] = n.Entry.Hinweis,
            }).ToList(),
            new TableColumn("nachnutzung", "Nachnutzung durch", CellKind.Text, (_, e) => Join(e.Nachnutzer.Select(n => n.Kommune.Name)), 30) { IsList = true },
            new TableColumn("nachnutzung_anzahl", "Zahl der Nachnutzer", CellKind.Number, (_, e) => Number(e.Nachnutzer.Count), 10)),
        Field(
            "sucht",
            (s, e) => OpenSearch(s, e) is { } sucht
                ? new Dictionary<string, object?> { ["wen"] = CatalogFilters.OpenSucht(s, e), ["anliegen"] = sucht.Hinweis, ["bis"] = Date(sucht.Bis) }
                : null,
            new TableColumn("sucht_wen", "Partnersuche: gesucht", CellKind.Text, (s, e) => Join(CatalogFilters.OpenSucht(s, e)), 16) { IsList = true },
            new TableColumn("sucht_anliegen", "Partnersuche: Anliegen", CellKind.Text, (s, e) => OpenSearch(s, e)?.Hinweis, 40),
            new TableColumn("sucht_bis", "Partnersuche: gilt bis", CellKind.Date, (s, e) => OpenSearch(s, e) is { } sucht ? Date(sucht.Bis) : null, 14)),
        Field(
            "verwandt",
            (s, e) => Verwandt(s, e).Select(v => new Dictionary<string, object?>
            {
                ["slug"] = v.Profile.Slug,
                ["titel"] = v.Profile.Titel,
                ["url"] = ExportUrls.Absolute(s, v.Url),
            }).ToList(),
            new TableColumn("verwandt", "Verwandte Projekte (Kurznamen)", CellKind.Text, (s, e) => Join(Verwandt(s, e).Select(v => v.Profile.Slug)), 30) { IsList = true }),
        Field("aktualisiert", (_, e) => Date(e.Profile.Aktualisiert), new TableColumn("aktualisiert", "Zuletzt geprüft", CellKind.Date, (_, e) => Date(e.Profile.Aktualisiert), 14)),
    ];

    /// <summary>The columns of the CSV and the spreadsheet, so both always carry the same data.</summary>
    public static readonly IReadOnlyList<TableColumn> Columns = Fields.SelectMany(f => f.Columns).ToList();

    /// <summary>A profile's record in katalog.json: the members of <see cref="Fields"/> that have one, in order.</summary>
    public static Dictionary<string, object?> JsonRecord(Site site, ProfileEntry entry)
    {
        var record = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (field.Json is { } value)
            {
                record.Add(field.Key, value(site, entry));
            }
        }

        return record;
    }

    /// <summary>
    /// A Kommune or Handlungsfeld where a profile names it: key and name. The rest (type, AGS, Kreis, page) is in the
    /// registers at the top of katalog.json, once: repeated in every profile it was 40 % of the file.
    /// </summary>
    public static Dictionary<string, object?> Reference(string key, string name) => new()
    {
        ["schluessel"] = key,
        ["name"] = name,
    };

    /// <summary>A Kommune in the register of katalog.json: key, name, type, AGS, its Kreis's name and its page.</summary>
    public static Dictionary<string, object?> KommuneObject(Site site, Kommune k) => new()
    {
        ["schluessel"] = k.Key,
        ["name"] = k.Name,
        ["typ"] = k.Typ,
        ["ags"] = k.Ags,
        ["kreis"] = k.Kreis is { } kreis && KommunenByKey.GetValue(site, ByKey).TryGetValue(kreis, out var kr) ? kr.Name : null,
        ["url"] = ExportUrls.Absolute(site, site.Urls.Kommune(k.Key)),
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Site, Dictionary<string, Kommune>> KommunenByKey = new();

    private static Dictionary<string, Kommune> ByKey(Site site) => site.Kommunen.ToDictionary(k => k.Kommune.Key, k => k.Kommune, StringComparer.Ordinal);

    /// <summary>The profile's partner search while it runs on the build's reference date; an expired one is hidden from the site and so from its data.</summary>
    public static Partnersuche? OpenSearch(Site site, ProfileEntry entry) =>
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
