namespace Transferkatalog.Schema;

/// <summary>The pinned content format: every YAML document the catalogue reads, described once.</summary>
public static class ContentSchema
{
    public static readonly IReadOnlyList<string> StatusValues = ["geplant", "laufend", "abgeschlossen", "eingestellt"];

    public static readonly IReadOnlyList<string> KommuneTypes = ["kreis", "kreisfreie-stadt", "stadt", "gemeinde"];

    public static readonly IReadOnlyList<string> TransferLevels = ["hoch", "mittel", "gering"];

    public const int SummaryMaxLength = 300;

    /// <summary>Whom a profile's partner search looks for (sucht.wen).</summary>
    public static readonly IReadOnlyList<string> SearchTargets = ["partner", "nachnutzer"];

    /// <summary>Telephone numbers: digits, spaces, + at the start, / - – and brackets, at least five digits.</summary>
    /// <remarks>Written in the common subset of .NET and ECMAScript regex, so the validator and the JSON Schema use the very same text.</remarks>
    public const string PhonePattern = @"^(?=(?:[^0-9]*[0-9]){5})\+?[0-9 ()/\-–]+$";

    private static FieldSpec Str(string name, bool required, string description, int? max = null) =>
        new(name, FieldKind.String, required, description) { MinLength = 1, MaxLength = max };

    /// <summary>E-mail addresses for the JSON Schema: letters, digits and . _ + - before the @, domain labels of letters, digits and hyphens, a top-level domain of letters.</summary>
    /// <remarks>
    /// The validator's own rule (SchemaValidator) accepts letters of every script; editors evaluate patterns as ECMAScript,
    /// where \p{L} needs a flag not every editor sets, so "letters" here are ASCII and Latin-1. Both reject '%', '?', '&amp;',
    /// '#' and '/', which could add hidden recipients to a mailto: link.
    /// </remarks>
    public const string EmailPattern = @"^[A-Za-z0-9À-ÖØ-öø-ÿ._+\-]+@(?:[A-Za-z0-9À-ÖØ-öø-ÿ](?:[A-Za-z0-9À-ÖØ-öø-ÿ\-]*[A-Za-z0-9À-ÖØ-öø-ÿ])?\.)+[A-Za-zÀ-ÖØ-öø-ÿ]{2,}$";

    /// <summary>Separator the CSV export puts between the values of a list in one cell; a value must not contain it.</summary>
    public const string ListSeparator = "; ";

    /// <summary>Amtlicher Gemeindeschlüssel: 8 digits for a Gemeinde, Stadt or kreisfreie Stadt, 5 for a Kreis (Land, Regierungsbezirk, Kreis).</summary>
    public const string AgsPattern = "^[0-9]{8}$";

    public const string KreisAgsPattern = "^[0-9]{5}$";

    private static FieldSpec StrList(string name, string description) =>
        new(name, FieldKind.List, false, description) { Item = Str(name, true, description, 200) with { MustNotContain = ListSeparator } };

    /// <summary>Front matter of a profile in content/projekte/.</summary>
    public static readonly FieldSpec Profile = new("projekt", FieldKind.Map, true, "Steckbrief eines Kooperationsprojekts")
    {
        Fields =
        [
            Str("titel", true, "Titel des Projekts", 200) with { Example = "\"Gemeinsames Rechenzentrum\"" },
            Str("kurzbeschreibung", true, "Ein bis drei Sätze, höchstens 300 Zeichen; erscheint auf der Karte und als Seitenbeschreibung", SummaryMaxLength) with { Example = "\"Kreis und Städte betreiben ihre Fachverfahren in einem gemeinsamen Rechenzentrum.\"" },
            new("handlungsfelder", FieldKind.List, true, "Ein oder mehrere Schlüssel aus handlungsfelder.yml")
            {
                MinItems = 1,
                Item = new FieldSpec("handlungsfeld", FieldKind.Reference, true, "Schlüssel eines Handlungsfelds") { Target = ReferenceTarget.Handlungsfeld },
            },
            new("kommunen", FieldKind.List, true, "Beteiligte Kreise, Städte und Gemeinden: Schlüssel aus kommunen.yml")
            {
                MinItems = 1,
                Item = new FieldSpec("kommune", FieldKind.Reference, true, "Schlüssel einer Kommune") { Target = ReferenceTarget.Kommune },
            },
            new("federfuehrung", FieldKind.Reference, false, "Federführende Kommune; muss unter kommunen stehen") { Target = ReferenceTarget.Kommune },
            new("status", FieldKind.Enum, true, "Stand des Projekts: geplant, laufend, abgeschlossen oder eingestellt") { AllowedValues = StatusValues, Example = "laufend" },
            new("seit", FieldKind.Integer, false, "Jahr, in dem die Zusammenarbeit begann") { Minimum = 1900, Maximum = 2100, Example = "2021" },
            StrList("stichworte", "Freie Stichworte zur Suche"),
            StrList("beteiligte", "Weitere Partner: Hochschulen, Agenturen, Unternehmen"),
            Str("rechtsform", false, "Rechtsform der Zusammenarbeit, z. B. öffentlich-rechtliche Vereinbarung", 200),
            Str("finanzierung", false, "Wie das Projekt finanziert wird (freier Text)", 1000) with { Example = "\"Umlage nach Einwohnerzahl\"" },
            new("foerderung", FieldKind.Map, false, "Förderung aus einem Förderprogramm")
            {
                Fields =
                [
                    Str("programm", true, "Name des Förderprogramms", 300) with { Example = "Digitale Modellregionen NRW" },
                    new("betrag_eur", FieldKind.Number, false, "Fördersumme in Euro") { Minimum = 0, Example = "250000" },
                    Str("zeitraum", false, "Förderzeitraum, z. B. 2021–2025", 100),
                ],
            },
            new("kontakt", FieldKind.Map, true, "Ansprechstelle für Kommunen, die die Lösung übernehmen möchten")
            {
                Fields =
                [
                    Str("organisation", true, "Dienststelle oder Organisation", 300) with { Example = "\"Kreis Höxter, Stabsstelle Digitalisierung\"" },
                    Str("name", false, "Name der Ansprechperson (nur mit deren Einverständnis)", 200),
                    new("email", FieldKind.Email, false, "Dienstliche E-Mail-Adresse") { Example = "digital@kreis-beispiel.de" },
                    new("telefon", FieldKind.Phone, false, "Dienstliche Telefonnummer") { Example = "+49 5271 965-0" },
                    new("url", FieldKind.Url, false, "Kontaktseite der Dienststelle im Web, beginnend mit https://") { Example = "https://www.kreis-hoexter.de/" },
                ],
            },
            new("links", FieldKind.List, false, "Weiterführende Links, nur http und https")
            {
                Item = new FieldSpec("link", FieldKind.Map, true, "Ein Link")
                {
                    Fields =
                    [
                        Str("titel", true, "Beschriftung des Links", 300),
                        new("url", FieldKind.Url, true, "Adresse, beginnend mit https:// oder http://") { Example = "https://www.kreis-hoexter.de/" },
                    ],
                },
            },
            new("transfer", FieldKind.Map, false, "Was eine Kommune zur Übernahme wissen muss")
            {
                Fields =
                [
                    new("uebertragbarkeit", FieldKind.Enum, false, "Übertragbarkeit: hoch, mittel oder gering") { AllowedValues = TransferLevels },
                    Str("aufwand", false, "Aufwand der Übernahme (Personal, Kosten, Zeit)", 1000),
                    Str("voraussetzungen", false, "Voraussetzungen, z. B. Ratsbeschluss, Personal, Förderung", 1000),
                ],
            },
            new("nachnutzung", FieldKind.List, false, "Kommunen, die die Lösung übernommen haben")
            {
                Item = new FieldSpec("nachnutzer", FieldKind.Map, true, "Eine nachnutzende Kommune")
                {
                    Fields =
                    [
                        new("kommune", FieldKind.Reference, true, "Schlüssel der nachnutzenden Kommune") { Target = ReferenceTarget.Kommune },
                        new("seit", FieldKind.Integer, false, "Jahr der Übernahme") { Minimum = 1900, Maximum = 2100 },
                        Str("hinweis", false, "Kurzer Hinweis zur Übernahme", 500),
                    ],
                },
            },
            new("sucht", FieldKind.Map, false, "Partnersuche: Das Projekt sucht Kommunen, die mitmachen (partner) oder die Lösung übernehmen (nachnutzer); erscheint als Hinweis auf Karte und Steckbrief und auf der Seite Partnersuche")
            {
                Fields =
                [
                    new("wen", FieldKind.List, true, "Wen das Projekt sucht: partner, nachnutzer oder beide")
                    {
                        MinItems = 1,
                        Item = new FieldSpec("gesucht", FieldKind.Enum, true, "partner oder nachnutzer") { AllowedValues = SearchTargets, Example = "partner" },
                    },
                    Str("anliegen", true, "Kurz, was gesucht wird und was Interessierte mitbringen sollten", 300) with { Example = "\"Zwei Gemeinden, die ab 2027 das Rechenzentrum mitnutzen\"" },
                    new("bis", FieldKind.Date, true, "Bis wann die Suche gilt, JJJJ-MM-TT; danach erscheint sie nicht mehr, und check warnt") { Example = "2027-06-30" },
                ],
            },
            new("verwandt", FieldKind.List, false, "Steckbriefe, mit denen dieses Projekt bewusst zusammenhängt, z. B. ein Folgeprojekt: Dateinamen ohne .md; erscheint auf beiden Seiten und schaltet die Warnung zu ähnlichen Steckbriefen ab")
            {
                Item = new FieldSpec("steckbrief", FieldKind.Reference, true, "Dateiname eines anderen Steckbriefs ohne .md") { Target = ReferenceTarget.Projekt, Example = "digitale-modellregion-owl" },
            },
            new("aktualisiert", FieldKind.Date, true, "Datum der letzten Überprüfung, JJJJ-MM-TT") { Example = "2025-03-31" },
        ],
    };

    /// <summary>One entry of content/handlungsfelder.yml.</summary>
    public static readonly FieldSpec Handlungsfeld = new("handlungsfeld", FieldKind.Map, true, "Ein Handlungsfeld")
    {
        Fields =
        [
            Str("name", true, "Anzeigename", 100),
            Str("beschreibung", true, "Ein Satz, den Bürgerinnen und Bürger verstehen", 500),
        ],
    };

    /// <summary>One entry of content/kommunen.yml.</summary>
    public static readonly FieldSpec Kommune = new("kommune", FieldKind.Map, true, "Eine Kommune")
    {
        Fields =
        [
            Str("name", true, "Amtlicher Name", 200),
            new("typ", FieldKind.Enum, true, "kreis, kreisfreie-stadt, stadt oder gemeinde") { AllowedValues = KommuneTypes },
            new("kreis", FieldKind.Reference, false, "Schlüssel des Kreises (nur bei stadt und gemeinde)") { Target = ReferenceTarget.Kreis },
            Str("regierungsbezirk", true, "Regierungsbezirk, z. B. Detmold", 100),
            Str("land", true, "Bundesland", 100),
            new("einwohner", FieldKind.Integer, false, "Einwohnerzahl laut Quelle") { Minimum = 0 },
            new("ags", FieldKind.Ags, false, "Amtlicher Gemeindeschlüssel: 8 Ziffern, bei einem Kreis die 5 Ziffern des Kreisschlüssels; in Anführungszeichen, weil er mit 0 beginnt") { Example = "\"05762\"" },
        ],
    };

    /// <summary>content/site.yml.</summary>
    public static readonly FieldSpec Site = new("site", FieldKind.Map, true, "Einstellungen der Website")
    {
        Fields =
        [
            Str("titel", true, "Name der Website", 200),
            Str("beschreibung", true, "Beschreibung der Website", 500),
            new("basis_url", FieldKind.Url, true, "Öffentliche Adresse, z. B. https://org.github.io/transferkatalog/"),
            new("sprache", FieldKind.Enum, true, "Sprache der Oberfläche") { AllowedValues = ["de"] },
            new("veraltet_nach_monaten", FieldKind.Integer, false, "Nach wie vielen Monaten ohne Überprüfung ein Steckbrief als veraltet gilt (Standard 24)") { Minimum = 1, Maximum = 240 },
            Str("betreiber", false, "Betreibende Organisation, erscheint in der Fußzeile", 200),
            new("lizenz", FieldKind.Enum, false, $"Lizenz der offenen Daten aus der Lizenzliste von GovData (Standard {Licences.Default.Id}: {Licences.Default.Name})") { AllowedValues = Licences.Keys, Example = Licences.Default.Id },
            new("redaktion", FieldKind.Map, false, "Web-Editor unter /admin/ (Sveltia CMS): eingeschaltet, sobald dieser Block dasteht")
            {
                Fields =
                [
                    Str("repository", true, "GitHub-Repository des Katalogs als besitzer/name, z. B. kreis-beispiel/transferkatalog", 200) with { Example = "kreis-beispiel/transferkatalog" },
                    Str("branch", false, "Branch, in den der Editor schreibt (Standard main)", 200),
                    new("oauth_url", FieldKind.Url, false, "Adresse eines OAuth-Dienstes für die Anmeldung mit GitHub (z. B. sveltia-cms-auth); ohne ihn melden sich Redakteurinnen mit einem persönlichen Zugriffstoken an"),
                ],
            },
        ],
    };

    /// <summary>Front matter of a plain page in content/seiten/.</summary>
    public static readonly FieldSpec Page = new("seite", FieldKind.Map, true, "Eine einfache Seite")
    {
        Fields =
        [
            Str("titel", true, "Titel der Seite", 200),
            Str("beschreibung", false, "Kurze Beschreibung für Suchmaschinen", 300),
            new("reihenfolge", FieldKind.Integer, false, "Position im Fußbereich; kleinere Zahlen zuerst") { Minimum = 0, Maximum = 1000 },
        ],
    };
}
