using Transferkatalog.Content;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Scaffolding;

/// <summary>The marker `new` writes into values an editor still has to fill in, and the check that finds it again.</summary>
public static class Placeholder
{
    /// <summary>Starts every placeholder value; unlikely in real text and self-explanatory to a German-speaking editor.</summary>
    public const string Marker = "ERSETZEN:";

    /// <summary>A placeholder value for the given hint, as the YAML text of a double-quoted scalar.</summary>
    public static string Yaml(string hint) => ProfileScaffolder.Quote($"{Marker} {hint}");

    /// <summary>Reports every placeholder left in profiles and pages; returns the (file, line) pairs it reported.</summary>
    /// <remarks>
    /// A plain text scan, so a placeholder is found even when the YAML around it does not parse.
    /// The caller drops the validator's own complaints on those lines: "unbekannter Schlüssel 'ERSETZEN: …'" would only repeat the point.
    /// </remarks>
    public static HashSet<(string File, int Line)> Report(RawContent raw, DiagnosticBag diagnostics)
    {
        var found = new HashSet<(string, int)>();
        foreach (var source in raw.Profiles.Concat(raw.Pages))
        {
            found.UnionWith(Report(source, diagnostics));
        }

        return found;
    }

    /// <summary>Adds the validator's diagnostics to <paramref name="target"/>, except those on a line whose placeholder was already reported.</summary>
    /// <remarks>One rule for the build and the preview, so both give the same messages.</remarks>
    public static void AddValidation(DiagnosticBag target, DiagnosticBag validation, IReadOnlySet<(string File, int Line)> placeholders) =>
        target.AddRange(validation.ToSortedList().Where(d => !placeholders.Contains((d.File, d.Line))));

    /// <summary>Reports the placeholders of one file; returns the (file, line) pairs it reported.</summary>
    public static HashSet<(string File, int Line)> Report(MarkdownSource source, DiagnosticBag diagnostics)
    {
        var found = new HashSet<(string, int)>();

        // Nearly every file has none: one search instead of splitting every file into lines (2 % of a build's CPU).
        if (!source.File.Text.Contains(Marker, StringComparison.Ordinal))
        {
            return found;
        }

        var lines = source.File.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(Marker, StringComparison.Ordinal);
            if (column < 0 || lines[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            var hint = lines[i][(column + Marker.Length)..].Trim().TrimEnd('"', '\'').Trim();
            var what = hint.Length > 0 ? $" „{hint}“" : string.Empty;
            diagnostics.Error(DiagnosticCodes.PlaceholderNotReplaced, $"Platzhalter ersetzen:{what} — tragen Sie hier den echten Wert ein (angelegt mit 'transferkatalog new')", new SourceSpan(source.File.DisplayPath, i + 1, column + 1));
            found.Add((source.File.DisplayPath, i + 1));
        }

        return found;
    }
}
