using System.Text.Json;
using Transferkatalog.Pipeline;
using Transferkatalog.Schema;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>The JSON Schema files follow ContentSchema field by field and are published under /schema/.</summary>
public sealed class JsonSchemaTests
{
    [Fact]
    public void Profile_schema_mirrors_every_field_spec_recursively()
    {
        var file = JsonSchemaGenerator.All(null, null).Single(f => f.FileName == "steckbrief.schema.json");
        using var json = JsonDocument.Parse(file.Content);

        AssertMirrors(ContentSchema.Profile, json.RootElement);
        Assert.Equal(JsonSchemaGenerator.Draft, json.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Registry_and_site_schemas_mirror_their_entry_specs()
    {
        var files = JsonSchemaGenerator.All(null, "https://example.org/katalog/schema/").ToDictionary(f => f.FileName);
        using var felder = JsonDocument.Parse(files["handlungsfelder.schema.json"].Content);
        using var kommunen = JsonDocument.Parse(files["kommunen.schema.json"].Content);
        using var site = JsonDocument.Parse(files["site.schema.json"].Content);

        AssertMirrors(ContentSchema.Handlungsfeld, felder.RootElement.GetProperty("additionalProperties"));
        AssertMirrors(ContentSchema.Kommune, kommunen.RootElement.GetProperty("additionalProperties"));
        AssertMirrors(ContentSchema.Site, site.RootElement);
        Assert.Equal(JsonSchemaGenerator.SlugPattern, kommunen.RootElement.GetProperty("propertyNames").GetProperty("pattern").GetString());
        Assert.Equal("https://example.org/katalog/schema/kommunen.schema.json", kommunen.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public void Built_site_publishes_schemas_with_the_registry_keys_as_enums()
    {
        using var catalog = TestCatalog.FromRepository();
        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, "https://bezirk.github.io/katalog/"));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var schemaDir = Path.Combine(catalog.Output, "schema");
        Assert.Equal(
            ["handlungsfelder.schema.json", "kommunen.schema.json", "site.schema.json", "steckbrief.schema.json"],
            Directory.GetFiles(schemaDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using var profile = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(schemaDir, "steckbrief.schema.json")));
        var root = profile.RootElement;
        Assert.Equal("https://bezirk.github.io/katalog/schema/steckbrief.schema.json", root.GetProperty("$id").GetString());
        var felder = Enum(root.GetProperty("properties").GetProperty("handlungsfelder").GetProperty("items"));
        Assert.Contains("verwaltung", felder);
        Assert.Contains("strategie-vernetzung", felder);
        var kommunen = Enum(root.GetProperty("properties").GetProperty("kommunen").GetProperty("items"));
        Assert.Contains("kreis-hoexter", kommunen);
        Assert.Contains("brakel", kommunen);

        // The Kreis reference in kommunen.yml offers only Kreise; an optional field also allows null.
        using var kommunenSchema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(schemaDir, "kommunen.schema.json")));
        var kreis = Enum(kommunenSchema.RootElement.GetProperty("additionalProperties").GetProperty("properties").GetProperty("kreis"));
        Assert.Contains("kreis-hoexter", kreis);
        Assert.DoesNotContain("brakel", kreis);
        Assert.Contains(null, kreis);
    }

    private static List<string?> Enum(JsonElement element) =>
        element.GetProperty("enum").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()).ToList();

    private static void AssertMirrors(FieldSpec spec, JsonElement schema)
    {
        switch (spec.Kind)
        {
            case FieldKind.Map:
                Assert.Contains("object", Types(schema));
                var properties = schema.GetProperty("properties");
                Assert.Equal(spec.Fields.Select(f => f.Name), properties.EnumerateObject().Select(p => p.Name));
                var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToList() : [];
                Assert.Equal(spec.Fields.Where(f => f.Required).Select(f => f.Name), required);
                Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
                foreach (var field in spec.Fields)
                {
                    var property = properties.GetProperty(field.Name);
                    Assert.Equal(field.Description, property.GetProperty("description").GetString());
                    AssertMirrors(field, property);

                    // The validator skips an empty optional key, so the schema must accept null there and only there.
                    var acceptsNull = Types(property).Contains("null") || (property.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null));
                    Assert.Equal(!field.Required, acceptsNull);
                }

                break;
            case FieldKind.List:
                Assert.Contains("array", Types(schema));
                Assert.Equal(spec.MinItems, schema.TryGetProperty("minItems", out var min) ? min.GetInt32() : 0);
                AssertMirrors(spec.Item!, schema.GetProperty("items"));
                break;
            case FieldKind.Enum:
                Assert.Equal(spec.AllowedValues, schema.GetProperty("enum").EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetString()));
                break;
            case FieldKind.Integer:
                Assert.Contains("integer", Types(schema));
                Assert.Equal(spec.Minimum, schema.TryGetProperty("minimum", out var lo) ? lo.GetInt64() : null);
                Assert.Equal(spec.Maximum, schema.TryGetProperty("maximum", out var hi) ? hi.GetInt64() : null);
                break;
            case FieldKind.String:
                Assert.Contains("string", Types(schema));
                Assert.Equal(spec.MaxLength, schema.TryGetProperty("maxLength", out var max) ? max.GetInt32() : null);
                break;
            default:
                Assert.True(schema.TryGetProperty("type", out _) || schema.TryGetProperty("enum", out _));
                break;
        }
    }

    private static List<string?> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList()
        : [type.GetString()];
}
