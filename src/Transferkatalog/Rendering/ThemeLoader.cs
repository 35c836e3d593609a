using Transferkatalog.Content;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Rendering;

/// <summary>Reads a theme folder: templates/*, templates/partials/* (with the engine's extension) and everything under assets/.</summary>
public static class ThemeLoader
{
    /// <summary>Templates every theme must provide.</summary>
    public static readonly IReadOnlyList<string> RequiredTemplates =
        ["layout", "katalog", "projekt", "handlungsfelder", "handlungsfeld", "kommunen", "kommune", "seite", "404"];

    public static ThemeSource? Load(string themeRoot, string extension, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(themeRoot);
        var templatesDir = Path.Combine(root, "templates");
        if (!Directory.Exists(templatesDir))
        {
            diagnostics.Error("TK0403", $"Theme-Ordner '{themeRoot}' hat keinen Unterordner 'templates' — geben Sie mit --theme den richtigen Ordner an", SourceSpan.OfFile(ContentLoader.Display(root)));
            return null;
        }

        var templates = ReadFolder(templatesDir, extension, diagnostics);
        var partialsDir = Path.Combine(templatesDir, "partials");
        var partials = Directory.Exists(partialsDir) ? ReadFolder(partialsDir, extension, diagnostics) : new Dictionary<string, (string, string)>();
        var missing = RequiredTemplates.Where(t => !templates.ContainsKey(t)).ToList();
        foreach (var name in missing)
        {
            diagnostics.Error("TK0403", $"Theme-Vorlage '{name}{extension}' fehlt", SourceSpan.OfFile(ContentLoader.Display(Path.Combine(templatesDir, name + extension))));
        }

        var assetsDir = Path.Combine(root, "assets");
        var assets = Directory.Exists(assetsDir)
            ? Directory.EnumerateFiles(assetsDir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : [];
        return missing.Count == 0 ? new ThemeSource(root, templates, partials, assets) : null;
    }

    private static Dictionary<string, (string Path, string Text)> ReadFolder(string folder, string extension, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*" + extension).Where(f => f.EndsWith(extension, StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            var source = ContentLoader.ReadText(file, diagnostics);
            if (source is not null)
            {
                result[Path.GetFileName(file)[..^extension.Length]] = (source.DisplayPath, source.Text);
            }
        }

        return result;
    }
}
