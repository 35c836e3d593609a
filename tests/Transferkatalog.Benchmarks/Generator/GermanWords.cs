namespace Transferkatalog.Benchmarks.Generator;

/// <summary>Word pools for synthetic but plausible German catalogue text.</summary>
internal static class GermanWords
{
    /// <summary>The real registry's Handlungsfelder, so generated profiles file under familiar fields.</summary>
    public static readonly (string Key, string Name, string Beschreibung, string[] Themen)[] Handlungsfelder =
    [
        ("verwaltung", "Verwaltung und E-Government", "Anträge, Akten und Abläufe im Rathaus und im Kreishaus werden digital, damit Bürgerinnen und Bürger Verwaltungsleistungen einfacher und schneller erhalten.",
            ["Online-Antragsportal", "E-Akte", "digitaler Bauantrag", "Terminvergabe", "Rechnungseingangsplattform", "Ratsinformationssystem", "digitales Personenstandswesen"]),
        ("digitale-infrastruktur", "Digitale Infrastruktur", "Schnelles Internet, Funknetze und gemeinsame technische Plattformen bilden die Grundlage, auf der digitale Angebote vor Ort überhaupt erst funktionieren.",
            ["LoRaWAN-Netz", "Glasfaserausbau", "öffentliches WLAN", "gemeinsames Rechenzentrum", "Urbane Datenplattform", "Mobilfunkmasten-Atlas"]),
        ("wirtschaft", "Wirtschaft, Handel und Arbeit", "Betriebe, Handel und Beschäftigte in der Region werden dabei unterstützt, die Chancen der Digitalisierung für Wertschöpfung und gute Arbeit zu nutzen.",
            ["Coworking-Space", "Gewerbeflächenportal", "Digitalberatung für Handwerksbetriebe", "Fachkräfteportal", "Gründungszentrum"]),
        ("innenstadt-dorfmitte", "Innenstadt, Dorfmitte und Nahversorgung", "Ortskerne bleiben lebendig und die Menschen können sich auch in kleinen Dörfern wohnortnah mit dem Nötigsten versorgen.",
            ["digitaler Dorfladen", "Leerstandsmanagement", "Dorf-App", "lokaler Online-Marktplatz", "Frequenzmessung in der Innenstadt"]),
        ("bildung", "Bildung", "Schulen, Volkshochschulen und andere Lernorte eröffnen allen Menschen den Zugang zu digitalem Wissen und zu moderner Technik.",
            ["Medienentwicklungsplan", "Schul-IT-Support", "Lernplattform der Volkshochschulen", "Makerspace", "Digitallotsen für Seniorinnen und Senioren"]),
        ("familie-gesellschaft", "Familie, Gesellschaft und Lebensqualität", "Digitale Angebote erleichtern Familien den Alltag, stärken das Miteinander und ermöglichen es allen Generationen, am Leben vor Ort teilzuhaben.",
            ["Kita-Platzvergabe", "Ehrenamtsbörse", "Familienportal", "Nachbarschaftsplattform", "digitaler Seniorentreff"]),
        ("gesundheit", "Gesundheit", "Digitale Lösungen helfen dabei, dass medizinische Versorgung und Pflege auch auf dem Land gut erreichbar bleiben.",
            ["Telemedizin in der Pflege", "Pflegeplatzbörse", "Gesundheitskiosk", "digitale Rettungskette", "Ersthelfer-App"]),
        ("mobilitaet", "Mobilität", "Bus, Bahn, Rad und Auto werden besser miteinander verknüpft, damit alle Menschen in Stadt und Land gut ans Ziel kommen.",
            ["On-Demand-Shuttle", "Mitfahrbank mit App", "Radverkehrszählung", "Mobilstationen", "digitales Parkleitsystem"]),
        ("umwelt-klima", "Umwelt, Klimaschutz und Energie", "Daten und digitale Steuerung helfen, Energie und Ressourcen zu sparen, das Klima zu schützen und die Umwelt zu bewahren.",
            ["Energiemonitoring kommunaler Gebäude", "Hochwasser-Frühwarnsystem", "Solarkataster", "smarte Straßenbeleuchtung", "Baumbewässerung mit Sensoren"]),
        ("tourismus", "Tourismus", "Gäste finden Angebote, Wege und Sehenswürdigkeiten der Region leichter, und Betriebe können ihre Leistungen gemeinsam sichtbar machen.",
            ["Gästekarte", "Wanderwege-App", "Veranstaltungskalender", "Besucherlenkung", "Open-Data-Tourismusdatenbank"]),
        ("sicherheit", "Sicherheit", "Digitale Werkzeuge tragen dazu bei, dass Menschen sicher leben können und kommunale Daten und Systeme geschützt sind.",
            ["Informationssicherheitsbeauftragter", "Notfallplanung für IT-Ausfälle", "Warn-App", "Waldbrandfrüherkennung", "Cyber-Übung"]),
        ("strategie-vernetzung", "Digitalstrategie, Vernetzung und Wissenstransfer", "Kommunen entwickeln gemeinsam Strategien, tauschen Erfahrungen aus und geben erprobte Lösungen an andere weiter.",
            ["Digitalstrategie", "Digitalbüro", "Netzwerk der Digitalisierungsbeauftragten", "Innovationslabor", "Transferwerkstatt"]),
    ];

    public static readonly (string Land, string[] Bezirke)[] Laender =
    [
        ("Nordrhein-Westfalen", ["Detmold", "Münster", "Arnsberg", "Düsseldorf", "Köln"]),
        ("Niedersachsen", [""]),
        ("Hessen", ["Kassel", "Gießen", "Darmstadt"]),
        ("Bayern", ["Oberbayern", "Niederbayern", "Oberpfalz", "Oberfranken", "Mittelfranken", "Unterfranken", "Schwaben"]),
        ("Baden-Württemberg", ["Stuttgart", "Karlsruhe", "Freiburg", "Tübingen"]),
        ("Rheinland-Pfalz", [""]),
        ("Sachsen", [""]),
        ("Thüringen", [""]),
        ("Brandenburg", [""]),
        ("Schleswig-Holstein", [""]),
        ("Mecklenburg-Vorpommern", [""]),
        ("Sachsen-Anhalt", [""]),
    ];

    public static readonly string[] NamePrefixes =
        ["", "", "", "", "Bad ", "Neu", "Alt", "Ober", "Nieder", "Groß ", "Klein ", "Hohen", "Wald", "Berg", "Sankt "];

    public static readonly string[] NameStems =
        ["Linden", "Eichen", "Buchen", "Wester", "Oster", "Sonnen", "Mühl", "Stein", "Brun", "Hasel", "Rosen", "Wilden", "Fried", "Hagen",
         "Ahl", "Bever", "Dörn", "Ems", "Fürsten", "Gold", "Heid", "Kirch", "Lauen", "Marien", "Nord", "Rhein", "Salz", "Tann", "Ulm",
         "Vogels", "Wart", "Zell", "Bocholt", "Drens", "Everts", "Geisen", "Hollen", "Iser", "Jöllen", "Kalten", "Löwen", "Mettin", "Nette",
         "Ohren", "Pader", "Quer", "Rieth", "Schön", "Trave", "Uslar", "Velen", "Wöbbel", "Asch", "Bruch", "Dassel", "Elze", "Freuden"];

    public static readonly string[] NameSuffixes =
        ["hausen", "dorf", "feld", "heim", "stadt", "bach", "brück", "berg", "burg", "hagen", "horst", "beck", "rode", "ingen", "lohe", "stedt", "au", "wald", "born", "kirchen"];

    public static readonly string[] Fluesse =
        ["an der Lippe", "an der Ems", "an der Weser", "an der Ruhr", "an der Mosel", "an der Lahn", "an der Saale", "an der Elbe", "am Main", "am Neckar", "an der Donau", "an der Isar", "im Sauerland", "im Allgäu", "in der Eifel"];

    /// <summary>{0} is the topic, {1} the place ("Kreis X" or a town), {2} "im Kreis X" or "in Town"; patterns avoid gendered adjectives before the topic.</summary>
    public static readonly string[] TitelMuster =
    [
        "{0} {1}",
        "Kooperation {0} {2}",
        "{0} für {1}",
        "Pilotprojekt {0} {2}",
        "{0} – gemeinsam {2}",
        "Interkommunale Zusammenarbeit: {0} {2}",
        "Verbundprojekt {0} {1}",
    ];

    /// <summary>All plural, so every predicate below agrees with every subject.</summary>
    public static readonly string[] Subjekte =
    [
        "Die beteiligten Kommunen", "Die Mitglieder der Projektgruppe", "Die Mitarbeitenden der Kreisverwaltung", "Die Mitglieder des Lenkungskreises",
        "Die IT-Dienstleister der Region", "Die Bürgermeisterinnen und Bürgermeister", "Die Fachämter", "Fachleute aus allen Rathäusern",
        "Die Digitalisierungsbeauftragten", "Die Verwaltungsspitzen", "Die Mitglieder des Zweckverbands", "Die Mitarbeitenden der Koordinierungsstelle",
    ];

    public static readonly string[] Praedikate =
    [
        "haben gemeinsam die Anforderungen an {thema} beschrieben",
        "stimmen sich einmal im Monat in einer Videokonferenz ab",
        "teilen sich die laufenden Kosten nach der Einwohnerzahl",
        "haben einen gemeinsamen Betrieb für {thema} aufgebaut",
        "haben die Ausschreibung gemeinsam vorbereitet und vergeben",
        "werten die Nutzungszahlen jedes Quartal aus",
        "schulen ihre Mitarbeitenden in gemeinsamen Workshops",
        "haben Musterprozesse erarbeitet, die jede Kommune übernehmen kann",
        "haben eine öffentlich-rechtliche Vereinbarung geschlossen",
        "haben die Datenschutzfolgenabschätzung gemeinsam erstellt",
        "stellen ihre Erfahrungen auf Fachtagungen vor",
        "binden Bürgerinnen und Bürger über Umfragen und Werkstätten ein",
        "haben das Vorhaben in den Räten vorgestellt und einstimmig beschlossen",
        "pflegen die Inhalte für {thema} arbeitsteilig",
    ];

    public static readonly string[] Ergaenzungen =
    [
        ".", ".", ".", ", um Doppelarbeit zu vermeiden.", " und dokumentieren die Ergebnisse in einem gemeinsamen Wiki.",
        ", sodass auch kleine Gemeinden ohne eigene IT-Abteilung mitmachen können.", ", was die Kosten für jede einzelne Kommune deutlich senkt.",
        " und greifen dabei auf Vorlagen aus anderen Bundesländern zurück.", ", damit die Lösung auch nach dem Ende der Förderung weiterläuft.",
    ];

    public static readonly string[] Anlass =
    [
        "Viele Kommunen {imort} standen vor der Frage, wie sie {thema} mit knappem Personal bewältigen können.",
        "Bis {jahr} hatte jede Verwaltung eine eigene Lösung für {thema}, was Kosten und Abstimmungsaufwand in die Höhe trieb.",
        "Bürgerinnen und Bürger erwarteten, Anliegen rund um {thema} auch abends und am Wochenende erledigen zu können.",
        "Eine Untersuchung aus dem Jahr {jahr} zeigte, dass rund {prozent} Prozent der Arbeitszeit in Medienbrüche und doppelte Datenerfassung flossen.",
        "Der demografische Wandel verschärft den Fachkräftemangel in {ort}, sodass frei werdende Stellen oft monatelang unbesetzt bleiben.",
        "Einzelne Gemeinden hätten {thema} allein weder finanzieren noch dauerhaft betreiben können.",
        "Den Anstoß gab eine Bürgerversammlung in {ort}, auf der mehrere Vereine auf das Problem aufmerksam machten.",
        "Mit dem Onlinezugangsgesetz wuchs der Druck, Leistungen digital anzubieten, ohne dass zusätzliche Stellen geschaffen wurden.",
        "Die Pandemie hat gezeigt, wie verwundbar analoge Abläufe sind, wenn Rathäuser kurzfristig schließen müssen.",
    ];

    public static readonly string[] Ziele =
    [
        "Leistungen rund um {thema} vollständig digital anbieten",
        "Bearbeitungszeiten um mindestens ein Drittel verkürzen",
        "Kosten für Betrieb und Wartung auf viele Schultern verteilen",
        "Wissen in der Region halten und Abhängigkeiten von einzelnen Anbietern verringern",
        "auch kleinen Gemeinden Zugang zu moderner Technik verschaffen",
        "Daten einmal erfassen und mehrfach nutzen",
        "barrierefreie Angebote für alle Generationen schaffen",
        "offene Standards und Open-Source-Software einsetzen",
        "Ergebnisse so dokumentieren, dass andere Kommunen sie übernehmen können",
    ];

    public static readonly string[] Schritte =
    [
        "Bestandsaufnahme der vorhandenen Verfahren in allen beteiligten Verwaltungen",
        "gemeinsamer Workshop zur Beschreibung der Anforderungen",
        "Markterkundung und Gespräche mit anderen Kommunen, die bereits eine Lösung nutzen",
        "Beschluss in den Räten und im Kreistag",
        "Ausschreibung und Vergabe durch die federführende Kommune",
        "Pilotbetrieb in zwei Gemeinden über sechs Monate",
        "Schulung der Sachbearbeitung und Einrichtung eines Supports",
        "schrittweise Ausweitung auf alle beteiligten Kommunen",
        "Auswertung und Veröffentlichung eines Erfahrungsberichts",
    ];

    public static readonly string[] Erfahrungen =
    [
        "Am meisten Zeit hat die Abstimmung der Prozesse gekostet, nicht die Technik.",
        "Entscheidend war, dass die Verwaltungsspitzen das Vorhaben von Beginn an sichtbar unterstützt haben.",
        "Kleinere Gemeinden profitieren besonders, weil sie ohne eigene IT-Abteilung auf den gemeinsamen Betrieb zurückgreifen können.",
        "Die Nutzungszahlen sind nach einem zögerlichen Start stetig gestiegen, vor allem nach Berichten in der Lokalzeitung.",
        "Rückblickend hätten die Beteiligten den Personalrat früher einbinden sollen.",
        "Ein fester Ansprechpartner in jeder Kommune hat sich als unverzichtbar erwiesen.",
        "Die Zusammenarbeit hat Vertrauen geschaffen, auf dem weitere gemeinsame Projekte aufbauen.",
        "Datenschutzfragen ließen sich mit einem gemeinsamen Mustervertrag schneller klären als erwartet.",
        "Nach dem Ende der Förderung tragen die Kommunen die Kosten aus ihren Haushalten weiter.",
    ];

    public static readonly string[] Lehren =
    [
        "früh mit dem Datenschutz sprechen", "Zuständigkeiten schriftlich festhalten", "mit einem kleinen Pilot beginnen",
        "Nutzerinnen und Nutzer testen lassen", "Kosten offen und nachvollziehbar verteilen", "Erfolge sichtbar machen",
    ];

    public static readonly string[] Organisationen =
    [
        "Stabsstelle Digitalisierung", "Amt für Informationstechnik", "Wirtschaftsförderung", "Digitalbüro", "Fachbereich Bürgerservice", "Kreisentwicklung",
    ];

    public static readonly string[] Vornamen = ["Anna", "Jonas", "Lea", "Paul", "Miriam", "Tobias", "Sabine", "Markus", "Katrin", "Stefan", "Julia", "Thomas"];

    public static readonly string[] Nachnamen = ["Becker", "Schulte", "Hoffmann", "Wagner", "Krüger", "Meyer", "Vogt", "Brinkmann", "Lange", "Kaiser", "Husemann", "Tegethoff"];

    public static readonly string[] Beteiligte =
    [
        "Technische Hochschule der Region", "Volkshochschule", "Kommunales Rechenzentrum", "Industrie- und Handelskammer", "Handwerkskammer",
        "Verbraucherzentrale", "Landesbetrieb IT", "regionaler Energieversorger", "Verkehrsverbund", "Landschaftsverband",
    ];

    public static readonly string[] Rechtsformen =
    [
        "öffentlich-rechtliche Vereinbarung", "Zweckverband", "Anstalt öffentlichen Rechts", "gemeinnützige GmbH", "Kooperationsvertrag",
    ];

    public static readonly string[] Foerderprogramme =
    [
        "Digitale Modellregionen NRW", "Modellprojekte Smart Cities", "LEADER", "Regionale Entwicklung (EFRE)", "Kommunalrichtlinie",
    ];

    public static readonly string[] Stichworte =
    [
        "Open Source", "OZG", "Bürgerbeteiligung", "Ehrenamt", "Ländlicher Raum", "Daten", "Künstliche Intelligenz", "Barrierefreiheit", "Cloud",
        "Fachkräfte", "Nachhaltigkeit", "Sensorik", "App", "Schulung", "Beschaffung", "Standardisierung",
    ];
}
