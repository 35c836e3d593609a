using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Transferkatalog.Diagnostics;
using Transferkatalog.Schema;
using Transferkatalog.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Tests.Robustness;

/// <summary>
/// A corpus of good and bad variants of a profile, kommunen.yml and site.yml, each run through `check` and through a real
/// JSON Schema validator (JsonSchema.Net) over the YAML as an editor's YAML 1.2 tooling reads it. Both must give the same verdict,
/// except for the few rules JSON Schema cannot see, which are listed as such and must stay check-only.
/// </summary>
public sealed partial class SchemaCorpusTests : IDisposable
{
    private static readonly RegistryKeys SampleKeys = new(
        ["infrastruktur", "verwaltung", "versorgung"],
        ["bielefeld", "brakel", "kreis-hoexter", "nieheim"],
        ["kreis-hoexter"]);

    private static readonly IReadOnlyDictionary<string, JsonSchema> Schemas = JsonSchemaGenerator.All(SampleKeys, null)
        .ToDictionary(f => f.FileName, f => JsonSchema.FromText(Encoding.UTF8.GetString(f.Content)));

    private static readonly EvaluationOptions Evaluation = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    private const string Base = "titel: T\nkurzbeschreibung: K\nhandlungsfelder: [verwaltung]\nkommunen: [brakel]\nstatus: laufend\nkontakt:\n  organisation: O\n  email: o@example.org\naktualisiert: 2026-01-01\n";

    /// <summary>Profile variants: front matter and whether `check` (and so the schema) accepts it.</summary>
    public static TheoryData<string, bool> Profiles() => new()
    {
        { Base, true },
        { Base + "seit: 2019\n", true },
        { Base + "seit: \"2019\"\n", false },
        { Base + "seit: 2019.0\n", true },
        { Base + "seit: 2019.5\n", false },
        { Base + "seit: 1800\n", false },
        { Base + "seit: zweitausend\n", false },
        { Base.Replace("kurzbeschreibung: K", "kurzbeschreibung: " + new string('a', 299) + "😀"), true },
        { Base.Replace("kurzbeschreibung: K", "kurzbeschreibung: " + new string('a', 300) + "😀"), false },
        { Base.Replace("titel: T", "titel: \"   \""), false },
        { Base.Replace("titel: T", "titel: \"\""), false },
        { Base.Replace("titel: T", "titel: true"), true },
        { Base.Replace("titel: T", "titel: 2030"), true },
        { Base.Replace("titel: T", "titel: \"ERSETZEN: Titel des Projekts\""), false },
        { Base.Replace("titel: T\n", string.Empty), false },
        { Base + "titl: Tippfehler\n", false },
        { Base + "rechtsform:\n", true },
        { Base + "links:\n  - titel: L\n    url: https://www.kreis-hoexter.de/\n", true },
        { Base + "links:\n  - titel: L\n    url: HTTPS://WWW.KREIS-HOEXTER.DE/seite?a=1#b\n", true },
        { Base + "links:\n  - titel: L\n    url: http://localhost:8080/\n", true },
        { Base + "links:\n  - titel: L\n    url: https://\n", false },
        { Base + "links:\n  - titel: L\n    url: https://intranet\n", false },
        { Base + "links:\n  - titel: L\n    url: ftp://kreis.de/\n", false },
        { Base + "links:\n  - titel: L\n    url: \"https://kreis.de/a b\"\n", false },
        { Base + "links:\n  - titel: L\n    url: /projekte/x/\n", false },
        { Base + "stichworte:\n  - Smart City\n  - E-Government\n", true },
        { Base + "stichworte:\n  - Smart City; E-Government\n", false },
        { Base + "stichworte:\n  - A\n  - A\n", false },
        { Base + "stichworte: Einzelwert\n", false },
        { Base + "stichworte: []\n", true },
        { Base.Replace("status: laufend", "status: laufen"), false },
        { Base.Replace("aktualisiert: 2026-01-01", "aktualisiert: 2026-13-01"), false },
        { Base.Replace("aktualisiert: 2026-01-01", "aktualisiert: 1.1.2026"), false },
        { Base.Replace("aktualisiert: 2026-01-01", "aktualisiert: 2026-02-30"), false },
        { Base.Replace("  email: o@example.org", "  email: kein-at-zeichen"), false },
        { Base.Replace("  email: o@example.org", "  email: \"a%40b.de?bcc=x@y.de\""), false },
        { Base.Replace("  email: o@example.org", "  telefon: \"1234\""), false },
        { Base.Replace("  email: o@example.org", "  telefon: 05271 965-0"), true },
        { Base.Replace("  email: o@example.org", "  url: https://www.kreis-hoexter.de/kontakt"), true },
        { Base.Replace("  email: o@example.org\n", string.Empty), true },
        { Base.Replace("  organisation: O", "  organisation: O\n  fax: 123"), false },
        { Base + "foerderung:\n  programm: P\n  betrag_eur: 250000\n  zeitraum: 2021\n", true },
        { Base + "foerderung:\n  programm: P\n  betrag_eur: 1250.50\n", true },
        { Base + "foerderung:\n  programm: P\n  betrag_eur: \"250000\"\n", false },
        { Base + "foerderung:\n  programm: P\n  betrag_eur: -5\n", false },
        { Base + "foerderung:\n  betrag_eur: 5\n", false },
        { Base.Replace("handlungsfelder: [verwaltung]", "handlungsfelder: [verwaltng]"), false },
        { Base.Replace("kommunen: [brakel]", "kommunen: []"), false },
        { Base.Replace("kommunen: [brakel]", "kommunen: brakel"), false },
        { Base + "nachnutzung:\n  - kommune: nieheim\n    seit: 2024\n", true },
        { Base + "nachnutzung:\n  - kommune: nieheim\n    seit: \"2024\"\n", false },
        { Base + "transfer:\n  uebertragbarkeit: sehr hoch\n", false },
    };

    /// <summary>Rules JSON Schema cannot express: the YAML loader has already changed the value, or the rule spans fields or files.</summary>
    public static TheoryData<string, string> CheckOnly() => new()
    {
        // An editor's YAML loader reads 250.000 as the number 250; only the text shows the thousands separator.
        { Base + "foerderung:\n  programm: P\n  betrag_eur: 250.000\n", "TK0112" },
        { Base + "federfuehrung: nieheim\n", "TK0105" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_variant_gets_the_same_verdict_from_check_and_schema(string frontMatter, bool valid)
    {
        AssertSameVerdict(input.CheckProfile(frontMatter), "steckbrief.schema.json", frontMatter, valid);
    }

    [Theory]
    [MemberData(nameof(CheckOnly))]
    public void Rules_the_schema_cannot_see_stay_with_check(string frontMatter, string code)
    {
        Assert.Contains(input.CheckProfile(frontMatter), d => d.Code == code);
        Assert.True(Evaluate("steckbrief.schema.json", frontMatter).IsValid);
    }

    /// <summary>Entries appended to the sample kommunen.yml.</summary>
    public static TheoryData<string, bool> Kommunen() => new()
    {
        { "steinheim:\n  name: Steinheim\n  typ: stadt\n  kreis: kreis-hoexter\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen\n", true },
        { "steinheim:\n  name: Steinheim\n  typ: stadt\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen\n", false },
        { "steinheim:\n  name: Steinheim\n  typ: stadt\n  kreis:\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen\n", false },
        { "steinheim:\n  name: Steinheim\n  typ: stadt\n  kreis: brakel\n  regierungsbezirk: Detmold\n  land: Nordrhein-Westfalen\n", false },
        { "hamm:\n  name: Hamm\n  typ: kreisfreie-stadt\n  kreis: kreis-hoexter\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n", false },
        { "hamm:\n  name: Hamm\n  typ: kreisfreie-stadt\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n  ags: \"05915000\"\n", true },
        { "hamm:\n  name: Hamm\n  typ: kreisfreie-stadt\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n  ags: 05915000\n", false },
        { "hamm:\n  name: Hamm\n  typ: kreisfreie-stadt\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n  ags: \"05915\"\n", false },
        { "kreis-soest:\n  name: Kreis Soest\n  typ: kreis\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n  ags: \"05974\"\n", true },
        { "kreis-soest:\n  name: Kreis Soest\n  typ: kreis\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n  ags: \"05974000\"\n", false },
        { "kreis-soest:\n  name: Kreis Soest\n  typ: kreis\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n  ags: \"0597\"\n", false },
        { "kreis-soest:\n  name: Kreis Soest\n  typ: kreis\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n  einwohner: \"300000\"\n", false },
        { "kreis-soest:\n  name: Kreis Soest\n  typ: landkreis\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n", false },
        { "Kreis-Soest:\n  name: Kreis Soest\n  typ: kreis\n  regierungsbezirk: Arnsberg\n  land: Nordrhein-Westfalen\n", false },
    };

    [Theory]
    [MemberData(nameof(Kommunen))]
    public void Kommunen_variant_gets_the_same_verdict_from_check_and_schema(string entry, bool valid)
    {
        var yaml = MinimalCatalog.KommunenYml + "\n" + entry;
        input.Sample.Write("kommunen.yml", yaml);
        AssertSameVerdict(input.Check(), "kommunen.schema.json", yaml, valid);
    }

    public static TheoryData<string, bool> Sites() => new()
    {
        { string.Empty, true },
        { "lizenz: cc-by/4.0\n", true },
        { "lizenz: dl-de/by-2-0\n", true },
        { "lizenz: cc-by\n", false },
        { "veraltet_nach_monaten: 12\n", true },
        { "veraltet_nach_monaten: \"12\"\n", false },
        { "betreiber: \"  \"\n", false },
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public void Site_variant_gets_the_same_verdict_from_check_and_schema(string extra, bool valid)
    {
        var yaml = MinimalCatalog.SiteYml + "\n" + extra;
        input.Sample.Write("site.yml", yaml);
        AssertSameVerdict(input.Check(), "site.schema.json", yaml, valid);
    }

    [Fact]
    public void Schemas_declare_draft07_and_their_patterns_are_ecmascript()
    {
        foreach (var file in JsonSchemaGenerator.All(SampleKeys, null))
        {
            using var json = JsonDocument.Parse(file.Content);
            Assert.Equal("http://json-schema.org/draft-07/schema#", json.RootElement.GetProperty("$schema").GetString());

            // Editors evaluate patterns as ECMAScript; .NET's ECMAScript mode rejects constructs JavaScript does not have.
            foreach (var pattern in Patterns(json.RootElement))
            {
                _ = new Regex(pattern, RegexOptions.ECMAScript);
                Assert.DoesNotContain("\\ ", pattern, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Editor_settings_attach_the_schemas_the_build_writes_to_the_registry_files()
    {
        using var settings = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repo.Root, ".vscode", "settings.json")));
        var schemas = settings.RootElement.GetProperty("yaml.schemas").EnumerateObject().ToDictionary(p => p.Value.GetString()!, p => p.Name);
        var published = JsonSchemaGenerator.All(null, null).Select(f => "./_site/schema/" + f.FileName).ToHashSet();
        foreach (var registry in new[] { "site.yml", "kommunen.yml", "handlungsfelder.yml" })
        {
            Assert.True(schemas.TryGetValue("content/" + registry, out var schema), $"no schema for {registry}");
            Assert.Contains(schema, published);
            Assert.True(File.Exists(Path.Combine(Repo.Content, registry)));
        }
    }

    private static IEnumerable<string> Patterns(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "pattern" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Patterns(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Patterns),
        _ => [],
    };

    /// <summary>Warnings are allowed: the schema has no warnings, and a contact without a way to reach it is still valid.</summary>
    private static void AssertSameVerdict(IReadOnlyList<Diagnostic> diagnostics, string schemaFile, string yaml, bool valid)
    {
        var errors = Errors(diagnostics);
        Assert.True(valid == (errors.Count == 0), $"check: {string.Join(Environment.NewLine, errors)}");
        var schema = Evaluate(schemaFile, yaml);
        Assert.True(valid == schema.IsValid, $"schema said {(schema.IsValid ? "valid" : "invalid")}: {Describe(schema)}");
    }

    private static List<Diagnostic> Errors(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    private static EvaluationResults Evaluate(string schemaFile, string yaml)
    {
        using var json = JsonDocument.Parse(YamlToJson(yaml));
        return Schemas[schemaFile].Evaluate(json.RootElement, Evaluation);
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));

    /// <summary>The JSON an editor's YAML tooling sees: YAML 1.2 core schema, so plain 2019 is a number, "2019" a string, true a boolean.</summary>
    private static byte[] YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, stream.Documents[0].RootNode);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter w, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                w.WriteStartObject();
                foreach (var (key, child) in map.Children)
                {
                    w.WritePropertyName(((YamlScalarNode)key).Value ?? string.Empty);
                    Write(w, child);
                }

                w.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                w.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                if (scalar.Style is not ScalarStyle.Plain)
                {
                    w.WriteStringValue(value);
                }
                else if (value is "" or "~" or "null" or "Null" or "NULL")
                {
                    w.WriteNullValue();
                }
                else if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
                {
                    w.WriteBooleanValue(value[0] is 't' or 'T');
                }
                else if (CoreNumber().IsMatch(value))
                {
                    // The number the loader makes of it (05915000 is 5915000), written with its scale, so 2019.0 stays 2019.0.
                    w.WriteNumberValue(decimal.Parse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    w.WriteStringValue(value);
                }

                break;
        }
    }

    [GeneratedRegex(@"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")]
    private static partial Regex CoreNumber();
}
