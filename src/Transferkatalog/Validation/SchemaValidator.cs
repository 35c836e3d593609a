using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Transferkatalog.Diagnostics;
using Transferkatalog.Schema;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Validation;

/// <summary>Known keys of the registries, for reference checks and suggestions.</summary>
internal sealed record ReferenceIndex(IReadOnlySet<string> Handlungsfelder, IReadOnlySet<string> Kommunen, IReadOnlySet<string> Kreise);

/// <summary>Checks a YAML node tree against a <see cref="FieldSpec"/>, reporting every problem with its position.</summary>
internal sealed partial class SchemaValidator(string file, int firstLine, DiagnosticBag diagnostics, ReferenceIndex? references)
{
    /// <summary>Validates and converts; returns null where the value is unusable (a diagnostic was reported).</summary>
    public Validated? Validate(YamlNode node, FieldSpec spec, string path) => spec.Kind switch
    {
        FieldKind.Map => ValidateMap(node, spec, path),
        FieldKind.List => ValidateList(node, spec, path),
        _ => ValidateScalar(node, spec, path),
    };

    private SourceSpan At(YamlNode node) => YamlDocumentReader.At(node, file, firstLine);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private Validated? ValidateMap(YamlNode node, FieldSpec spec, string path)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' muss eine Zuordnung (Schlüssel: Wert) sein, nicht {Describe(node)} — schreiben Sie die Unterfelder eingerückt darunter ({string.Join(", ", spec.Fields.Select(f => f.Name))})", At(node));
            return null;
        }

        var result = new Dictionary<string, Validated>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var field = spec.Field(key);
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (KeyProblem(keyNode) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.UnknownKey, $"{problem} in '{(path.Length == 0 ? "(oberste Ebene)" : path)}' — erlaubt sind: {string.Join(", ", spec.Fields.Select(f => f.Name))}", At(keyNode));
                continue;
            }

            // YamlDotNet compares keys with their tags, so "!!str titel:" slips past its duplicate check.
            if (!keys.Add(key))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateKey, $"Schlüssel '{Show(childPath)}' kommt doppelt vor — jeder Schlüssel darf nur einmal stehen; löschen oder vereinen Sie die Einträge", At(keyNode));
                continue;
            }

            if (field is null)
            {
                var hint = Suggestions.Hint(key, spec.Fields.Select(f => f.Name));
                var known = hint.Length > 0 ? hint : $" — erlaubt sind: {string.Join(", ", spec.Fields.Select(f => f.Name))}";
                diagnostics.Error(DiagnosticCodes.UnknownKey, $"unbekannter Schlüssel '{Show(childPath)}'{known}", At(keyNode));
                continue;
            }

            if (IsNull(valueNode))
            {
                if (field.Required)
                {
                    diagnostics.Error(DiagnosticCodes.RequiredFieldMissing, $"Pflichtfeld '{childPath}' ist leer — {field.Description}", At(keyNode));
                }

                continue;
            }

            var value = Validate(valueNode, field, childPath);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        foreach (var field in spec.Fields.Where(f => f.Required))
        {
            var present = map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == field.Name);
            if (!present)
            {
                var childPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                diagnostics.Error(DiagnosticCodes.RequiredFieldMissing, $"Pflichtfeld '{childPath}' fehlt — {field.Description}", At(node));
            }
        }

        return new Validated(result, At(node));
    }

    private Validated? ValidateList(YamlNode node, FieldSpec spec, string path)
    {
        var item = spec.Item ?? throw new InvalidOperationException($"List spec '{spec.Name}' has no item spec");
        if (node is YamlScalarNode scalar && item.Kind != FieldKind.Map)
        {
            // A single value where a list is expected is the commonest slip; say how to write it.
            diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' muss eine Liste sein — schreiben Sie z. B. '{path}: [{Show(scalar.Value ?? string.Empty)}]' oder jeden Eintrag in eine eigene Zeile mit '- '", At(node));
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' muss eine Liste sein, nicht {Describe(node)} — jeder Eintrag in eine eigene Zeile mit '- '", At(node));
            return null;
        }

        var values = new List<Validated>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var child in sequence.Children)
        {
            var childPath = $"{path}[{index++}]";
            if (IsNull(child))
            {
                diagnostics.Error(DiagnosticCodes.RequiredFieldMissing, $"leerer Eintrag in '{path}' — entfernen Sie die Zeile oder tragen Sie einen Wert ein", At(child));
                continue;
            }

            var value = Validate(child, item, childPath);
            if (value is null)
            {
                continue;
            }

            if (value.Value is string s && !seen.Add(s))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateListEntry, $"'{Show(s)}' steht in '{path}' doppelt — entfernen Sie den zweiten Eintrag", value.At);
                continue;
            }

            values.Add(value);
        }

        if (values.Count < spec.MinItems && index < spec.MinItems)
        {
            diagnostics.Error(DiagnosticCodes.EmptyList, $"'{path}' braucht mindestens {spec.MinItems} Eintrag — {spec.Description}", At(node));
        }

        return new Validated(values, At(node));
    }

    private Validated? ValidateScalar(YamlNode node, FieldSpec spec, string path)
    {
        var at = At(node);
        if (node is not YamlScalarNode scalar)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' muss ein einzelner Wert sein, nicht {Describe(node)} — {spec.Description}", at);
            return null;
        }

        var raw = (scalar.Value ?? string.Empty).Trim();
        if (UnsafeCharacter(raw) is { } unsafeChar)
        {
            // The file itself is free of them (TK0004 in the loader); this one came from an escape such as "\x01" or "\u202E".
            diagnostics.Error(DiagnosticCodes.ControlCharacter, $"'{path}' enthält das unsichtbare Zeichen U+{unsafeChar:X4} (etwa aus einer Escape-Folge wie \\x01 in Anführungszeichen) — löschen Sie es", at);
            return null;
        }

        switch (spec.Kind)
        {
            case FieldKind.String:
                return CheckLength(scalar.Value ?? string.Empty, raw, spec, path, at) && CheckForbidden(raw, spec, path, at) ? new Validated(raw, at) : null;

            case FieldKind.Ags:
                if (!AgsPattern().IsMatch(raw))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidAgs, $"'{Show(raw)}' ist kein Amtlicher Gemeindeschlüssel in '{path}' — 8 Ziffern für eine Stadt oder Gemeinde, 5 Ziffern für einen Kreis, z. B. ags: \"05762\"", at);
                    return null;
                }

                if (!IsQuoted(scalar))
                {
                    // A YAML loader reads 05762 as the number 5762; the leading zero, part of every NRW key, would be lost.
                    diagnostics.Error(DiagnosticCodes.InvalidAgs, $"'{path}' muss in Anführungszeichen stehen, sonst lesen YAML-Programme {raw} als Zahl und die führende 0 geht verloren — schreiben Sie {path.Split('.')[^1]}: \"{raw}\"", at);
                    return null;
                }

                return new Validated(raw, at);

            case FieldKind.Integer:
            case FieldKind.Number:
                return ValidateNumber(scalar, raw, spec, path, at);

            case FieldKind.Date:
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidDate, $"'{path}' ist kein gültiges Datum: '{Show(raw)}' — schreiben Sie JJJJ-MM-TT, z. B. 2025-03-31", at);
                    return null;
                }

                return new Validated(date, at);

            case FieldKind.Enum:
                if (!spec.AllowedValues.Contains(raw))
                {
                    var hint = Suggestions.Closest(raw, spec.AllowedValues);
                    var text = hint is null ? string.Empty : $"meinten Sie '{hint}'? ";
                    diagnostics.Error(DiagnosticCodes.InvalidValue, $"ungültiger Wert '{Show(raw)}' für '{path}' — {text}erlaubt sind: {string.Join(", ", spec.AllowedValues)}", at);
                    return null;
                }

                return new Validated(raw, at);

            case FieldKind.Email:
                if (!IsEmail(raw))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidEmail, $"'{Show(raw)}' ist keine gültige E-Mail-Adresse in '{path}' — erwartet wird z. B. digital@kreis-beispiel.de", at);
                    return null;
                }

                return new Validated(raw, at);

            case FieldKind.Phone:
                if (!PhonePattern().IsMatch(raw))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidPhone, $"'{Show(raw)}' ist keine gültige Telefonnummer in '{path}' — erlaubt sind Ziffern, Leerzeichen, +, /, - und Klammern, z. B. +49 5271 965-0", at);
                    return null;
                }

                return new Validated(raw, at);

            case FieldKind.Url:
                return CheckUrl(raw, path, at) ? new Validated(raw, at) : null;

            case FieldKind.Reference:
                return CheckReference(raw, spec, path, at) ? new Validated(raw, at) : null;

            default:
                throw new InvalidOperationException($"Unhandled field kind {spec.Kind}");
        }
    }

    /// <summary>Checks a text's length as JSON Schema counts it: in Unicode code points (an emoji is one, not two UTF-16 units) of the value as written.</summary>
    /// <remarks>Emptiness is judged on the trimmed value, so whitespace alone counts as empty (the schema says so with a pattern).</remarks>
    private bool CheckLength(string written, string trimmed, FieldSpec spec, string path, SourceSpan at)
    {
        if (spec.MinLength is { } min && trimmed.Length < min)
        {
            diagnostics.Error(DiagnosticCodes.TextEmptyOrTooLong, $"'{path}' ist leer — {spec.Description}", at);
            return false;
        }

        var length = CodePoints(written);
        if (spec.MaxLength is { } max && length > max)
        {
            diagnostics.Error(DiagnosticCodes.TextEmptyOrTooLong, $"'{path}' ist zu lang ({length} Zeichen, erlaubt sind höchstens {max}) — kürzen Sie den Text", at);
            return false;
        }

        return true;
    }

    /// <summary>Length in Unicode code points, the measure of JSON Schema's maxLength.</summary>
    internal static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private bool CheckForbidden(string value, FieldSpec spec, string path, SourceSpan at)
    {
        if (spec.MustNotContain is not { } forbidden || !value.Contains(forbidden, StringComparison.Ordinal))
        {
            return true;
        }

        var parts = string.Join(", ", value.Split(forbidden).Select(p => $"'{Show(p.Trim())}'"));
        diagnostics.Error(DiagnosticCodes.ListSeparatorInEntry, $"'{path}' enthält '{forbidden}', das in der CSV-Datei Listeneinträge trennt — schreiben Sie jeden Eintrag in eine eigene Zeile mit '- ' ({parts}) oder verwenden Sie ein Komma", at);
        return false;
    }

    /// <summary>Numbers as a YAML 1.2 loader (and so the JSON Schema in an editor) reads them: plain, no thousands separators, no quotes.</summary>
    private Validated? ValidateNumber(YamlScalarNode scalar, string raw, FieldSpec spec, string path, SourceSpan at)
    {
        var key = path.Split('.')[^1];
        if (spec.Kind == FieldKind.Number && ThousandsSeparated(raw) is { } plain)
        {
            // 250.000 is the German way to write 250,000; YAML reads it as 250.
            diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' = '{Show(raw)}' enthält Punkte als Tausendertrennzeichen, YAML liest das nicht als {plain} (250.000 wäre 250) — schreiben Sie {key}: {plain}", at);
            return null;
        }

        var kind = spec.Kind == FieldKind.Integer ? "eine ganze Zahl" : "eine Zahl";
        if (!YamlNumber().IsMatch(raw) || !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var advice = spec.Kind == FieldKind.Integer
                ? spec.Description
                : "ohne Punkte als Tausendertrennzeichen und ohne 'EUR', z. B. 250000 oder 1250.50";
            diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' muss {kind} sein, nicht '{Show(raw)}' — {advice}", at);
            return null;
        }

        if (IsQuoted(scalar))
        {
            diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' steht in Anführungszeichen und ist damit Text, nicht {kind} — schreiben Sie {key}: {raw} ohne Anführungszeichen", at);
            return null;
        }

        if (spec.Kind == FieldKind.Integer)
        {
            // 2019.0 is an integer to JSON Schema as well; anything with a fraction is not.
            if (value != decimal.Truncate(value) || value > long.MaxValue || value < long.MinValue)
            {
                diagnostics.Error(DiagnosticCodes.WrongType, $"'{path}' muss eine ganze Zahl sein, nicht '{Show(raw)}' — {spec.Description}", at);
                return null;
            }

            return CheckRange(value, spec, path, at) ? new Validated((long)value, at) : null;
        }

        return CheckRange(value, spec, path, at) ? new Validated(value, at) : null;
    }

    /// <summary>For a number written with German thousands separators (250.000, 1.250.000,50), the same number as YAML wants it; else null.</summary>
    internal static string? ThousandsSeparated(string raw)
    {
        if (!ThousandsPattern().IsMatch(raw))
        {
            return null;
        }

        return raw.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
    }

    private static bool IsQuoted(YamlScalarNode scalar) => scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain and not YamlDotNet.Core.ScalarStyle.Any;

    private bool CheckRange(decimal value, FieldSpec spec, string path, SourceSpan at)
    {
        if ((spec.Minimum is { } min && value < min) || (spec.Maximum is { } max && value > max))
        {
            var range = spec.Maximum is null ? $"mindestens {spec.Minimum}" : $"zwischen {spec.Minimum} und {spec.Maximum}";
            diagnostics.Error(DiagnosticCodes.NumberOutOfRange, $"'{path}' = {value.ToString(CultureInfo.InvariantCulture)} liegt außerhalb des erlaubten Bereichs ({range})", at);
            return false;
        }

        return true;
    }

    private bool CheckUrl(string raw, string path, SourceSpan at)
    {
        // On Unix .NET reads "/katalog/" as file:///katalog/; that is a relative address, not a file: scheme.
        var relative = raw.StartsWith('/') || raw.StartsWith('\\');
        if (relative || !Uri.TryCreate(raw, UriKind.Absolute, out var uri) || raw.Any(char.IsWhiteSpace))
        {
            diagnostics.Error(DiagnosticCodes.InvalidUrl, $"'{Show(raw)}' ist keine gültige Adresse in '{path}' — vollständig angeben, z. B. https://www.kreis-hoexter.de/", at);
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            diagnostics.Error(DiagnosticCodes.UrlNotHttp, $"Adressen in '{path}' müssen mit http:// oder https:// beginnen, nicht mit '{uri.Scheme}:'", at);
            return false;
        }

        if (string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal) && uri.Host != "localhost")
        {
            diagnostics.Error(DiagnosticCodes.InvalidUrl, $"'{Show(raw)}' in '{path}' hat keinen gültigen Servernamen — z. B. https://www.kreis-hoexter.de/", at);
            return false;
        }

        return true;
    }

    private bool CheckReference(string raw, FieldSpec spec, string path, SourceSpan at)
    {
        // Profiles are validated one by one and in parallel: which slugs exist is known only afterwards (RelationCheck).
        if (references is null || spec.Target == ReferenceTarget.Projekt)
        {
            return true;
        }

        var (set, code, label) = spec.Target switch
        {
            ReferenceTarget.Handlungsfeld => (references.Handlungsfelder, DiagnosticCodes.UnknownHandlungsfeld, "unbekannter Handlungsfeld-Schlüssel"),
            ReferenceTarget.Kreis => (references.Kreise, DiagnosticCodes.UnknownKreis, "unbekannter Kreis"),
            _ => (references.Kommunen, DiagnosticCodes.UnknownKommune, "unbekannte Kommune"),
        };
        if (set.Contains(raw))
        {
            return true;
        }

        var hint = Suggestions.Hint(raw, set);
        var registry = spec.Target == ReferenceTarget.Handlungsfeld ? "handlungsfelder.yml" : "kommunen.yml";
        var advice = hint.Length > 0 ? hint : $" — verwenden Sie einen Schlüssel aus {registry}";
        diagnostics.Error(code, $"{label} '{Show(raw)}' in '{path}'{advice}", at);
        return false;
    }

    private static bool IsEmail(string raw)
    {
        if (!EmailPattern().IsMatch(raw))
        {
            return false;
        }

        return MailAddress.TryCreate(raw, out var address) && address.Address == raw;
    }

    /// <summary>The first character a page, feed or terminal must not receive: controls other than tab and line break, bidi overrides, lone surrogates, noncharacters.</summary>
    internal static int? UnsafeCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (c is not ('\t' or '\n') && (char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' or >= '\uFDD0' and <= '\uFDEF'))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>A value as quoted in a message: long values are cut, so one pasted paragraph does not flood the terminal.</summary>
    private static string Show(string raw) => Suggestions.Shown(raw);

    /// <summary>Why a mapping key is not a usable name, or null when it is one.</summary>
    internal static string? KeyProblem(YamlNode key) => key switch
    {
        YamlScalarNode { Value: null or "" } => "Schlüssel fehlt vor dem Doppelpunkt",
        YamlScalarNode => null,
        _ => $"Schlüssel ist {Describe(key)} statt eines einfachen Namens (prüfen Sie Klammern und '?' am Zeilenanfang)",
    };

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "eine Liste",
        YamlMappingNode => "eine Zuordnung",
        YamlScalarNode s => $"der Wert '{Show(s.Value ?? string.Empty)}'",
        _ => "dieser Wert",
    };

    // Letters, digits and . _ + - only: '%', '?', '&', '#' or '/' would let a value such as "a%40b.de?bcc=x@y.de" add hidden recipients to the mailto: link.
    [GeneratedRegex(@"^[\p{L}\p{N}._+\-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}\z")]
    private static partial Regex EmailPattern();

    /// <summary>YAML 1.2 core schema integers and floats in decimal notation, the only numbers an editor's YAML tooling reads as numbers.</summary>
    [GeneratedRegex(@"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlNumber();

    /// <summary>Groups of three digits after a dot (at least one group), optionally a decimal comma: 250.000, 1.250.000,50.</summary>
    [GeneratedRegex(@"^[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,2})?$")]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"^(?:[0-9]{5}|[0-9]{8})$")]
    private static partial Regex AgsPattern();

    [GeneratedRegex(ContentSchema.PhonePattern)]
    private static partial Regex PhonePattern();
}
