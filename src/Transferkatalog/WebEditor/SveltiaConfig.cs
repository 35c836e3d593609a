using System.Globalization;
using System.Text;
using Transferkatalog.Content;
using Transferkatalog.Language;
using Transferkatalog.Rendering;
using Transferkatalog.Scaffolding;
using Transferkatalog.Schema;
using Transferkatalog.SiteModel;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Transferkatalog.WebEditor;

/// <summary>Writes the web editor's config.yml from <see cref="ContentSchema.Profile"/>, like the validator, the JSON Schemas and <c>new</c>.</summary>
/// <remarks>
/// Every rule the form can enforce comes from the same FieldSpec: required, lengths, ranges, patterns, enumerations;
/// references to the registries become selects of their entries, so the form cannot produce a key <c>check</c> rejects.
/// Empty optional fields are left out of the file (Sveltia's omit_empty_optional_fields): the validator would reject
/// an empty string where it accepts a missing key.
/// </remarks>
public static partial class SveltiaConfig
{
    /// <summary>German labels for field names that are not a capitalised word.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["federfuehrung"] = "Federführung",
        ["foerderung"] = "Förderung",
        ["betrag_eur"] = "Betrag in Euro",
        ["uebertragbarkeit"] = "Übertragbarkeit",
        ["email"] = "E-Mail",
        ["url"] = "Adresse",
        ["seit"] = "Seit (Jahr)",
    };

    public static string Build(Site site)
    {
        var redaktion = site.Config.Redaktion ?? throw new InvalidOperationException("web editor is off");
        var backend = Map(("name", "github"), ("repo", redaktion.Repository), ("branch", redaktion.Branch));
        if (redaktion.OAuthUrl is { } oauth)
        {
            backend["base_url"] = oauth.TrimEnd('/');
        }

        var root = Map(
            ("backend", backend),
            ("site_url", site.Urls.Absolute(site.Urls.Home)),
            ("display_url", site.Urls.Absolute(site.Urls.Home)),
            ("app_title", $"Redaktion – {site.Config.Titel}"),

            // Sveltia needs a media folder; the catalogue has no images yet, so the body offers no image component.
            ("media_folder", "content/medien"),
            ("slug", Map(("encoding", "ascii"), ("clean_accents", true), ("sanitize_replacement", "-"))),
            ("output", Map(("omit_empty_optional_fields", true))),
            ("collections", new List<object> { ProfileCollection(site) }));

        var yaml = ToYaml(root);
        return "# Erzeugt von Transferkatalog aus src/Transferkatalog/Schema/ContentSchema.cs und den Registern: nicht von Hand ändern,\n" +
               "# sondern content/site.yml (redaktion), content/kommunen.yml oder content/handlungsfelder.yml.\n" + yaml;
    }

    private static Dictionary<string, object> ProfileCollection(Site site)
    {
        var fields = ContentSchema.Profile.Fields.Select(f => Field(site, f)).ToList();

        // The Markdown body with the section headings `new` writes; the hints go into the help text, not the file,
        // since a left-over hint would be a placeholder check rejects.
        var body = new StringBuilder();
        foreach (var (heading, _) in ProfileScaffolder.Sections)
        {
            body.Append("## ").Append(heading).Append("\n\n\n\n");
        }

        fields.Add(Map(
            ("label", "Text"),
            ("name", "body"),
            ("widget", "markdown"),
            ("required", false),
            ("editor_components", new List<object>()),
            ("hint", "Markdown, kein HTML. " + string.Join(" ", ProfileScaffolder.Sections.Select(s => $"{s.Heading}: {s.Hint}"))),
            ("default", body.ToString().TrimEnd('\n') + "\n")));

        return Map(
            ("name", "projekte"),
            ("label", "Steckbriefe"),
            ("label_singular", "Steckbrief"),
            ("description", "Steckbriefe interkommunaler Kooperationsprojekte; jedes Feld ist auf der Seite Mitmachen erklärt."),
            ("folder", "content/projekte"),
            ("extension", "md"),
            ("format", "yaml-frontmatter"),
            ("create", true),
            ("identifier_field", "titel"),
            ("slug", "{{slug}}"),
            ("summary", "{{titel}}"),
            ("sortable_fields", new List<object> { "titel", "aktualisiert" }),
            ("fields", fields));
    }

    private static Dictionary<string, object> Field(Site site, FieldSpec spec)
    {
        var field = Map(("label", Label(spec.Name)), ("name", spec.Name), ("required", spec.Required), ("hint", spec.Description));
        switch (spec.Kind)
        {
            case FieldKind.Map:
                field["widget"] = "object";
                field["fields"] = spec.Fields.Select(f => Field(site, f)).ToList();
                break;

            case FieldKind.List when spec.Item is { Kind: FieldKind.Reference } item:
                Select(site, field, item);
                field["multiple"] = true;
                if (spec.MinItems > 0)
                {
                    field["min"] = spec.MinItems;
                }

                break;

            case FieldKind.List when spec.Item is { Kind: FieldKind.Map } item:
                field["widget"] = "list";
                field["fields"] = item.Fields.Select(f => Field(site, f)).ToList();
                break;

            case FieldKind.List when spec.Item is { } item:
                field["widget"] = "list";
                field["field"] = Field(site, item with { Name = "eintrag", Required = true });
                break;

            case FieldKind.String:
                field["widget"] = spec.MaxLength > 300 || spec.MaxLength == ContentSchema.SummaryMaxLength ? "text" : "string";
                if (spec.MaxLength is { } max)
                {
                    field["maxlength"] = max;
                }

                break;

            case FieldKind.Integer or FieldKind.Number:
                field["widget"] = "number";
                field["value_type"] = spec.Kind == FieldKind.Integer ? "int" : "float";
                if (spec.Minimum is { } min)
                {
                    field["min"] = min;
                }

                if (spec.Maximum is { } maximum)
                {
                    field["max"] = maximum;
                }

                break;

            case FieldKind.Date:
                field["widget"] = "datetime";
                field["time_format"] = false;
                field["format"] = "YYYY-MM-DD";
                if (spec.Required)
                {
                    // A profile is reviewed the day it is written, as with `new`.
                    field["default"] = "{{now}}";
                }

                break;

            case FieldKind.Enum:
                field["widget"] = "select";
                field["options"] = spec.AllowedValues.Select(v => Map(("label", EnumLabel(spec, v)), ("value", v))).ToList<object>();
                break;

            case FieldKind.Email:
                field["widget"] = "string";
                field["pattern"] = new List<object> { EmailPattern, "eine E-Mail-Adresse wie digital@kreis-beispiel.de" };
                break;

            case FieldKind.Phone:
                field["widget"] = "string";
                field["pattern"] = new List<object> { ContentSchema.PhonePattern, "Ziffern, Leerzeichen, +, /, - und Klammern, z. B. +49 5271 965-0" };
                break;

            case FieldKind.Url:
                field["widget"] = "string";
                field["pattern"] = new List<object> { UrlPattern, "eine vollständige Adresse, beginnend mit https:// oder http://" };
                break;

            case FieldKind.Reference:
                Select(site, field, spec);
                break;

            default:
                throw new InvalidOperationException($"Unhandled field kind {spec.Kind}");
        }

        return field;
    }

    /// <summary>The validator's e-mail rule (SchemaValidator), which it tightens further with System.Net.Mail.</summary>
    public const string EmailPattern = @"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$";

    /// <summary>http(s), a host with a dot (or localhost), no white space: what the validator's CheckUrl accepts.</summary>
    public const string UrlPattern = @"^https?://(?:localhost|[^\s/?#.]+(?:\.[^\s/?#.]+)+)(?::[0-9]+)?(?:[/?#]\S*)?$";

    /// <summary>A registry reference as a select of the registry's entries by name; another profile through a relation to the collection.</summary>
    private static void Select(Site site, Dictionary<string, object> field, FieldSpec reference)
    {
        if (reference.Target == ReferenceTarget.Projekt)
        {
            field["widget"] = "relation";
            field["collection"] = "projekte";
            field["value_field"] = "{{slug}}";
            field["search_fields"] = new List<object> { "titel" };
            field["display_fields"] = new List<object> { "titel" };
            return;
        }

        field["widget"] = "select";
        var names = site.Kommunen.ToDictionary(k => k.Kommune.Key, k => k.Kommune.Name, StringComparer.Ordinal);
        IEnumerable<(string Key, string Name)> options = reference.Target switch
        {
            ReferenceTarget.Handlungsfeld => site.Handlungsfelder.Select(f => (f.Feld.Key, f.Feld.Name)),
            ReferenceTarget.Kreis => site.Kommunen.Where(k => k.Kommune.IsKreis).Select(k => (k.Kommune.Key, k.Kommune.Name)),
            _ => site.Kommunen.Select(k => (k.Kommune.Key, KommuneLabel(k.Kommune, names))),
        };
        field["options"] = options.Select(o => Map(("label", o.Name), ("value", o.Key))).ToList<object>();
    }

    /// <summary>A Kommune as editors look for it: a Stadt or Gemeinde with its Kreis, since names repeat across Kreise.</summary>
    private static string KommuneLabel(Kommune k, Dictionary<string, string> names) => k.Typ switch
    {
        "kreisfreie-stadt" => $"{k.Name} (kreisfreie Stadt)",
        _ => k.Kreis is { } kreis && names.TryGetValue(kreis, out var kreisName) ? $"{k.Name} ({kreisName})" : k.Name,
    };

    private static string EnumLabel(FieldSpec spec, string value) => spec.Name switch
    {
        "status" => GermanFormat.Status(value),
        "uebertragbarkeit" => GermanFormat.Uebertragbarkeit(value),
        _ => value,
    };

    private static string Label(string name) =>
        Labels.TryGetValue(name, out var label) ? label : char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..].Replace('_', ' ');

    private static Dictionary<string, object> Map(params (string Key, object Value)[] entries)
    {
        // Dictionary keeps insertion order while nothing is removed; YamlDotNet writes keys in that order.
        var map = new Dictionary<string, object>(entries.Length + 4, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>The tree as YAML through YamlDotNet's emitter, which quotes what needs quoting; no reflection, so the native build can write it.</summary>
    internal static string ToYaml(object root)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, object value)
    {
        switch (value)
        {
            case string s:
                // A string that would read back as a number, a truth value or null is quoted, so it stays a string.
                var plain = !(s.Length == 0 || IsOtherScalar(s));
                emitter.Emit(new Scalar(null, null, s, plain ? ScalarStyle.Any : ScalarStyle.SingleQuoted, plain, true));
                break;
            case bool b:
                emitter.Emit(new Scalar(b ? "true" : "false"));
                break;
            case int i:
                emitter.Emit(new Scalar(i.ToString(CultureInfo.InvariantCulture)));
                break;
            case long l:
                emitter.Emit(new Scalar(l.ToString(CultureInfo.InvariantCulture)));
                break;
            case decimal d:
                emitter.Emit(new Scalar(d.ToString(CultureInfo.InvariantCulture)));
                break;
            case Dictionary<string, object> map:
                emitter.Emit(new MappingStart());
                foreach (var (key, item) in map)
                {
                    Emit(emitter, key);
                    Emit(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case System.Collections.IEnumerable list:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Any));
                foreach (var item in list)
                {
                    Emit(emitter, item!);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new InvalidOperationException($"SveltiaConfig cannot write a {value.GetType()}");
        }
    }

    /// <summary>Whether a plain scalar would be read as null, a truth value or a number by a YAML 1.1 or 1.2 parser (Sveltia's among them).</summary>
    internal static bool IsOtherScalar(string s) => OtherScalar().IsMatch(s);

    // YAML 1.2 core schema and YAML 1.1's wider forms (yes/no/on/off/y/n, underscores, 0b, sexagesimal), plus dates.
    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(~|null|Null|NULL"
        + @"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        + @"|[-+]?(0|[1-9][0-9_]*)|[-+]?0[0-7_]+|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
        + @"|[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OtherScalar();
}
