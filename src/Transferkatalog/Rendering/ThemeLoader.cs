using Transferkatalog.Content;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Rendering;

/// <summary>Reads a theme folder: templates/*.hbs, templates/partials/*.hbs and everything under assets/.</summary>
public static class ThemeLoader
{
    /// <summary>Templates every theme must provide.</summary>
    public static readonly IReadOnlyList<string> RequiredTemplates =
        ["layout", "katalog", "projekt", "handlungsfelder", "handlungsfeld", "kommunen", "kommune", "seite", "404"];

    public static ThemeSource? Load(string themeRoot, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(themeRoot);
        var templatesDir = Path.Combine(root, "templates");
        if (!Directory.Exists(templatesDir))
        {
            diagnostics.Error("TK0403", $"Theme-Ordner '{themeRoot}' hat keinen Unterordner 'templates' — geben Sie mit --theme den richtigen Ordner an", SourceSpan.OfFile(ContentLoader.Display(root)));
            return null;
        }

        var templates = ReadFolder(templatesDir, diagnostics);
        var partialsDir = Path.Combine(templatesDir, "partials");
        var partials = Directory.Exists(partialsDir) ? ReadFolder(partialsDir, diagnostics) : new Dictionary<string, (string, string)>();
        var missing = RequiredTemplates.Where(t => !templates.ContainsKey(t)).ToList();
        foreach (var name in missing)
        {
            diagnostics.Error("TK0403", $"Theme-Vorlage '{name}.hbs' fehlt", SourceSpan.OfFile(ContentLoader.Display(Path.Combine(templatesDir, name + ".hbs"))));
        }

        var assetsDir = Path.Combine(root, "assets");
        var assets = Directory.Exists(assetsDir)
            ? Directory.EnumerateFiles(assetsDir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).Where(f => !LeavesTheme(f, root, diagnostics)).ToList()
            : [];
        return missing.Count == 0 ? new ThemeSource(root, templates, partials, assets) : null;
    }

    /// <summary>Reports a theme file whose link leads out of the theme: it would be published (an asset) or quoted (a template).</summary>
    private static bool LeavesTheme(string file, string themeRoot, DiagnosticBag diagnostics)
    {
        if (RealPaths.IsSameOrInside(RealPaths.Of(file), RealPaths.Of(themeRoot)))
        {
            return false;
        }

        diagnostics.Error("TK0016", "Verknüpfung führt aus dem Theme-Ordner hinaus und wird nicht gelesen — legen Sie die Datei selbst ins Theme", SourceSpan.OfFile(ContentLoader.Display(file)));
        return true;
    }

    private static Dictionary<string, (string Path, string Text)> ReadFolder(string folder, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.hbs").OrderBy(f => f, StringComparer.Ordinal))
        {
            var source = LeavesTheme(file, Path.GetDirectoryName(Path.GetDirectoryName(file)!)!, diagnostics) ? null : ContentLoader.ReadText(file, diagnostics);
            if (source is not null)
            {
                result[Path.GetFileNameWithoutExtension(file)] = (source.DisplayPath, source.Text);
            }
        }

        return result;
    }
}
