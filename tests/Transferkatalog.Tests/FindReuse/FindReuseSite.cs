using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>A small catalogue with umlauts, adopters and a hostile title, for the find-and-reuse tests to build for real.</summary>
public static class FindReuseSite
{
    public const string BaseUrl = "https://org.github.io/transferkatalog/";

    /// <summary>The catalogue in a fresh temp folder; a test may change it further before it builds.</summary>
    public static TestCatalog Create() => TestCatalog.Empty("tk-findreuse")
        .Write("site.yml", $"titel: Testkatalog\nbeschreibung: Kooperationsprojekte zum Testen\nbasis_url: {BaseUrl}\nsprache: de\nbetreiber: Digitalbüro Test\n")
        .Write("handlungsfelder.yml", """
            verwaltung:
              name: Verwaltung
              beschreibung: Digitale Dienste der Verwaltung.
            versorgung:
              name: Versorgung
              beschreibung: Einkaufen und Versorgung auf dem Land.
            umwelt:
              name: Umwelt
              beschreibung: Abfall, Wasser, Klima.
            """)
        .Write("kommunen.yml", """
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
            kreis-lippe:
              name: Kreis Lippe
              typ: kreis
              regierungsbezirk: Detmold
              land: Nordrhein-Westfalen
            detmold:
              name: Detmold
              typ: stadt
              kreis: kreis-lippe
              regierungsbezirk: Detmold
              land: Nordrhein-Westfalen
            bielefeld:
              name: Bielefeld
              typ: kreisfreie-stadt
              regierungsbezirk: Detmold
              land: Nordrhein-Westfalen
            """)
        .Write("projekte/abfall-app.md", """
            ---
            titel: Abfall-App für den Kreis
            kurzbeschreibung: "Termine der Müllabfuhr, Wertstoffhöfe und Sperrmüll: eine App für alle Städte im Kreis."
            handlungsfelder: [umwelt, verwaltung]
            kommunen: [kreis-hoexter, brakel]
            federfuehrung: kreis-hoexter
            status: laufend
            seit: 2021
            stichworte: [Müll, Abfallkalender]
            kontakt:
              organisation: Kreis Höxter, Abfallberatung
              email: abfall@kreis-hoexter.de
              telefon: "05271 965-0"
            nachnutzung:
              - kommune: detmold
                seit: 2024
                hinweis: "Kalender übernommen, eigene Touren"
              - kommune: bielefeld
            aktualisiert: 2026-10-01
            ---
            ## Anlass

            Die Bürgerinnen und Bürger fragten ständig nach Abholterminen.
            """)
        .Write("projekte/dorfladen-netz.md", """
            ---
            titel: Dorfladen-Netz Nieheim
            kurzbeschreibung: "Drei Dorfläden teilen Lager, Kasse und Lieferdienst; dazu ein Bring-Service für Ältere."
            handlungsfelder: [versorgung]
            kommunen: [nieheim]
            status: geplant
            stichworte: [Nahversorgung, Dorfladen]
            beteiligte: ["Genossenschaft \"Unser Laden\" eG, Nieheim"]
            kontakt:
              organisation: Stadt Nieheim
            aktualisiert: 2026-09-15
            ---
            ## Anlass

            Der letzte Supermarkt schloss; die Wege wurden lang.
            """)
        .Write("projekte/lorawan-sensoren.md", """
            ---
            titel: LoRaWAN-Sensoren für Straßen und Wasser
            kurzbeschreibung: Ein gemeinsames LoRaWAN misst Pegel, Glätte und Füllstände von Glascontainern.
            handlungsfelder: [umwelt]
            kommunen: [brakel, nieheim]
            status: laufend
            stichworte: [LoRaWAN, Sensoren]
            kontakt:
              organisation: Stadtwerke Brakel
            aktualisiert: 2026-11-01
            ---
            ## Umsetzung

            Die Sensoren melden den Füllstand; die MUELLABFUHR fährt nur volle Container an.
            """)
        .Write("projekte/ratsinformation.md", """
            ---
            titel: "Ratsinformation </script><script>alert(1)</script> gemeinsam"
            kurzbeschreibung: Ein Ratsinformationssystem für Kreis und Städte, betrieben vom Kreis.
            handlungsfelder: [verwaltung]
            kommunen: [kreis-lippe, detmold]
            status: abgeschlossen
            stichworte: [Ratsinformation]
            kontakt:
              organisation: Kreis Lippe
            aktualisiert: 2026-08-01
            ---
            Sitzungen, Vorlagen und Beschlüsse an einem Ort.
            """)
        .Write("seiten/impressum.md", "---\ntitel: Impressum\n---\nAngaben gemäß § 5 DDG.\n");
}
