using System.Globalization;
using System.Text;

namespace Transferkatalog.Benchmarks.Generator;

/// <summary>Writes a synthetic, valid content folder (site.yml, registries, projekte/, seiten/); the same seed always gives the same bytes.</summary>
public sealed class CatalogGenerator(int profiles, int kommunen, ulong seed = 20261121)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A generated Kommune; Kreis is the key of its Kreis for Städte and Gemeinden.</summary>
    public sealed record GeneratedKommune(string Key, string Name, string Typ, string? Kreis, string Regierungsbezirk, string Land, long? Einwohner);

    private sealed record Planned(string Slug, string Titel, string Thema, int FeldIndex);

    /// <summary>Counts of what was written, for the caller's summary line.</summary>
    public sealed record Summary(int Profiles, int Kommunen, int Kreise, long Bytes, long Words);

    public Summary Write(string outputDir)
    {
        if (profiles < 1 || kommunen < 4)
        {
            throw new ArgumentException("need at least 1 profile and 4 Kommunen");
        }

        var random = new SeededRandom(seed);
        var root = Path.GetFullPath(outputDir);
        if (Directory.Exists(root))
        {
            // A previous, larger run would leave extra profiles behind and change the catalogue.
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(root, "projekte"));
        Directory.CreateDirectory(Path.Combine(root, "seiten"));
        long bytes = 0;
        bytes += WriteFile(root, "site.yml", SiteYaml());
        bytes += WriteFile(root, "handlungsfelder.yml", FelderYaml());

        var registry = GenerateKommunen(random);
        bytes += WriteFile(root, "kommunen.yml", KommunenYaml(registry));

        var kreise = registry.Where(k => k.Typ == "kreis").ToList();
        var members = registry.Where(k => k.Kreis is not null).GroupBy(k => k.Kreis!).ToDictionary(g => g.Key, g => g.ToList());
        var kreisfrei = registry.Where(k => k.Typ == "kreisfreie-stadt").ToList();
        var byKey = registry.ToDictionary(k => k.Key, StringComparer.Ordinal);

        // Titles first, so bodies can link to other profiles that exist.
        var planned = new List<Planned>(profiles);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var places = new List<string>(profiles);
        var involved = new List<List<GeneratedKommune>>(profiles);
        for (var i = 0; i < profiles; i++)
        {
            var group = PickKommunen(random, registry, kreise, members, kreisfrei);
            involved.Add(group);
            var feld = random.Below(GermanWords.Handlungsfelder.Length);
            var thema = random.Pick(GermanWords.Handlungsfelder[feld].Themen);
            var kreisOfGroup = group.FirstOrDefault(k => k.Typ == "kreis")
                ?? (group[0].Kreis is { } kk ? byKey[kk] : group[0]);
            var place = random.Chance(0.6) ? kreisOfGroup.Name : group[0].Name;
            places.Add(place);
            var titel = string.Format(CultureInfo.InvariantCulture, random.Pick(GermanWords.TitelMuster), Capitalize(thema), place, In(place));
            var slug = Slug(titel);
            if (slug.Length > 80)
            {
                slug = slug[..80].TrimEnd('-');
            }

            var unique = slug;
            for (var n = 2; !slugs.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }

            planned.Add(new Planned(unique, titel, thema, feld));
        }

        long words = 0;
        for (var i = 0; i < profiles; i++)
        {
            var (text, wordCount) = Profile(random, planned[i], involved[i], places[i], planned, registry);
            words += wordCount;
            bytes += WriteFile(root, $"projekte/{planned[i].Slug}.md", text);
        }

        bytes += WriteFile(root, "seiten/impressum.md", "---\ntitel: Impressum\nbeschreibung: Angaben zum Betreiber dieses synthetischen Katalogs\nreihenfolge: 10\n---\n\nDieser Katalog wurde für Messungen erzeugt. Alle Projekte, Kommunen und Personen sind erfunden.\n");
        bytes += WriteFile(root, "seiten/ueber.md", "---\ntitel: Über den Katalog\nreihenfolge: 1\n---\n\n## Worum es geht\n\nDer Katalog sammelt Kooperationsprojekte von Kreisen, Städten und Gemeinden. Siehe auch die [Übersicht der Handlungsfelder](/handlungsfelder/).\n");
        return new Summary(profiles, registry.Count, kreise.Count, bytes, words);
    }

    private static long WriteFile(string root, string relative, string text)
    {
        var data = Utf8.GetBytes(text);
        File.WriteAllBytes(Path.Combine(root, relative), data);
        return data.Length;
    }

    private static string SiteYaml() =>
        "titel: Transferkatalog (synthetisch)\n" +
        "beschreibung: \"Synthetischer Katalog für Leistungsmessungen: erfundene Kooperationsprojekte erfundener Kommunen.\"\n" +
        "basis_url: https://example.github.io/transferkatalog/\n" +
        "sprache: de\n" +
        "veraltet_nach_monaten: 24\n" +
        "betreiber: Messlabor Transferkatalog\n";

    private static string FelderYaml()
    {
        var sb = new StringBuilder();
        foreach (var (key, name, beschreibung, _) in GermanWords.Handlungsfelder)
        {
            sb.Append(key).Append(":\n  name: ").Append(Q(name)).Append("\n  beschreibung: ").Append(Q(beschreibung)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Roughly Germany's proportions: one Kreis per ~25 Kommunen, one kreisfreie Stadt per ~40, the rest Städte and Gemeinden.</summary>
    private List<GeneratedKommune> GenerateKommunen(SeededRandom random)
    {
        var kreisCount = Math.Max(1, kommunen / 25);
        var kreisfreiCount = Math.Max(1, kommunen / 40);
        var memberCount = kommunen - kreisCount - kreisfreiCount;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<GeneratedKommune>(kommunen);

        string UniqueName(bool forKreis)
        {
            for (var attempt = 0; ; attempt++)
            {
                var prefix = random.Pick(GermanWords.NamePrefixes);
                var stem = random.Pick(GermanWords.NameStems);
                if (prefix.Length > 0 && !prefix.EndsWith(' '))
                {
                    stem = char.ToLowerInvariant(stem[0]) + stem[1..];
                }

                var name = prefix + stem + random.Pick(GermanWords.NameSuffixes);
                if (attempt > 20)
                {
                    name += " " + random.Pick(GermanWords.Fluesse);
                }

                if (attempt > 40)
                {
                    name += $" {attempt}";
                }

                var key = Slug(forKreis ? "Kreis " + name : name);
                if (!keys.Contains(key))
                {
                    return name;
                }
            }
        }

        var kreise = new List<GeneratedKommune>();
        for (var i = 0; i < kreisCount; i++)
        {
            var name = "Kreis " + UniqueName(forKreis: true);
            var (land, bezirke) = random.Pick(GermanWords.Laender);
            var kreis = new GeneratedKommune(Slug(name), name, "kreis", null, random.Pick(bezirke), land, random.Chance(0.8) ? random.Between(60_000, 450_000) : null);
            keys.Add(kreis.Key);
            kreise.Add(kreis);
        }

        for (var i = 0; i < kreisfreiCount; i++)
        {
            var name = UniqueName(forKreis: false);
            var (land, bezirke) = random.Pick(GermanWords.Laender);
            var stadt = new GeneratedKommune(Slug(name), name, "kreisfreie-stadt", null, random.Pick(bezirke), land, random.Chance(0.8) ? random.Between(90_000, 600_000) : null);
            keys.Add(stadt.Key);
            result.Add(stadt);
        }

        // Every Kreis gets at least one member, the rest are spread at random.
        var memberLists = kreise.Select(_ => new List<GeneratedKommune>()).ToList();
        for (var i = 0; i < memberCount; i++)
        {
            var kreisIndex = i < kreise.Count ? i : random.Below(kreise.Count);
            var kreis = kreise[kreisIndex];
            var name = UniqueName(forKreis: false);
            var member = new GeneratedKommune(Slug(name), name, random.Chance(0.35) ? "stadt" : "gemeinde", kreis.Key, kreis.Regierungsbezirk, kreis.Land, random.Chance(0.7) ? random.Between(800, 60_000) : null);
            keys.Add(member.Key);
            memberLists[kreisIndex].Add(member);
        }

        for (var i = 0; i < kreise.Count; i++)
        {
            result.Add(kreise[i]);
            result.AddRange(memberLists[i].OrderBy(m => m.Key, StringComparer.Ordinal));
        }

        return result;
    }

    private static string KommunenYaml(List<GeneratedKommune> registry)
    {
        var sb = new StringBuilder("# Synthetische Kommunen für Leistungsmessungen; alle Namen sind erfunden.\n");
        foreach (var k in registry)
        {
            sb.Append(k.Key).Append(":\n  name: ").Append(Q(k.Name)).Append("\n  typ: ").Append(k.Typ).Append('\n');
            if (k.Kreis is not null)
            {
                sb.Append("  kreis: ").Append(k.Kreis).Append('\n');
            }

            // The schema requires a Regierungsbezirk; Länder without one repeat the Land, as Destatis lists them.
            sb.Append("  regierungsbezirk: ").Append(Q(k.Regierungsbezirk.Length > 0 ? k.Regierungsbezirk : k.Land)).Append('\n');
            sb.Append("  land: ").Append(Q(k.Land)).Append('\n');
            if (k.Einwohner is { } e)
            {
                sb.Append("  einwohner: ").Append(e.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Mostly a Kreis with some of its members (as in real cooperations), sometimes a cross-regional group; 2 to 12 Kommunen, small groups likelier.</summary>
    private static List<GeneratedKommune> PickKommunen(SeededRandom random, List<GeneratedKommune> registry, List<GeneratedKommune> kreise, Dictionary<string, List<GeneratedKommune>> members, List<GeneratedKommune> kreisfrei)
    {
        var count = random.Between(2, random.Between(2, 12));
        var result = new List<GeneratedKommune>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(GeneratedKommune k)
        {
            if (result.Count < count && seen.Add(k.Key))
            {
                result.Add(k);
            }
        }

        if (random.Chance(0.1))
        {
            // Cross-regional: several Kreise and kreisfreie Städte, like a regional digital board.
            // Bounded: a small registry may have fewer Kreise and kreisfreie Städte than the group wants; members fill the rest below.
            for (var guard = 0; result.Count < count && guard < 100; guard++)
            {
                Add(random.Chance(0.7) ? random.Pick(kreise) : random.Pick(kreisfrei));
            }

            for (var guard = 0; result.Count < count && guard < 1000; guard++)
            {
                Add(random.Pick(registry));
            }

            return result;
        }

        var kreis = random.Pick(kreise);
        if (random.Chance(0.4))
        {
            Add(kreis);
        }

        var own = members.TryGetValue(kreis.Key, out var list) ? list : [];
        foreach (var m in random.PickDistinct(own, count))
        {
            Add(m);
        }

        for (var guard = 0; result.Count < count && guard < 1000; guard++)
        {
            Add(random.Pick(registry));
        }

        return result;
    }

    private static (string Text, int Words) Profile(SeededRandom random, Planned plan, List<GeneratedKommune> group, string place, List<Planned> all, List<GeneratedKommune> registry)
    {
        var feld = GermanWords.Handlungsfelder[plan.FeldIndex];
        var felder = new List<string> { feld.Key };
        foreach (var extra in random.PickDistinct(GermanWords.Handlungsfelder, random.Between(0, 2)))
        {
            if (!felder.Contains(extra.Key))
            {
                felder.Add(extra.Key);
            }
        }

        var sb = new StringBuilder(8192);
        sb.Append("---\n");
        sb.Append("titel: ").Append(Q(plan.Titel)).Append('\n');
        sb.Append("kurzbeschreibung: ").Append(Q(Kurzbeschreibung(random, plan.Thema, group, place))).Append('\n');
        sb.Append("handlungsfelder:\n");
        foreach (var f in felder)
        {
            sb.Append("  - ").Append(f).Append('\n');
        }

        sb.Append("kommunen:\n");
        foreach (var k in group)
        {
            sb.Append("  - ").Append(k.Key).Append('\n');
        }

        if (random.Chance(0.7))
        {
            sb.Append("federfuehrung: ").Append(group[0].Key).Append('\n');
        }

        var status = random.Below(10) switch { 0 => "geplant", < 7 => "laufend", < 9 => "abgeschlossen", _ => "eingestellt" };
        sb.Append("status: ").Append(status).Append('\n');
        var seit = random.Between(2012, 2026);
        if (random.Chance(0.85))
        {
            sb.Append("seit: ").Append(seit.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        AppendList(sb, "stichworte", random.PickDistinct(GermanWords.Stichworte, random.Between(0, 5)));
        AppendList(sb, "beteiligte", random.PickDistinct(GermanWords.Beteiligte, random.Between(0, 3)));
        if (random.Chance(0.5))
        {
            sb.Append("rechtsform: ").Append(Q(random.Pick(GermanWords.Rechtsformen))).Append('\n');
        }

        if (random.Chance(0.4))
        {
            sb.Append("finanzierung: ").Append(Q("Umlage der beteiligten Kommunen nach Einwohnerzahl")).Append('\n');
        }

        if (random.Chance(0.45))
        {
            sb.Append("foerderung:\n  programm: ").Append(Q(random.Pick(GermanWords.Foerderprogramme))).Append('\n');
            sb.Append("  betrag_eur: ").Append((random.Between(2, 400) * 5000).ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("  zeitraum: ").Append(Q($"{seit}–{seit + random.Between(1, 4)}")).Append('\n');
        }

        var lead = group[0];
        sb.Append("kontakt:\n  organisation: ").Append(Q($"{random.Pick(GermanWords.Organisationen)} {lead.Name}")).Append('\n');
        if (random.Chance(0.6))
        {
            sb.Append("  name: ").Append(Q($"{random.Pick(GermanWords.Vornamen)} {random.Pick(GermanWords.Nachnamen)}")).Append('\n');
        }

        if (random.Chance(0.8))
        {
            sb.Append("  email: digital@").Append(lead.Key).Append(".de\n");
        }

        if (random.Chance(0.5))
        {
            sb.Append("  telefon: ").Append(Q($"+49 {random.Between(2000, 9999)} {random.Between(100, 999)}-{random.Between(0, 99)}")).Append('\n');
        }

        var linkCount = random.Between(0, 3);
        if (linkCount > 0)
        {
            sb.Append("links:\n");
            for (var i = 0; i < linkCount; i++)
            {
                var k = random.Pick(group);
                sb.Append("  - titel: ").Append(Q($"{Capitalize(plan.Thema)} – Informationen von {k.Name}")).Append('\n');
                sb.Append("    url: https://www.").Append(k.Key).Append(".de/").Append(Slug(plan.Thema)).Append('/').Append(i > 0 ? $"teil-{i}/" : string.Empty).Append('\n');
            }
        }

        if (random.Chance(0.6))
        {
            sb.Append("transfer:\n  uebertragbarkeit: ").Append(random.Pick(new[] { "hoch", "mittel", "gering" })).Append('\n');
            sb.Append("  aufwand: ").Append(Q($"Etwa {random.Between(2, 24)} Personenmonate für Einführung und Schulung")).Append('\n');
            if (random.Chance(0.5))
            {
                sb.Append("  voraussetzungen: ").Append(Q("Ratsbeschluss, eine feste Ansprechperson und ein Anschluss an das kommunale Rechenzentrum")).Append('\n');
            }
        }

        if (random.Chance(0.25))
        {
            var adopters = random.PickDistinct(registry, random.Between(1, 3)).Where(k => !group.Contains(k)).ToList();
            if (adopters.Count > 0)
            {
                sb.Append("nachnutzung:\n");
                foreach (var a in adopters)
                {
                    sb.Append("  - kommune: ").Append(a.Key).Append('\n');
                    if (random.Chance(0.7))
                    {
                        sb.Append("    seit: ").Append(Math.Min(2026, seit + random.Between(1, 4)).ToString(CultureInfo.InvariantCulture)).Append('\n');
                    }

                    if (random.Chance(0.4))
                    {
                        sb.Append("    hinweis: ").Append(Q("Übernahme mit angepassten Formularen")).Append('\n');
                    }
                }
            }
        }

        // Spread over 26 months before the pinned date, so about one profile in eleven is stale, as in a catalogue with some neglected entries.
        var updated = new DateOnly(2026, 11, 21).AddDays(-random.Between(0, 800));
        sb.Append("aktualisiert: ").Append(updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("---\n\n");

        var bodyStart = sb.Length;
        AppendBody(sb, random, plan, group, place, all, felder);
        var words = CountWords(sb.ToString(bodyStart, sb.Length - bodyStart));
        return (sb.ToString(), words);
    }

    private static string Kurzbeschreibung(SeededRandom random, string thema, List<GeneratedKommune> group, string place)
    {
        var names = group.Count <= 3 ? string.Join(", ", group.Select(k => k.Name)) : $"{group.Count} Kommunen";
        var ziel = random.Pick(GermanWords.Ziele).Replace("{thema}", thema, StringComparison.Ordinal);
        var text = $"{names} betreiben {thema} gemeinsam. Das Ziel der Zusammenarbeit {In(place)}: {ziel}.";
        return text.Length <= 300 ? text : $"{group.Count} Kommunen betreiben {thema} gemeinsam {In(place)}.";
    }

    private static void AppendBody(StringBuilder sb, SeededRandom random, Planned plan, List<GeneratedKommune> group, string place, List<Planned> all, List<string> felder)
    {
        // The last paragraph may overshoot the target by up to ~100 words; 780 keeps every body within 300 to 900.
        var target = random.Between(300, 780);
        var start = sb.Length;
        int Written() => CountWords(sb.ToString(start, sb.Length - start));
        string Fill(string template) => template
            .Replace("{thema}", plan.Thema, StringComparison.Ordinal)
            .Replace("{imort}", In(place), StringComparison.Ordinal)
            .Replace("{ort}", random.Pick(group).Name, StringComparison.Ordinal)
            .Replace("{jahr}", random.Between(2012, 2024).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{prozent}", random.Between(10, 45).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string Generic() => Fill($"{random.Pick(GermanWords.Subjekte)} {random.Pick(GermanWords.Praedikate)}{random.Pick(GermanWords.Ergaenzungen)}");
        void Paragraph(string[] pool, int sentences)
        {
            // Distinct sentences within a paragraph; generic ones are combined from three pools and rarely repeat.
            var own = new Queue<string>(random.PickDistinct(pool, sentences));
            for (var i = 0; i < sentences; i++)
            {
                sb.Append(i == 0 ? string.Empty : " ").Append(random.Chance(0.5) && own.Count > 0 ? Fill(own.Dequeue()) : Generic());
            }

            sb.Append("\n\n");
        }

        // Each section gets its share of the word budget; paragraphs are added until the share is used.
        sb.Append("## Anlass\n\n");
        Paragraph(GermanWords.Anlass, random.Between(3, 5));
        while (Written() < target * 0.2)
        {
            Paragraph(GermanWords.Anlass, random.Between(3, 5));
        }

        sb.Append("## Ziel\n\n");
        sb.Append(Fill("Mit dem Projekt wollen die Beteiligten vor allem Folgendes erreichen:")).Append("\n\n");
        foreach (var ziel in random.PickDistinct(GermanWords.Ziele, random.Between(3, 6)))
        {
            sb.Append("- ").Append(Capitalize(Fill(ziel))).Append('\n');
        }

        sb.Append('\n');
        while (Written() < target * 0.4)
        {
            Paragraph(GermanWords.Erfahrungen, random.Between(2, 4));
        }

        sb.Append("## Umsetzung\n\n");
        var other = all[random.Below(all.Count)];
        var kommune = random.Pick(group);
        sb.Append(Fill($"Die Umsetzung lehnt sich an das Projekt [{other.Titel}](/projekte/{other.Slug}/) an. Federführend ist **{group[0].Name}**; alle Beteiligten sind auf der Seite [{kommune.Name}](/kommunen/{kommune.Key}/) aufgeführt.")).Append("\n\n");
        var steps = random.PickDistinct(GermanWords.Schritte, random.Between(3, 6));
        for (var i = 0; i < steps.Count; i++)
        {
            sb.Append(i + 1).Append(". ").Append(Capitalize(steps[i])).Append('\n');
        }

        sb.Append('\n');
        if (random.Chance(0.25))
        {
            sb.Append("| Phase | Zeitraum | Beteiligte |\n|---|---|---|\n");
            foreach (var k in group.Take(4))
            {
                sb.Append("| ").Append(random.Pick(new[] { "Pilot", "Ausweitung", "Regelbetrieb" })).Append(" | ").Append(random.Between(2015, 2026)).Append(" | ").Append(k.Name).Append(" |\n");
            }

            sb.Append('\n');
        }

        sb.Append(Fill($"Technische Details stehen in der [Dokumentation des Betreibers](https://www.{group[0].Key}.de/digital/{Slug(plan.Thema)}/) und im Handlungsfeld [{GermanWords.Handlungsfelder.First(f => f.Key == felder[0]).Name}](/handlungsfelder/{felder[0]}/).")).Append("\n\n");
        while (Written() < target * 0.75)
        {
            Paragraph(GermanWords.Anlass, random.Between(3, 5));
        }

        sb.Append("## Erfahrungen\n\n");
        Paragraph(GermanWords.Erfahrungen, random.Between(3, 5));
        sb.Append("Was andere Kommunen *beachten* sollten:\n\n");
        foreach (var lehre in random.PickDistinct(GermanWords.Lehren, random.Between(2, 4)))
        {
            sb.Append("- ").Append(Capitalize(lehre)).Append('\n');
        }

        sb.Append('\n');
        while (Written() < target)
        {
            Paragraph(GermanWords.Erfahrungen, random.Between(3, 5));
        }

        if (random.Chance(0.2))
        {
            sb.Append("Fragen beantwortet die Kontaktstelle gern per E-Mail an <digital@").Append(group[0].Key).Append(".de>.\n");
        }
    }

    private static void AppendList(StringBuilder sb, string key, List<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        sb.Append(key).Append(":\n");
        foreach (var item in items)
        {
            sb.Append("  - ").Append(Q(item)).Append('\n');
        }
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    count++;
                }

                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
        }

        return count;
    }

    /// <summary>A YAML double-quoted scalar; safe for any text.</summary>
    private static string Q(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>"im Kreis X" for a Kreis, "in X" for a town.</summary>
    private static string In(string place) => place.StartsWith("Kreis ", StringComparison.Ordinal) ? "im " + place : "in " + place;

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Same transliteration as the catalogue's own slug rules (ä→ae …).</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var dash = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            var mapped = c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ when c is >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
                _ => null,
            };
            if (mapped is null)
            {
                dash = sb.Length > 0;
                continue;
            }

            if (dash)
            {
                sb.Append('-');
                dash = false;
            }

            sb.Append(mapped);
        }

        return sb.Length == 0 ? "x" : sb.ToString();
    }
}
