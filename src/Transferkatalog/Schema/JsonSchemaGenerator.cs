using System.Text.Encodings.Web;
using System.Text.Json;

namespace Transferkatalog.Schema;

/// <summary>Keys of the registries, offered to editors' YAML tooling as allowed values of reference fields.</summary>
public sealed record RegistryKeys(IReadOnlyList<string> Handlungsfelder, IReadOnlyList<string> Kommunen, IReadOnlyList<string> Kreise);

/// <summary>One generated JSON Schema document: its file name under /schema/ and its UTF-8 bytes.</summary>
public sealed record JsonSchemaFile(string FileName, byte[] Content);

/// <summary>Writes JSON Schema (draft-07) from the <see cref="ContentSchema"/> FieldSpecs, so editors' tooling checks what the validator checks.</summary>
/// <remarks>
/// Deliberately derived, never hand-written: a field added to ContentSchema appears here without a second list to maintain.
/// Optional fields accept null because the validator treats an empty optional key as absent.
/// Draft-07 because nothing here needs 2020-12 and the YAML extension most editors use warns on 2020-12 schemas.
/// What JSON Schema cannot see, because a YAML loader has already turned it into something else, stays with `check`:
/// 250.000 arrives as the number 250, and cross-file rules (federfuehrung under kommunen, a Gemeinde's key under its
/// Kreis's) need more than one document. SchemaAgreementTests lists those cases.
/// Keys such as patternErrorMessage are read by the YAML extension (yaml-language-server) and ignored by other validators.
/// </remarks>
public static class JsonSchemaGenerator
{
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    /// <summary>Matches CheckUrl in the validator: http(s), a server name with a dot (or localhost), no spaces anywhere; scheme letters in any case, as Uri reads them.</summary>
    public const string UrlPattern = @"^[Hh][Tt][Tt][Pp][Ss]?://(?:[^\s/?#@]*@)?(?:[^\s/?#@:.\[\]]+(?:\.[^\s/?#@:\[\]]*)+|localhost)(?::[0-9]{1,5})?(?:[/?#]\S*)?$";

    /// <summary>A valid calendar-looking date; the validator additionally rejects days a month does not have.</summary>
    public const string DatePattern = "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$";

    /// <summary>Text that is not whitespace alone (the validator trims, so "  " is empty to it), holds no placeholder from `new` and, where given, not the forbidden text.</summary>
    /// <remarks>One pattern with a lookahead rather than "not": the YAML extension then shows the patternErrorMessage, and the text is plain ECMAScript and .NET alike.</remarks>
    public static string TextPattern(string? forbidden)
    {
        var excluded = Escape(Scaffolding.Placeholder.Marker);
        if (forbidden is not null)
        {
            excluded += "|" + Escape(forbidden);
        }

        return $@"^(?![\s\S]*(?:{excluded}))[\s\S]*\S";
    }

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
            if (ReferenceEquals(entry, ContentSchema.Kommune))
            {
                KommuneRules(w);
            }

            w.WriteEndObject();
        });

    /// <summary>The validator's rules between fields of one Kommune: a Stadt or Gemeinde names its Kreis, a Kreis or kreisfreie Stadt does not; a Kreis's ags has 5 digits, every other 8.</summary>
    private static void KommuneRules(Utf8JsonWriter w)
    {
        w.WriteStartArray("allOf");
        Rule(w, ["stadt", "gemeinde"], then =>
        {
            then.WriteStartArray("required");
            then.WriteStringValue("kreis");
            then.WriteEndArray();
            then.WriteStartObject("properties");
            then.WriteStartObject("kreis");
            then.WriteStartObject("not");
            then.WriteString("type", "null");
            then.WriteEndObject();
            then.WriteEndObject();
            then.WriteEndObject();
        });
        Rule(w, ["kreis", "kreisfreie-stadt"], then =>
        {
            then.WriteStartObject("properties");
            then.WriteStartObject("kreis");
            then.WriteString("type", "null");
            then.WriteEndObject();
            then.WriteEndObject();
        });
        Rule(w, ["kreis"], then => AgsPattern(then, ContentSchema.KreisAgsPattern));
        Rule(w, ["kreisfreie-stadt", "stadt", "gemeinde"], then => AgsPattern(then, ContentSchema.AgsPattern));
        w.WriteEndArray();
    }

    private static void AgsPattern(Utf8JsonWriter w, string pattern)
    {
        w.WriteStartObject("properties");
        w.WriteStartObject("ags");
        w.WriteString("pattern", pattern);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>One "if typ is one of … then …" entry of an allOf.</summary>
    private static void Rule(Utf8JsonWriter w, IReadOnlyList<string> typen, Action<Utf8JsonWriter> then)
    {
        w.WriteStartObject();
        w.WriteStartObject("if");
        w.WriteStartArray("required");
        w.WriteStringValue("typ");
        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WriteStartObject("typ");
        Enum(w, typen, nullable: false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("then");
        then(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Escapes regex metacharacters only; Regex.Escape also escapes spaces, which ECMAScript's unicode mode (used by editors) rejects.</summary>
    private static string Escape(string text) =>
        string.Concat(text.Select(c => "\\^$.|?*+()[]{}".Contains(c) ? "\\" + c : c.ToString()));

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
                // The validator reads any plain scalar as text (zeitraum: 2021), so numbers and booleans are text here too.
                Types(w, nullable, "string", "number", "boolean");
                Lengths(w, spec);
                w.WriteString("pattern", TextPattern(spec.MustNotContain));
                w.WriteString("patternErrorMessage", spec.MustNotContain is { } separator
                    ? $"darf nicht leer sein und weder '{separator}' noch einen Platzhalter '{Scaffolding.Placeholder.Marker}' enthalten"
                    : $"darf nicht leer sein und keinen Platzhalter '{Scaffolding.Placeholder.Marker}' enthalten");
                break;

            case FieldKind.Ags:
                Type(w, "string", nullable);
                w.WriteString("pattern", "^(?:[0-9]{5}|[0-9]{8})$");
                w.WriteString("patternErrorMessage", "8 Ziffern (Kreis: 5) in Anführungszeichen, z. B. \"05762\"");
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
                w.WriteString("pattern", DatePattern);
                w.WriteString("patternErrorMessage", "Datum als JJJJ-MM-TT, z. B. 2025-03-31");
                break;

            case FieldKind.Enum:
                Enum(w, spec.AllowedValues, nullable);
                break;

            case FieldKind.Email:
                Type(w, "string", nullable);
                w.WriteString("format", "email");
                w.WriteString("pattern", ContentSchema.EmailPattern);
                w.WriteString("patternErrorMessage", "E-Mail-Adresse wie digital@kreis-beispiel.de");
                break;

            case FieldKind.Url:
                Type(w, "string", nullable);
                w.WriteString("format", "uri");
                w.WriteString("pattern", UrlPattern);
                w.WriteString("patternErrorMessage", "vollständige Adresse mit https:// und Servernamen, z. B. https://www.kreis-hoexter.de/");
                break;

            case FieldKind.Phone:
                Type(w, "string", nullable);
                w.WriteString("pattern", ContentSchema.PhonePattern);
                w.WriteString("patternErrorMessage", "Ziffern, Leerzeichen, +, /, - und Klammern, z. B. +49 5271 965-0");
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

    private static void Types(Utf8JsonWriter w, bool nullable, params string[] types)
    {
        w.WriteStartArray("type");
        foreach (var type in types)
        {
            w.WriteStringValue(type);
        }

        if (nullable)
        {
            w.WriteStringValue("null");
        }

        w.WriteEndArray();
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
