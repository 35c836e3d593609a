using Transferkatalog.Diagnostics;

namespace Transferkatalog.Rendering;

/// <summary>The only seam to the template engine: load a theme's templates once, render them many times.</summary>
public interface ITemplateEngine
{
    /// <summary>Compiles every template and partial of a theme; problems become diagnostics, null means unusable.</summary>
    ICompiledTheme? Compile(ThemeSource theme, DiagnosticBag diagnostics);
}

/// <summary>A theme whose templates are compiled and safe to render from several threads at once.</summary>
public interface ICompiledTheme
{
    bool Has(string template);

    /// <summary>Renders a template; every value it prints is HTML-encoded unless the template marks it as trusted HTML.</summary>
    string Render(string template, object model);
}

/// <summary>Template texts of a theme, read from disk: templates by name, partials by name.</summary>
public sealed record ThemeSource(
    string Root,
    IReadOnlyDictionary<string, (string Path, string Text)> Templates,
    IReadOnlyDictionary<string, (string Path, string Text)> Partials,
    IReadOnlyList<string> AssetFiles);
