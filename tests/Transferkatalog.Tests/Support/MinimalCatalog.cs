namespace Transferkatalog.Tests.Support;

/// <summary>The texts of the smallest valid catalogue (three profiles, four Kommunen), which <see cref="TestCatalog.Minimal"/> writes.</summary>
public static class MinimalCatalog
{
    public const string ImpressumMd = "---\ntitel: Impressum\n---\nAngaben gemäß § 5 DDG.\n";

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
}
