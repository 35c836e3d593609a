using System.Reflection;

namespace Transferkatalog.Diagnostics;

/// <summary>Every diagnostic code of the generator, each declared once with its severity and German title.</summary>
/// <remarks>
/// Stages report by name (<c>diagnostics.Error(DiagnosticCodes.UnknownKommune, …)</c>), never with a bare "TK…" string.
/// A new code needs a line here, a row in README's table of diagnostics and a case in the test folder
/// Diagnostics/Cases; DiagnosticCodeTests fails until all three agree. The hundreds group the codes: 00 files and
/// syntax, 01 fields of a profile, 02 registries, 04 theme and output, 05 data quality, 06 placeholders.
/// </remarks>
public static class DiagnosticCodes
{
    // 00: reading files, front matter, YAML and Markdown syntax.
    public static readonly ErrorCode FileUnreadable = new("TK0001", "Datei oder Ordner nicht lesbar");
    public static readonly ErrorCode NotUtf8 = new("TK0002", "Datei nicht UTF-8-kodiert");
    public static readonly ErrorCode RequiredFileMissing = new("TK0003", "Pflichtdatei oder -ordner fehlt");
    public static readonly ErrorCode ControlCharacter = new("TK0004", "unsichtbares Steuerzeichen");
    public static readonly ErrorCode NoOrdinaryFile = new("TK0005", "keine gewöhnliche Datei oder größer als 8 MiB");
    public static readonly ErrorCode FrontMatterMissing = new("TK0010", "Front Matter fehlt");
    public static readonly ErrorCode FrontMatterUnclosed = new("TK0011", "Front Matter wird nicht geschlossen");
    public static readonly ErrorCode InvalidSlug = new("TK0012", "ungültiger Dateiname (Slug)");
    public static readonly ErrorCode DuplicateSlug = new("TK0013", "doppelter Slug");
    public static readonly ErrorCode WrongMarkdownExtension = new("TK0014", "Markdown-Datei mit anderer Endung als .md");
    public static readonly ErrorCode LinkLoop = new("TK0015", "Ordner-Verknüpfung führt im Kreis");
    public static readonly ErrorCode LinkLeavesFolder = new("TK0016", "Verknüpfung führt aus dem Inhalts- oder Theme-Ordner hinaus");
    public static readonly ErrorCode YamlSyntax = new("TK0020", "YAML-Syntaxfehler");
    public static readonly ErrorCode DuplicateKey = new("TK0021", "doppelter Schlüssel");
    public static readonly ErrorCode YamlTooDeep = new("TK0022", "YAML zu tief verschachtelt");
    public static readonly ErrorCode YamlAlias = new("TK0023", "YAML-Verweis ohne Anker, im Kreis oder zu groß");
    public static readonly ErrorCode MarkdownTooDeep = new("TK0024", "Markdown-Text zu tief verschachtelt");
    public static readonly ErrorCode InternalError = new("TK0099", "Datei konnte nicht ausgewertet werden (interner Fehler)");

    // 01: fields of a profile, page or site.yml.
    public static readonly ErrorCode RequiredFieldMissing = new("TK0101", "Pflichtfeld fehlt oder leer");
    public static readonly ErrorCode UnknownKey = new("TK0102", "unbekannter Schlüssel");
    public static readonly ErrorCode UnknownHandlungsfeld = new("TK0103", "unbekanntes Handlungsfeld");
    public static readonly ErrorCode UnknownKommune = new("TK0104", "unbekannte Kommune");
    public static readonly ErrorCode FederfuehrungNotAmongKommunen = new("TK0105", "Federführung steht nicht unter den Kommunen");
    public static readonly ErrorCode InvalidValue = new("TK0106", "ungültiger Wert");
    public static readonly ErrorCode InvalidDate = new("TK0107", "ungültiges Datum");
    public static readonly ErrorCode TextEmptyOrTooLong = new("TK0108", "Text leer oder zu lang");
    public static readonly ErrorCode InvalidEmail = new("TK0109", "ungültige E-Mail-Adresse");
    public static readonly ErrorCode InvalidUrl = new("TK0110", "ungültige Adresse");
    public static readonly ErrorCode UrlNotHttp = new("TK0111", "Adresse mit anderem Schema als http(s)");
    public static readonly ErrorCode WrongType = new("TK0112", "falscher Typ");
    public static readonly ErrorCode NumberOutOfRange = new("TK0113", "Zahl außerhalb des Bereichs");
    public static readonly ErrorCode EmptyList = new("TK0114", "leere Liste");
    public static readonly ErrorCode DuplicateListEntry = new("TK0115", "doppelter Listeneintrag");
    public static readonly ErrorCode InvalidPhone = new("TK0116", "ungültige Telefonnummer");
    public static readonly ErrorCode ListSeparatorInEntry = new("TK0117", "Listeneintrag enthält das CSV-Trennzeichen");
    public static readonly WarningCode ContactUnreachable = new("TK0118", "Kontakt ohne E-Mail, Telefon und Webseite");
    public static readonly WarningCode UnsafeMarkdownLink = new("TK0120", "Link im Markdown-Text mit unzulässiger oder ohne Adresse");
    public static readonly ErrorCode UnknownRelatedProfile = new("TK0130", "unbekannter oder eigener Steckbrief in 'verwandt'");

    // 02: kommunen.yml and handlungsfelder.yml.
    public static readonly ErrorCode UnknownKreis = new("TK0201", "unbekannter Kreis");
    public static readonly ErrorCode KreisMissing = new("TK0202", "Kreis fehlt");
    public static readonly ErrorCode KreisNotAllowed = new("TK0203", "überflüssiger Kreis");
    public static readonly ErrorCode InvalidRegistryKey = new("TK0204", "ungültiger Schlüssel im Register");
    public static readonly ErrorCode RegistryNotAMapping = new("TK0205", "Register ist leer oder keine Zuordnung");
    public static readonly ErrorCode InvalidAgs = new("TK0206", "ungültiger Amtlicher Gemeindeschlüssel");
    public static readonly ErrorCode AgsOutsideKreis = new("TK0207", "Gemeindeschlüssel beginnt nicht mit dem des Kreises");
    public static readonly ErrorCode DuplicateAgs = new("TK0208", "Gemeindeschlüssel doppelt vergeben");

    // 04: theme, generated pages and the output folder.
    public static readonly ErrorCode BrokenLink = new("TK0401", "Verweis führt ins Leere oder lädt von fremdem Server");
    public static readonly ErrorCode TemplateError = new("TK0402", "Fehler in einer Theme-Vorlage");
    public static readonly ErrorCode ThemeMissing = new("TK0403", "Theme-Ordner oder -Vorlage fehlt");
    public static readonly ErrorCode OutputNotWritable = new("TK0404", "Ausgabe nicht schreibbar");
    public static readonly ErrorCode OutputFolderRefused = new("TK0405", "Ausgabeordner wird nicht ersetzt");

    // 05: data quality; the site is still built.
    public static readonly WarningCode StaleProfile = new("TK0501", "Steckbrief lange nicht überprüft");
    public static readonly WarningCode SimilarProfile = new("TK0502", "Steckbrief ähnelt einem anderen");
    public static readonly WarningCode PartnersucheExpired = new("TK0503", "Partnersuche abgelaufen");

    // 06: placeholders still to be filled in.
    public static readonly ErrorCode PlaceholderNotReplaced = new("TK0601", "Platzhalter aus 'new' nicht ersetzt");
    public static readonly WarningCode PagePlaceholder = new("TK0602", "Platzhalter in eckigen Klammern in einer Seite");

    /// <summary>All codes above, in the order of their codes.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => typeof(DiagnosticCode).IsAssignableFrom(f.FieldType))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Id, StringComparer.Ordinal)
        .ToList();
}
