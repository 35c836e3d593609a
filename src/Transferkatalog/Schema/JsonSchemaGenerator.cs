using System.Text.Encodings.Web;
using System.Text.Json;

namespace Transferkatalog.Schema;

/// <summary>Keys of the registries, offered to editors' YAML tooling as allowed values of reference fields.</summary>
public sealed record RegistryKeys(IReadOnlyList<string> Handlungsfelder, IReadOnlyList<string> Kommunen, IReadOnlyList<string> Kreise);

/// <summary>One generated JSON Schema document: its file name under /schema/ and its UTF-8 bytes.</summary>
public sealed record JsonSchemaFile(string FileName, byte[] Content);

/// <summary>Writes JSON Schema (draft 2020-12) from the <see cref="ContentSchema"/> FieldSpecs, so editors' tooling checks what the validator checks.</summary>
/// <remarks>
/// Deliberately derived, never hand-written: a field added to ContentSchema appears here without a second list to maintain.
/// Optional fields accept null because the validator treats an empty optional key as absent.
/// </remarks>
public static class JsonSchemaGenerator
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Matches CatalogValidator's slug rule; used for registry keys when the actual keys are unknown.</summary>
    public const string SlugPattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,

        // JSON files, not HTML: keep umlauts and quotes readable for editors who open the schema.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>All schema files of the format; <paramref name="baseUri"/> (ending in '/') becomes their $id prefix when given.</summary>
    public static IReadOnlyList<JsonSchemaFile> All(RegistryKeys? keys, string? baseUri) =>
    [
        new("steckbrief.schema.json", Document(ContentSchema.Profile, keys, Id(baseUri, "steckbrief.schema.json"), "Steckbrief (Front Matter)")),
        new("handlungsfelder.schema.json", Registry(ContentSchema.Handlungsfeld, keys, Id(baseUri, "handlungsfelder.schema.json"), "Handlungsfelder (handlungsfelder.yml)")),
        new("kommunen.schema.json", Registry(ContentSchema.Kommune, keys, Id(baseUri, "kommunen.schema.json"), "Kommunen (kommunen.yml)")),
        new("site.schema.json", Document(ContentSchema.Site, keys, Id(baseUri, "site.schema.json"), "Einstellungen der Website (site.yml)")),
    ];

    /// <summary>Schema of a document whose root is the given map spec (front matter, site.yml).</summary>
    public static byte[] Document(FieldSpec root, RegistryKeys? keys, string? id, string title) =>
        Write(w =>
        {
            Header(w, id, title, root.Description);
            WriteBody(w, root, keys, nullable: false);
        });

    /// <summary>Schema of a registry: a map from slug keys to entries of the given spec.</summary>
    public static byte[] Registry(FieldSpec entry, RegistryKeys? keys, string? id, string title) =>
        Write(w =>
        {
            Header(w, id, title, $"Zuordnung von Schlüsseln (Kleinbuchstaben, Ziffern, Bindestriche) zu Einträgen: {entry.Description}");
            w.WriteString("type", "object");
            w.WriteNumber("minProperties", 1);
            w.WriteStartObject("propertyNames");
            w.WriteString("pattern", SlugPattern);
            w.WriteEndObject();
            w.WritePropertyName("additionalProperties");
            w.WriteStartObject();
            WriteBody(w, entry, keys, nullable: false);
            w.WriteEndObject();
        });

    private static string? Id(string? baseUri, string file) => baseUri is null ? null : baseUri + file;

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        // A trailing newline keeps the files friendly to diff and to POSIX tools.
        stream.Write("\n"u8);
        return stream.ToArray();
    }

    private static void Header(Utf8JsonWriter w, string? id, string title, string description)
    {
        w.WriteString("$schema", Draft);
        if (id is not null)
        {
            w.WriteString("$id", id);
        }

        w.WriteString("title", title);
        w.WriteString("description", description);
    }

    private static void Field(Utf8JsonWriter w, FieldSpec spec, RegistryKeys? keys, bool nullable)
    {
        w.WriteStartObject();
        w.WriteString("description", spec.Description);
        WriteBody(w, spec, keys, nullable);
        if (spec.Example is { } example)
        {
            w.WriteStartArray("examples");
            WriteExample(w, spec.Kind, example);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, FieldSpec spec, RegistryKeys? keys, bool nullable)
    {
        switch (spec.Kind)
        {
            case FieldKind.Map:
                Type(w, "object", nullable);
                w.WriteStartObject("properties");
                foreach (var field in spec.Fields)
                {
                    w.WritePropertyName(field.Name);
                    Field(w, field, keys, nullable: !field.Required);
                }

                w.WriteEndObject();
                var required = spec.Fields.Where(f => f.Required).ToList();
                if (required.Count > 0)
                {
                    w.WriteStartArray("required");
                    foreach (var field in required)
                    {
                        w.WriteStringValue(field.Name);
                    }

                    w.WriteEndArray();
                }

                w.WriteBoolean("additionalProperties", false);
                break;

            case FieldKind.List:
                Type(w, "array", nullable);
                if (spec.MinItems > 0)
                {
                    w.WriteNumber("minItems", spec.MinItems);
                }

                if (spec.Item is { } item)
                {
                    // The validator rejects a repeated value in a list of plain values.
                    if (item.Kind is not FieldKind.Map and not FieldKind.List)
                    {
                        w.WriteBoolean("uniqueItems", true);
                    }

                    w.WritePropertyName("items");
                    Field(w, item, keys, nullable: false);
                }

                break;

            case FieldKind.String:
                Type(w, "string", nullable);
                Lengths(w, spec);
                break;

            case FieldKind.Integer:
                Type(w, "integer", nullable);
                Range(w, spec);
                break;

            case FieldKind.Number:
                Type(w, "number", nullable);
                Range(w, spec);
                break;

            case FieldKind.Date:
                Type(w, "string", nullable);
                w.WriteString("format", "date");
                w.WriteString("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                break;

            case FieldKind.Enum:
                Enum(w, spec.AllowedValues, nullable);
                break;

            case FieldKind.Email:
                Type(w, "string", nullable);
                w.WriteString("format", "email");
                break;

            case FieldKind.Url:
                Type(w, "string", nullable);
                w.WriteString("format", "uri");
                w.WriteString("pattern", "^https?://");
                break;

            case FieldKind.Phone:
                Type(w, "string", nullable);
                w.WriteString("pattern", ContentSchema.PhonePattern);
                break;

            case FieldKind.Reference:
                var allowed = spec.Target switch
                {
                    ReferenceTarget.Handlungsfeld => keys?.Handlungsfelder,
                    ReferenceTarget.Kreis => keys?.Kreise,
                    ReferenceTarget.Kommune => keys?.Kommunen,

                    // Profiles come and go with every pull request; the file names are not a registry to enumerate.
                    _ => null,
                };
                if (allowed is { Count: > 0 })
                {
                    Enum(w, allowed, nullable);
                }
                else
                {
                    Type(w, "string", nullable);
                    w.WriteString("pattern", SlugPattern);
                }

                break;

            default:
                throw new InvalidOperationException($"Unhandled field kind {spec.Kind}");
        }
    }

    /// <summary>Writes an example given as YAML text as the JSON value the YAML would load to.</summary>
    private static void WriteExample(Utf8JsonWriter w, FieldKind kind, string yaml)
    {
        if (kind is FieldKind.Integer or FieldKind.Number && decimal.TryParse(yaml, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            w.WriteNumberValue(number);
        }
        else
        {
            var quoted = yaml.Length >= 2 && yaml[0] == '"' && yaml[^1] == '"';
            w.WriteStringValue(quoted ? yaml[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : yaml);
        }
    }

    private static void Type(Utf8JsonWriter w, string type, bool nullable)
    {
        if (nullable)
        {
            w.WriteStartArray("type");
            w.WriteStringValue(type);
            w.WriteStringValue("null");
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("type", type);
        }
    }

    private static void Enum(Utf8JsonWriter w, IReadOnlyList<string> values, bool nullable)
    {
        w.WriteStartArray("enum");
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        if (nullable)
        {
            w.WriteNullValue();
        }

        w.WriteEndArray();
    }

    private static void Lengths(Utf8JsonWriter w, FieldSpec spec)
    {
        if (spec.MinLength is { } min)
        {
            w.WriteNumber("minLength", min);
        }

        if (spec.MaxLength is { } max)
        {
            w.WriteNumber("maxLength", max);
        }
    }

    private static void Range(Utf8JsonWriter w, FieldSpec spec)
    {
        if (spec.Minimum is { } min)
        {
            w.WriteNumber("minimum", min);
        }

        if (spec.Maximum is { } max)
        {
            w.WriteNumber("maximum", max);
        }
    }
}
