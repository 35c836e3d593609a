using System.Globalization;
using System.Text;
using Transferkatalog.Schema;

namespace Transferkatalog.Scaffolding;

/// <summary>Writes the text of a new profile from <see cref="ContentSchema.Profile"/>: every key, one comment line each, placeholders where a value is required.</summary>
/// <remarks>Driven by the FieldSpecs only, so a field added to the format shows up in new profiles without touching this class.</remarks>
public sealed class ProfileScaffolder
{
    /// <summary>Registry keys listed in comments only up to this count; a comment naming a hundred Kommunen helps nobody.</summary>
    private const int MaxListedKeys = 20;

    /// <summary>The body's section headings and what belongs under each; also the web editor's default body.</summary>
    public static readonly IReadOnlyList<(string Heading, string Hint)> Sections =
    [
        ("Ziel", "Welches Problem löst das Projekt, und für wen?"),
        ("Umsetzung", "Wie arbeiten die Kommunen zusammen? Wer übernimmt welche Aufgabe?"),
        ("Erfahrungen", "Was hat sich bewährt, und was würden Sie anderen Kommunen raten?"),
    ];

    private readonly RegistryKeys? keys;
    private readonly DateOnly today;
    private readonly StringBuilder sb = new();

    public ProfileScaffolder(RegistryKeys? keys, DateOnly today)
    {
        this.keys = keys;
        this.today = today;
    }

    /// <summary>The complete file: front matter and a Markdown body with placeholder paragraphs.</summary>
    public string Render(string? titel)
    {
        sb.Clear();
        sb.Append("---\n");
        Line("# Neuer Steckbrief, angelegt mit „transferkatalog new“.");
        Line($"# Ersetzen Sie jeden Wert, der mit „{Placeholder.Marker}“ beginnt; „transferkatalog check“ zeigt, was noch fehlt.");
        Line("# Optionale Angaben dürfen leer bleiben. Auskommentierte Blöcke („# “ am Zeilenanfang) bei Bedarf einkommentieren.");
        foreach (var field in ContentSchema.Profile.Fields)
        {
            var value = field.Name == "titel" && !string.IsNullOrWhiteSpace(titel) ? Quote(titel.Trim()) : null;
            Emit(field, indent: 0, commented: false, listItem: false, presetValue: value);
        }

        sb.Append("---\n\n");
        foreach (var (heading, hint) in Sections)
        {
            Section(heading, hint);
        }

        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar; safe for any text, including ':' and '#'.</summary>
    public static string Quote(string text)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return $"\"{escaped}\"";
    }

    private void Section(string heading, string hint)
    {
        sb.Append("## ").Append(heading).Append("\n\n").Append(Placeholder.Marker).Append(' ').Append(hint).Append("\n\n");
    }

    private void Line(string text) => sb.Append(text).Append('\n');

    /// <summary>Writes one key with its comment; optional blocks come out commented so an empty file stays valid.</summary>
    private void Emit(FieldSpec field, int indent, bool commented, bool listItem, string? presetValue = null)
    {
        var prefix = commented ? "# " : string.Empty;
        var pad = new string(' ', indent);

        // In a list item the first key carries the "- "; the comment above it sits at the dash's column.
        Line($"{prefix}{pad}# {Describe(field)}");
        var key = listItem ? $"{pad}- {field.Name}:" : $"{pad}{field.Name}:";
        var childIndent = indent + (listItem ? 4 : 2);
        var active = field.Required && !commented;

        switch (field.Kind)
        {
            case FieldKind.Map:
                Line(prefix + key);
                foreach (var child in field.Fields)
                {
                    Emit(child, childIndent, commented: !active, listItem: false);
                }

                break;

            case FieldKind.List when field.Item is { } item:
                Line(prefix + key);
                if (item.Kind == FieldKind.Map)
                {
                    // First member carries the dash; the rest line up under it.
                    for (var i = 0; i < item.Fields.Count; i++)
                    {
                        var first = i == 0;
                        Emit(item.Fields[i], first ? childIndent : childIndent + 2, commented: !active, listItem: first);
                    }
                }
                else if (active)
                {
                    Line($"{new string(' ', childIndent)}- {Placeholder.Yaml(item.Description)}");
                }

                break;

            default:
                var value = presetValue ?? (active ? ScalarPlaceholder(field) : null);
                Line(value is null ? prefix + key : $"{prefix}{key} {value}");
                break;
        }
    }

    private string ScalarPlaceholder(FieldSpec field) => field.Kind switch
    {
        // A new profile is reviewed the day it is written; anything else would make it stale from the start.
        FieldKind.Date => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldKind.Enum => Placeholder.Yaml(string.Join(", ", field.AllowedValues)),
        _ => Placeholder.Yaml(field.Description),
    };

    private string Describe(FieldSpec field)
    {
        var parts = new List<string> { field.Required ? "Pflichtfeld" : "optional" };
        switch (field.Kind)
        {
            case FieldKind.List:
                parts.Add("Liste, je Eintrag eine Zeile mit „- “");
                if (field.Item is { Kind: FieldKind.Reference } reference && KnownKeys(reference.Target) is { } listed)
                {
                    parts.Add($"mögliche Werte: {listed}");
                }

                break;
            case FieldKind.Enum:
                parts.Add($"erlaubt: {string.Join(", ", field.AllowedValues)}");
                break;
            case FieldKind.Integer or FieldKind.Number when field.Minimum is { } min:
                parts.Add(field.Maximum is { } max ? $"Zahl von {min} bis {max}" : $"Zahl ab {min}");
                break;
            case FieldKind.Reference when KnownKeys(field.Target) is { } keyList:
                parts.Add($"mögliche Werte: {keyList}");
                break;
            case FieldKind.String when field.MaxLength is { } maxLength && !field.Description.Contains("höchstens", StringComparison.Ordinal):
                parts.Add($"höchstens {maxLength} Zeichen");
                break;
        }

        if (field.Example is { } example)
        {
            parts.Add($"z. B. {example}");
        }

        return $"{field.Description} ({string.Join("; ", parts)})";
    }

    private string? KnownKeys(ReferenceTarget? target)
    {
        var list = target switch
        {
            ReferenceTarget.Handlungsfeld => keys?.Handlungsfelder,
            ReferenceTarget.Kreis => keys?.Kreise,
            ReferenceTarget.Kommune => keys?.Kommunen,
            _ => null,
        };
        return list is { Count: > 0 and <= MaxListedKeys } ? string.Join(", ", list) : null;
    }
}
