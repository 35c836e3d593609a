using Transferkatalog.Content;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Rendering;

/// <summary>
/// Reads a theme: templates/*, templates/partials/* (with the engine's extension) and everything under assets/. Like
/// Hugo's theme lookup, a catalogue's own theme folder overrides a fallback theme (the bundled default) file by file.
/// </summary>
public static class ThemeLoader
{
    /// <summary>Templates every theme must provide.</summary>
    public static readonly IReadOnlyList<string> RequiredTemplates = [.. ThemeContract.Templates.Keys];

    public static ThemeSource? Load(string themeRoot, string extension, DiagnosticBag diagnostics) =>
        Load(themeRoot, null, extension, diagnostics);

    /// <summary>
    /// Reads <paramref name="themeRoot"/>; every template, partial and asset it lacks comes from
    /// <paramref name="fallbackRoot"/> when one is given, so a catalogue's theme may hold just the files it changes.
    /// </summary>
    public static ThemeSource? Load(string themeRoot, string? fallbackRoot, string extension, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(themeRoot);
        var fallback = fallbackRoot is null ? null : Path.GetFullPath(fallbackRoot);
        if (fallback is not null && (PathsEqual(fallback, root) || !Directory.Exists(fallback)))
        {
            fallback = null;
        }

        if (!Directory.Exists(Path.Combine(root, "templates")) && (fallback is null || !Directory.Exists(root)))
        {
            var hint = Directory.Exists(root) ? "hat keinen Unterordner 'templates'" : "gibt es nicht";
            diagnostics.Error(DiagnosticCodes.ThemeMissing, $"Theme-Ordner '{themeRoot}' {hint} — geben Sie mit --theme den richtigen Ordner an", SourceSpan.OfFile(ContentLoader.Display(root)));
            return null;
        }

        // The catalogue's own folder first: a file there wins over the fallback's file of the same name.
        string[] layers = fallback is null ? [root] : [root, fallback];
        var templates = new Dictionary<string, (string Path, string Text)>(StringComparer.Ordinal);
        var partials = new Dictionary<string, (string Path, string Text)>(StringComparer.Ordinal);
        var assets = new SortedDictionary<string, ThemeAsset>(StringComparer.Ordinal);
        var editor = new SortedDictionary<string, ThemeAsset>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            ReadFolder(layer, Path.Combine(layer, "templates"), extension, templates, diagnostics);
            ReadFolder(layer, Path.Combine(layer, "templates", "partials"), extension, partials, diagnostics);
            AddFiles(layer, Path.Combine(layer, "assets"), assets, diagnostics);
            AddFiles(layer, Path.Combine(layer, "cms"), editor, diagnostics);
        }

        var missing = RequiredTemplates.Where(t => !templates.ContainsKey(t)).ToList();
        foreach (var name in missing)
        {
            diagnostics.Error(DiagnosticCodes.ThemeMissing, $"Theme-Vorlage '{name}{extension}' fehlt", SourceSpan.OfFile(ContentLoader.Display(Path.Combine(root, "templates", name + extension))));
        }

        return missing.Count == 0 ? new ThemeSource(root, templates, partials, [.. assets.Values]) { Models = ThemeContract.Templates, EditorFiles = [.. editor.Values] } : null;
    }

    /// <summary>Adds a layer's files below <paramref name="dir"/>; a file an earlier layer has stays that layer's.</summary>
    private static void AddFiles(string layer, string dir, SortedDictionary<string, ThemeAsset> into, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(dir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
            if (!into.ContainsKey(relative) && !LeavesTheme(file, layer, diagnostics))
            {
                into.Add(relative, new ThemeAsset(relative, file));
            }
        }
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    /// <summary>Reports a theme file whose link leads out of its theme: it would be published (an asset) or quoted (a template).</summary>
    private static bool LeavesTheme(string file, string themeRoot, DiagnosticBag diagnostics)
    {
        if (RealPaths.IsSameOrInside(RealPaths.Of(file), RealPaths.Of(themeRoot)))
        {
            return false;
        }

        diagnostics.Error(DiagnosticCodes.LinkLeavesFolder, "Verknüpfung führt aus dem Theme-Ordner hinaus und wird nicht gelesen — legen Sie die Datei selbst ins Theme", SourceSpan.OfFile(ContentLoader.Display(file)));
        return true;
    }

    private static void ReadFolder(string layer, string folder, string extension, Dictionary<string, (string Path, string Text)> into, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*" + extension).Where(f => f.EndsWith(extension, StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file)[..^extension.Length];
            if (into.ContainsKey(name))
            {
                continue;
            }

            var source = LeavesTheme(file, layer, diagnostics) ? null : ContentLoader.ReadText(file, diagnostics);
            if (source is not null)
            {
                into[name] = (source.DisplayPath, source.Text);
            }
        }
    }
}
