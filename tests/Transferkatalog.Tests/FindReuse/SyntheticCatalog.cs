using System.Text;
using Transferkatalog.Content;
using Transferkatalog.SafeMarkdown;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>
/// A deterministic catalogue of any size for budget tests: German-like words with a Zipf distribution, so index size and
/// posting lengths resemble real text; built as records in memory, without files.
/// </summary>
public static class SyntheticCatalog
{
    private static readonly string[] Topics =
    [
        "Dorfladen", "Ratsinformation", "LoRaWAN", "Müllabfuhr", "Breitband", "Bürgerbus", "Telemedizin", "Schulcloud", "Onlinezugang",
        "Geodaten", "Klimaschutz", "Wärmeplanung", "Ehrenamt", "Gewerbeflächen", "Rechenzentrum", "Bauantrag", "Straßenbeleuchtung",
        "Pflegeberatung", "Nahversorgung", "Wasserversorgung", "Feuerwehr", "Katastrophenschutz", "Tourismus", "Mobilstation",
    ];

    private static readonly string[] Syllables =
    [
        "ver", "dorf", "la", "den", "rats", "in", "for", "ma", "ti", "on", "netz", "werk", "stadt", "kreis", "bür", "ger", "amt", "schul",
        "wald", "feld", "bach", "berg", "haus", "markt", "platz", "weg", "land", "wirt", "schaft", "ge", "mein", "de", "ord", "nung",
        "di", "gi", "tal", "ser", "vice", "pla", "nung", "stel", "le", "kos", "ten", "mit", "tel", "ö", "ko", "mü", "ße", "grü", "ne",
    ];

    private static readonly string[] Glue = ["und", "der", "die", "das", "mit", "für", "in", "von", "zu", "auf", "ein", "eine", "wird", "werden", "im"];

    public static Catalog Create(int profiles, int seed = 20261121)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(random, 30000);
        var felder = Enumerable.Range(1, 12).Select(i => new Handlungsfeld($"feld-{i:00}", $"Handlungsfeld {i}", "Beschreibung.")).ToList();
        var kommunen = new List<Kommune>();
        for (var k = 0; k < 40; k++)
        {
            var kreis = $"kreis-{k:00}";
            kommunen.Add(new Kommune
            {
                Key = kreis,
                Name = $"Kreis {Word(random, vocabulary)}",
                Typ = "kreis",
                Regierungsbezirk = "Detmold",
                Land = "Nordrhein-Westfalen",
            });
            for (var g = 0; g < 10; g++)
            {
                kommunen.Add(new Kommune
                {
                    Key = $"gemeinde-{k:00}-{g}",
                    Name = Capitalize(vocabulary[random.Next(vocabulary.Length)]),
                    Typ = "stadt",
                    Kreis = kreis,
                    Regierungsbezirk = "Detmold",
                    Land = "Nordrhein-Westfalen",
                });
            }
        }

        var list = new List<Profile>(profiles);
        for (var i = 0; i < profiles; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var title = $"{topic} {Capitalize(Word(random, vocabulary))} {Capitalize(Word(random, vocabulary))} {i}";
            var ks = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => kommunen[random.Next(kommunen.Count)].Key).Distinct().ToList();
            var fs = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => felder[random.Next(felder.Count)].Key).Distinct().ToList();
            var body = new StringBuilder();
            foreach (var heading in new[] { "Anlass", "Ziel", "Umsetzung", "Erfahrungen" })
            {
                body.Append("## ").Append(heading).Append("\n\n").Append(Sentence(random, vocabulary, 60 + random.Next(40))).Append("\n\n");
            }

            var nachnutzung = random.Next(5) == 0
                ? new List<Nachnutzung> { new(kommunen[random.Next(kommunen.Count)].Key, 2020 + random.Next(6), null) }
                : [];
            // Initialisers run in the order written: keep it, so the seeded catalogue stays the same.
            list.Add(new Profile
            {
                Slug = $"projekt-{i:00000}",
                SourcePath = $"projekte/projekt-{i:00000}.md",
                Titel = title,
                Kurzbeschreibung = Summary(random, vocabulary),
                Handlungsfelder = fs,
                Kommunen = ks,
                Status = new[] { "geplant", "laufend", "abgeschlossen", "eingestellt" }[random.Next(4)],
                Seit = 2000 + random.Next(26),
                Stichworte = [topic, Capitalize(Word(random, vocabulary))],
                Beteiligte = random.Next(3) == 0 ? [$"{Capitalize(Word(random, vocabulary))} GmbH"] : [],
                Kontakt = new Kontakt($"Stadt {Capitalize(Word(random, vocabulary))}", null, null, null),
                Nachnutzung = nachnutzung,
                Aktualisiert = new DateOnly(2020 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28)),
                AktualisiertLine = 1,
                BodyLine = 10,
                ParsedBody = MarkdownBody.Parse(body.ToString(), $"projekte/projekt-{i:00000}.md", 10),
            });
        }

        var config = new SiteConfig
        {
            Titel = "Benchmark",
            Beschreibung = "Synthetischer Katalog",
            BasisUrl = "https://example.github.io/transferkatalog/",
            Sprache = "de",
            VeraltetNachMonaten = 24,
        };
        return new Catalog(config, felder, kommunen, list, []);
    }

    private static string[] Vocabulary(Random random, int size)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            var n = 2 + random.Next(3);
            var sb = new StringBuilder();
            for (var s = 0; s < n; s++)
            {
                sb.Append(Syllables[random.Next(Syllables.Length)]);
            }

            words.Add(sb.ToString());
        }

        return words.ToArray();
    }

    // Zipf-like: word r is picked with probability roughly proportional to 1/r.
    private static string Word(Random random, string[] vocabulary) =>
        vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(vocabulary.Length))) - 1)];

    private static string Sentence(Random random, string[] vocabulary, int words)
    {
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                sb.Append(' ');
            }

            sb.Append(random.Next(3) == 0 ? Glue[random.Next(Glue.Length)] : random.Next(40) == 0 ? Topics[random.Next(Topics.Length)] : Word(random, vocabulary));
        }

        return Capitalize(sb.Append('.').ToString());
    }

    private static string Summary(Random random, string[] vocabulary)
    {
        var text = Sentence(random, vocabulary, 25);
        return text.Length <= 280 ? text : text[..280];
    }

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
