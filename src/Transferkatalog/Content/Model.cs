namespace Transferkatalog.Content;

/// <summary>Settings from content/site.yml.</summary>
public sealed record SiteConfig
{
    public required string Titel { get; init; }

    public required string Beschreibung { get; init; }

    public required string BasisUrl { get; init; }

    public required string Sprache { get; init; }

    public required int VeraltetNachMonaten { get; init; }

    /// <summary>Who runs the catalogue (betreiber), named in the footer and as publisher of the open data.</summary>
    public string? Betreiber { get; init; }

    /// <summary>Licence of the open data (lizenz in site.yml, default Datenlizenz Deutschland – Namensnennung 2.0).</summary>
    public Schema.Licence Lizenz { get; init; } = Schema.Licences.Default;

    /// <summary>The web editor's settings (redaktion in site.yml); null when the editor is off.</summary>
    public Redaktion? Redaktion { get; init; }
}

/// <summary>Where the web editor under /admin/ commits: a GitHub repository and branch, and how editors sign in.</summary>
public sealed record Redaktion(string Repository, string Branch, string? OAuthUrl);

/// <summary>A field of action from the controlled vocabulary.</summary>
public sealed record Handlungsfeld(string Key, string Name, string Beschreibung);

/// <summary>A Kreis, kreisfreie Stadt, Stadt or Gemeinde.</summary>
public sealed record Kommune
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required string Typ { get; init; }

    /// <summary>Key of the Kreis a stadt or gemeinde belongs to; null for a Kreis or kreisfreie Stadt.</summary>
    public string? Kreis { get; init; }

    public required string Regierungsbezirk { get; init; }

    public required string Land { get; init; }

    public long? Einwohner { get; init; }

    public bool IsKreis => Typ == "kreis";

    /// <summary>Amtlicher Gemeindeschlüssel (8 digits; 5 for a Kreis), when the registry gives one.</summary>
    public string? Ags { get; init; }
}

/// <summary>Funding from a programme.</summary>
public sealed record Foerderung(string Programm, decimal? BetragEur, string? Zeitraum);

/// <summary>Whom to call about the project.</summary>
public sealed record Kontakt(string Organisation, string? Name, string? Email, string? Telefon)
{
    /// <summary>A contact page on the web, the third way to reach the office besides e-mail and phone.</summary>
    public string? Url { get; init; }

    /// <summary>Whether an interested municipality has any way to reach the office.</summary>
    public bool IsReachable => Email is not null || Telefon is not null || Url is not null;
}

/// <summary>An external link.</summary>
public sealed record Link(string Titel, string Url)
{
    /// <summary>Where the url value stands in the profile, so a broken link is reported there rather than at the output page.</summary>
    public Diagnostics.SourceSpan UrlAt { get; init; }
}

/// <summary>What adopting the solution takes.</summary>
public sealed record Transfer(string? Uebertragbarkeit, string? Aufwand, string? Voraussetzungen);

/// <summary>A municipality that took the solution over.</summary>
public sealed record Nachnutzung(string Kommune, int? Seit, string? Hinweis);

/// <summary>A partner search (sucht): whom the project looks for, a short note, until when, and where 'bis' is written.</summary>
public sealed record Partnersuche(IReadOnlyList<string> Wen, string Hinweis, DateOnly Bis, int BisLine)
{
    /// <summary>Whether the search still runs on the given day (the until-date included).</summary>
    public bool IsOpen(DateOnly day) => Bis >= day;
}

/// <summary>A deliberate relation to another profile (verwandt), with where it is written.</summary>
public sealed record ProfileReference(string Slug, int Line, int Column);

/// <summary>One cooperation project profile (Steckbrief).</summary>
/// <remarks>
/// Named properties, not a positional record: a new front-matter field is one property here and one assignment in the
/// binding (CatalogValidator.ReadProfile). A property is <c>required</c> exactly when its field is required in
/// <see cref="Schema.ContentSchema.Profile"/>, so every profile made in code has what every file must have, and an
/// optional field is absent unless set; FieldCoverageTests checks both and that every field reaches the outputs.
/// </remarks>
public sealed record Profile
{
    /// <summary>File name without .md: the profile's URL segment and its key in exports.</summary>
    public required string Slug { get; init; }

    /// <summary>The file as shown in messages.</summary>
    public required string SourcePath { get; init; }

    public required string Titel { get; init; }

    public required string Kurzbeschreibung { get; init; }

    public required IReadOnlyList<string> Handlungsfelder { get; init; }

    public required IReadOnlyList<string> Kommunen { get; init; }

    public string? Federfuehrung { get; init; }

    public required string Status { get; init; }

    public int? Seit { get; init; }

    public IReadOnlyList<string> Stichworte { get; init; } = [];

    public IReadOnlyList<string> Beteiligte { get; init; } = [];

    public string? Rechtsform { get; init; }

    public string? Finanzierung { get; init; }

    public Foerderung? Foerderung { get; init; }

    public required Kontakt Kontakt { get; init; }

    public IReadOnlyList<Link> Links { get; init; } = [];

    public Transfer? Transfer { get; init; }

    public IReadOnlyList<Nachnutzung> Nachnutzung { get; init; } = [];

    public required DateOnly Aktualisiert { get; init; }

    /// <summary>Line of the aktualisiert key, where staleness warnings point.</summary>
    public required int AktualisiertLine { get; init; }

    // No copy of the Markdown text: ParsedBody holds what a build needs of it, and 10,000 texts held ~70 MiB.

    /// <summary>Line of the file where the body (the Markdown text after the front matter) begins.</summary>
    public required int BodyLine { get; init; }

    /// <summary>The body parsed once, by the validator: HTML, search text and links all come from it.</summary>
    public required SafeMarkdown.MarkdownBody ParsedBody { get; init; }

    /// <summary>Profiles this one is deliberately related to (verwandt), in the order written.</summary>
    public IReadOnlyList<ProfileReference> Verwandt { get; init; } = [];

    /// <summary>The profile's partner search, or null.</summary>
    public Partnersuche? Sucht { get; init; }

    /// <summary>Line of the titel key, where messages about the profile as a whole point.</summary>
    public int TitelLine { get; init; } = 1;
}

/// <summary>A plain page such as Impressum.</summary>
public sealed record Page(string Slug, string SourcePath, string Titel, string? Beschreibung, int Reihenfolge, string Body, int BodyLine)
{
    /// <summary>The body parsed once, by the validator: HTML and links come from it.</summary>
    public required SafeMarkdown.MarkdownBody ParsedBody { get; init; }
}

/// <summary>The validated, reference-checked catalogue: the input to the site model.</summary>
public sealed record Catalog(
    SiteConfig Site,
    IReadOnlyList<Handlungsfeld> Handlungsfelder,
    IReadOnlyList<Kommune> Kommunen,
    IReadOnlyList<Profile> Profiles,
    IReadOnlyList<Page> Pages);
