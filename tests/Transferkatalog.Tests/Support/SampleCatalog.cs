using System.Text;

namespace Transferkatalog.Tests.Support;

/// <summary>A small, valid catalogue written into a temp folder, which each test may then break in its own way.</summary>
public sealed class SampleCatalog : IDisposable
{
    public SampleCatalog()
    {
        Root = Path.Combine(Path.GetTempPath(), "tk-test-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        Output = Path.Combine(Root, "_site");
        Directory.CreateDirectory(Path.Combine(Content, "projekte"));
        Directory.CreateDirectory(Path.Combine(Content, "seiten"));
        Write("site.yml", SiteYml);
        Write("handlungsfelder.yml", HandlungsfelderYml);
        Write("kommunen.yml", KommunenYml);
        Write("projekte/gemeinsames-rechenzentrum.md", RechenzentrumMd);
        Write("projekte/dorfladen-app.md", DorfladenMd);
        Write("projekte/lorawan-netz.md", LorawanMd);
        Write("seiten/impressum.md", "---\ntitel: Impressum\n---\nAngaben gemäß § 5 DDG.\n");
    }

    public string Root { get; }

    public string Content { get; }

    public string Output { get; }

    public const string SiteYml = """
        titel: Testkatalog
        beschreibung: Kooperationsprojekte zum Testen
        basis_url: https://org.github.io/transferkatalog/
        sprache: de
        """;

    public const string HandlungsfelderYml = """
        verwaltung:
          name: Verwaltung
          beschreibung: Digitale Dienste der Verwaltung.
        versorgung:
          name: Versorgung
          beschreibung: Einkaufen und Versorgung auf dem Land.
        infrastruktur:
          name: Infrastruktur
          beschreibung: Netze und Sensoren.
        """;

    public const string KommunenYml = """
        kreis-hoexter:
          name: Kreis Höxter
          typ: kreis
          regierungsbezirk: Detmold
          land: Nordrhein-Westfalen
        brakel:
          name: Brakel
          typ: stadt
          kreis: kreis-hoexter
          regierungsbezirk: Detmold
          land: Nordrhein-Westfalen
        nieheim:
          name: Nieheim
          typ: stadt
          kreis: kreis-hoexter
          regierungsbezirk: Detmold
          land: Nordrhein-Westfalen
        bielefeld:
          name: Bielefeld
          typ: kreisfreie-stadt
          regierungsbezirk: Detmold
          land: Nordrhein-Westfalen
          einwohner: 330000
        """;

    public const string RechenzentrumMd = """
        ---
        titel: Gemeinsames Rechenzentrum
        kurzbeschreibung: Kreis und Städte betreiben ihre Fachverfahren in einem gemeinsamen Rechenzentrum.
        handlungsfelder: [verwaltung, infrastruktur]
        kommunen: [kreis-hoexter, brakel]
        federfuehrung: kreis-hoexter
        status: laufend
        seit: 2021
        stichworte: [Rechenzentrum, IT-Sicherheit]
        rechtsform: öffentlich-rechtliche Vereinbarung
        foerderung:
          programm: Digitale Modellregionen
          betrag_eur: 1250000
          zeitraum: 2021–2023
        kontakt:
          organisation: Kreis Höxter, Stabsstelle Digitalisierung
          email: digital@kreis-hoexter.de
          telefon: 05271 965-0
        links:
          - titel: Kreis Höxter
            url: https://www.kreis-hoexter.de/
        transfer:
          uebertragbarkeit: hoch
          aufwand: Zwei Stellen für zwei Jahre
          voraussetzungen: Ratsbeschluss aller Beteiligten
        aktualisiert: 2026-10-01
        ---
        ## Anlass

        Jede Stadt betrieb eigene Server.

        ## Ziel

        Ein Rechenzentrum für alle.
        """;

    public const string DorfladenMd = """
        ---
        titel: Dorfladen-App
        kurzbeschreibung: Eine App bündelt die Angebote der Dorfläden in Nieheim.
        handlungsfelder: [versorgung]
        kommunen: [nieheim]
        status: geplant
        kontakt:
          url: https://www.nieheim.de/
          organisation: Stadt Nieheim
        aktualisiert: 2026-09-15
        ---
        ## Anlass

        Müll, Läden und Öffnungszeiten.
        """;

    public const string LorawanMd = """
        ---
        titel: LoRaWAN-Netz
        kurzbeschreibung: Ein Funknetz für Sensoren in Bielefeld.
        handlungsfelder: [infrastruktur]
        kommunen: [bielefeld]
        status: abgeschlossen
        kontakt:
          organisation: Stadt Bielefeld
          url: https://www.bielefeld.de/
        aktualisiert: 2026-01-10
        ---
        Text.
        """;

    public string PathOf(string relative) => Path.Combine(Content, relative);

    public void Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Replaces text in a content file, failing loudly if the text is absent so a test cannot silently test nothing.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = File.ReadAllText(PathOf(relative));
        Assert.Contains(oldText, text);
        Write(relative, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Temp folders are cleaned by the OS eventually; a failed cleanup must not fail a test.
        }
    }
}
