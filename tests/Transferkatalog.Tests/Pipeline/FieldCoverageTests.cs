using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Schema;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>
/// Every field of the profile schema that check accepts must reach the profile page, katalog.json or katalog.csv: a
/// FieldSpec added without its property, binding, view or export used to be validated and then dropped silently.
/// </summary>
/// <remarks>
/// The profile is generated from <see cref="ContentSchema.Profile"/>, so a new field is covered without touching this
/// test. For each leaf field the catalogue is built twice, once with a second value in that field only; a field
/// reaches the outputs when one of them changes. Comparing builds rather than searching for the value also covers
/// enums and references, whose values (a status, a Kommune's key) appear on the page through other fields too.
/// </remarks>
public sealed class FieldCoverageTests
{
    private const string Slug = "alle-felder";

    private static readonly HtmlParser Parser = new();

    // What a reference may name: the minimal catalogue's registries and profiles; federfuehrung's two values are both in
    // the kommunen list, which varies only in its second entry.
    private static readonly Dictionary<ReferenceTarget, string[]> References = new()
    {
        [ReferenceTarget.Handlungsfeld] = ["verwaltung", "versorgung", "infrastruktur"],
        [ReferenceTarget.Kommune] = ["brakel", "nieheim", "bielefeld"],
        [ReferenceTarget.Kreis] = ["kreis-hoexter"],
        [ReferenceTarget.Projekt] = ["gemeinsames-rechenzentrum", "dorfladen-app", "lorawan-netz"],
    };

    [Fact]
    public void Every_profile_field_reaches_the_profile_page_json_or_csv()
    {
        using var catalog = TestCatalog.Minimal();
        var leaves = Leaves(ContentSchema.Profile, string.Empty).ToList();
        Assert.True(leaves.Count >= 25, $"only {leaves.Count} leaf fields found in the profile schema");

        var baseline = Build(catalog, Profile(varied: null));
        var page = Parser.ParseDocument(baseline.Page);
        Assert.Equal(Value(leaves.Single(l => l.Path == "titel"), 0).Trim('"'), page.QuerySelector("h1")?.TextContent.Trim());

        var unreached = new List<string>();
        foreach (var leaf in leaves)
        {
            var changed = Build(catalog, Profile(varied: leaf.Path));
            if (changed == baseline)
            {
                unreached.Add(leaf.Path);
            }
        }

        Assert.True(
            unreached.Count == 0,
            $"validated but shown nowhere (profile page, {Exports.CatalogJsonExport.Path}, {Exports.CatalogCsvExport.Path}): {string.Join(", ", unreached)} " +
            "— give each a property in Content/Model.cs, bind it in CatalogValidator.ReadProfile, and show it in the view and template or an export (README, \"Ein neues Feld im Steckbrief\")");
    }

    [Fact]
    public void Every_profile_field_has_a_property_required_exactly_when_the_field_is()
    {
        var properties = typeof(Content.Profile).GetProperties().ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var wrong = new List<string>();
        foreach (var field in ContentSchema.Profile.Fields)
        {
            if (!properties.TryGetValue(field.Name, out var property))
            {
                wrong.Add($"{field.Name}: no property Profile.{char.ToUpperInvariant(field.Name[0])}{field.Name[1..]}");
            }
            else if (property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: false) != field.Required)
            {
                wrong.Add($"{field.Name}: Profile.{property.Name} should {(field.Required ? string.Empty : "not ")}be 'required', as the field is {(field.Required ? "required" : "optional")} in the schema");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>A leaf of the schema: a scalar field or a list of scalars, with its place among all leaves for distinct values.</summary>
    private sealed record Leaf(string Path, FieldSpec Spec, int Ordinal);

    private static IEnumerable<Leaf> Leaves(FieldSpec map, string prefix)
    {
        var ordinal = 0;
        return Walk(map, prefix);

        IEnumerable<Leaf> Walk(FieldSpec node, string at)
        {
            foreach (var field in node.Fields)
            {
                var path = at + field.Name;
                var inner = field.Kind switch
                {
                    FieldKind.Map => field,
                    FieldKind.List when field.Item!.Kind == FieldKind.Map => field.Item,
                    _ => null,
                };
                if (inner is null)
                {
                    yield return new Leaf(path, field, ordinal++);
                    continue;
                }

                foreach (var leaf in Walk(inner, path + (field.Kind == FieldKind.List ? "[]." : ".")))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static string Profile(string? varied)
    {
        var leaves = Leaves(ContentSchema.Profile, string.Empty).ToDictionary(l => l.Path);
        var yaml = new StringBuilder("---\n");
        Emit(ContentSchema.Profile, string.Empty, 0);
        return yaml.Append("---\nText des Steckbriefs.\n").ToString();

        void Emit(FieldSpec map, string at, int indent)
        {
            var pad = new string(' ', indent);
            foreach (var field in map.Fields)
            {
                var path = at + field.Name;
                yaml.Append(pad).Append(field.Name).Append(':');
                if (field.Kind == FieldKind.Map)
                {
                    yaml.Append('\n');
                    Emit(field, path + ".", indent + 2);
                }
                else if (field.Kind == FieldKind.List && field.Item!.Kind == FieldKind.Map)
                {
                    // One entry; its members vary one by one like any other field.
                    yaml.Append('\n').Append(pad).Append("  -\n");
                    Emit(field.Item, path + "[].", indent + 4);
                }
                else if (field.Kind == FieldKind.List)
                {
                    yaml.Append('\n');
                    foreach (var item in Items(leaves[path], path == varied))
                    {
                        yaml.Append(pad).Append("  - ").Append(item).Append('\n');
                    }
                }
                else
                {
                    yaml.Append(' ').Append(Value(leaves[path], path == varied ? 1 : 0)).Append('\n');
                }
            }
        }
    }

    /// <summary>A list's entries: two of three distinct values, varied in the second; one of two where the field allows only two.</summary>
    private static IEnumerable<string> Items(Leaf list, bool varied)
    {
        var item = list with { Spec = list.Spec.Item! };
        if (Choices(item.Spec) is { Count: < 3 })
        {
            return [Value(item, varied ? 1 : 0)];
        }

        return [Value(item, 0), Value(item, varied ? 2 : 1)];
    }

    private static IReadOnlyList<string>? Choices(FieldSpec spec) => spec.Kind switch
    {
        FieldKind.Enum => spec.AllowedValues,
        FieldKind.Reference => References[spec.Target!.Value],
        _ => null,
    };

    /// <summary>The n-th valid value of a leaf, distinct from every other leaf's and written as YAML.</summary>
    private static string Value(Leaf leaf, int n)
    {
        var spec = leaf.Spec;
        var i = leaf.Ordinal;
        var number = (spec.Minimum ?? 0) + 11 + (3 * i) + n;
        Assert.True(spec.Maximum is null || number <= spec.Maximum, $"generated {number} exceeds the maximum of {leaf.Path}");
        return spec.Kind switch
        {
            FieldKind.String => $"\"Wert {i}-{n} für {spec.Name}\"",
            FieldKind.Integer or FieldKind.Number => number.ToString(CultureInfo.InvariantCulture),

            // In the future of the reference date, so a partner search still runs.
            FieldKind.Date => TestCatalog.ReferenceDate.AddDays(30 + (3 * i) + n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FieldKind.Email => $"feld{i}-{n}@example.org",
            FieldKind.Url => $"https://feld{i}-{n}.example.org/",
            FieldKind.Phone => $"\"+49 5271 {i:00}{n}-0\"",
            FieldKind.Enum or FieldKind.Reference => Choices(spec)![n % Choices(spec)!.Count],
            _ => throw new NotSupportedException($"no generated value for {spec.Kind} ({leaf.Path}): add one here"),
        };
    }

    /// <summary>What a profile field may reach: its page, the JSON and the CSV export.</summary>
    private sealed record Outputs(string Page, string Json, string Csv);

    private static Outputs Build(TestCatalog catalog, string profile)
    {
        catalog.WithProfile(Slug, profile);
        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, ReferenceDate: TestCatalog.ReferenceDate), write: false);
        Assert.True(result.Succeeded, "generated profile rejected:\n" + string.Join('\n', result.Diagnostics.Where(d => d.Severity == Severity.Error)) + "\n" + profile);
        string Text(string path) => Encoding.UTF8.GetString(result.Files.Single(f => f.RelativePath == path).Content);

        // Only this profile's record: other records change only through relations, which its own record shows too.
        using var json = JsonDocument.Parse(Text(Exports.CatalogJsonExport.Path));
        var record = json.RootElement.GetProperty("projekte").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == Slug).GetRawText();
        var row = Text(Exports.CatalogCsvExport.Path).Split("\r\n").Single(l => l.StartsWith(Slug + ",", StringComparison.Ordinal));
        return new Outputs(Text($"projekte/{Slug}/index.html"), record, row);
    }
}
