using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Transferkatalog.Cli;
using Transferkatalog.Scaffolding;
using Transferkatalog.Schema;
using YamlDotNet.RepresentationModel;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>`transferkatalog new`: the scaffold follows ContentSchema, check flags its placeholders, and a filled-in scaffold passes.</summary>
public sealed partial class NewProfileTests : IDisposable
{
    private readonly TestCatalog catalog = TestCatalog.FromRepository();

    public void Dispose() => catalog.Dispose();

    [Fact]
    public void New_writes_every_schema_key_with_a_comment_line_above_it()
    {
        var (code, output, _) = CliRunner.Run("new", "gemeinsames-rechenzentrum", "--content", catalog.Content);

        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("gemeinsames-rechenzentrum.md", output);
        var lines = File.ReadAllLines(catalog.Profile("gemeinsames-rechenzentrum"));
        foreach (var (field, depth) in AllFields(ContentSchema.Profile, 0))
        {
            // Active or commented out, every key of the format appears, with the comment line directly above.
            // Several fields share a name (kontakt.url, links[].url); the one with this field's description must be among them.
            var indices = Enumerable.Range(1, lines.Length - 1).Where(i => KeyLine(field.Name).IsMatch(lines[i].TrimStart('#', ' ', '-')) && Indent(lines[i]) >= depth * 2).ToList();
            Assert.True(indices.Count > 0, $"key '{field.Name}' missing from the scaffold");
            Assert.Contains(indices, i => lines[i - 1].TrimStart().StartsWith('#') && lines[i - 1].Contains(field.Description, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Check_flags_each_placeholder_once_with_its_own_code()
    {
        CliRunner.Run("new", "gemeinsames-rechenzentrum", "--content", catalog.Content);

        var (code, _, errors) = CliRunner.Run("check", "--content", catalog.Content);

        Assert.Equal(CliApp.ExitContentErrors, code);
        var ownLines = errors.Split('\n').Where(l => l.Contains("gemeinsames-rechenzentrum.md", StringComparison.Ordinal)).ToList();
        var placeholderLines = File.ReadAllLines(catalog.Profile("gemeinsames-rechenzentrum")).Count(l => l.Contains(Placeholder.Marker, StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'));
        Assert.True(placeholderLines >= 6, "required fields and body sections should carry placeholders");
        Assert.Equal(placeholderLines, ownLines.Count(l => l.Contains("error TK0601", StringComparison.Ordinal)));
        Assert.All(ownLines.Where(l => l.Contains("error", StringComparison.Ordinal)), l => Assert.Contains("TK0601", l));
        Assert.Contains("Platzhalter ersetzen", errors);
    }

    [Fact]
    public void Scaffold_with_placeholders_replaced_passes_check_and_builds()
    {
        var (created, _, _) = CliRunner.Run("new", "--titel", "Gemeinsames Rechenzentrum: Höxter & \"Partner\"", "--content", catalog.Content);
        Assert.Equal(CliApp.ExitOk, created);
        var path = catalog.Profile("gemeinsames-rechenzentrum-hoexter-partner");
        File.WriteAllText(path, FillIn(File.ReadAllText(path)));

        var (code, output, errors) = CliRunner.Run("check", "--content", catalog.Content);
        Assert.True(code == CliApp.ExitOk, errors);
        Assert.Contains("Prüfung bestanden", output);

        var (built, _, buildErrors) = CliRunner.Run("build", "--content", catalog.Content, "--theme", Repo.Theme, "--output", catalog.Output);
        Assert.True(built == CliApp.ExitOk, buildErrors);
        var html = File.ReadAllText(Path.Combine(catalog.Output, "projekte", "gemeinsames-rechenzentrum-hoexter-partner", "index.html"));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("Gemeinsames Rechenzentrum: Höxter & \"Partner\"", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(Placeholder.Marker, html, StringComparison.Ordinal);

        // Optional blocks left commented out must not render as empty sections.
        Assert.Null(document.QuerySelector(".transfer"));
    }

    [Fact]
    public void Scaffold_front_matter_is_valid_yaml_and_lists_known_registry_keys()
    {
        CliRunner.Run("new", "lora-netz", "--content", catalog.Content);
        var text = File.ReadAllText(catalog.Profile("lora-netz"));
        var frontMatter = text.Split("---\n")[1];

        var stream = new YamlStream();
        stream.Load(new StringReader(frontMatter));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(
            ContentSchema.Profile.Fields.Select(f => f.Name),
            root.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        Assert.Contains("verwaltung", frontMatter.Split('\n').Single(l => l.Contains("Schlüssel aus handlungsfelder.yml", StringComparison.Ordinal)));
    }

    [Fact]
    public void New_refuses_to_overwrite_an_existing_profile()
    {
        var existing = catalog.Profile("digitalboard-owl");
        var before = File.ReadAllBytes(existing);

        var (code, _, errors) = CliRunner.Run("new", "digitalboard-owl", "--content", catalog.Content);

        Assert.Equal(CliApp.ExitUsage, code);
        Assert.Contains("gibt es schon", errors);
        Assert.Equal(before, File.ReadAllBytes(existing));
    }

    [Theory]
    [InlineData("Gemeinsames Rechenzentrum", "gemeinsames-rechenzentrum")]
    [InlineData("grüne-welle", "gruene-welle")]
    [InlineData("../ausbruch", "ausbruch")]
    [InlineData("doppel--strich", "doppel-strich")]
    public void New_refuses_an_invalid_slug_and_suggests_a_valid_one(string slug, string suggestion)
    {
        var before = Directory.GetFiles(catalog.Content, "*", SearchOption.AllDirectories).Length;

        var (code, _, errors) = CliRunner.Run("new", slug, "--content", catalog.Content);

        Assert.Equal(CliApp.ExitUsage, code);
        Assert.Contains("ungültiger Slug", errors);
        Assert.Contains($"'{suggestion}'", errors);
        Assert.Equal(before, Directory.GetFiles(catalog.Content, "*", SearchOption.AllDirectories).Length);
        Assert.False(File.Exists(Path.Combine(catalog.Root, "ausbruch.md")));
    }

    /// <summary>What an editor does: replaces every placeholder with a real value.</summary>
    private static string FillIn(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kurzbeschreibung"] = "kurzbeschreibung: Kreis und Städte betreiben gemeinsam ein Rechenzentrum.",
            ["status"] = "status: laufend",
            ["organisation"] = "  organisation: Kreis Höxter",
        };
        var lines = text.Split('\n').Select(line =>
        {
            if (!line.Contains(Placeholder.Marker, StringComparison.Ordinal) || line.TrimStart().StartsWith('#'))
            {
                return line;
            }

            var key = line.Trim().Split(':')[0];
            if (values.TryGetValue(key, out var replacement))
            {
                return replacement;
            }

            if (line.Contains("Handlungsfeld", StringComparison.Ordinal))
            {
                return "  - verwaltung";
            }

            return line.Contains("Kommune", StringComparison.Ordinal) ? "  - kreis-hoexter" : "Ein Absatz mit echtem Inhalt.";
        });
        return string.Join('\n', lines);
    }

    private static IEnumerable<(FieldSpec Field, int Depth)> AllFields(FieldSpec map, int depth)
    {
        foreach (var field in map.Fields)
        {
            yield return (field, depth);
            var nested = field.Kind == FieldKind.List ? field.Item : field;
            if (nested is { Kind: FieldKind.Map })
            {
                foreach (var child in AllFields(nested, depth + 1))
                {
                    yield return child;
                }
            }
        }
    }

    private static int Indent(string line) => line.TrimStart('#').Length - line.TrimStart('#').TrimStart(' ', '-').Length;

    private static Regex KeyLine(string name) => new($"^{Regex.Escape(name)}:( |$)");
}
