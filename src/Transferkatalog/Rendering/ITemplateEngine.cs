using Transferkatalog.Diagnostics;

namespace Transferkatalog.Rendering;

/// <summary>The only seam to the template engine: load a theme's templates once, render them many times.</summary>
public interface ITemplateEngine
{
    /// <summary>File extension of templates and partials this engine reads, with the dot (".sbn-html").</summary>
    string TemplateExtension { get; }

    /// <summary>Compiles every template and partial of a theme; problems become diagnostics, null means unusable.</summary>
    ICompiledTheme? Compile(ThemeSource theme, DiagnosticBag diagnostics);
}

/// <summary>A theme whose templates are compiled and safe to render from several threads at once.</summary>
public interface ICompiledTheme
{
    bool Has(string template);

    /// <summary>
    /// Renders a template; every value it prints is HTML-encoded unless it is <see cref="TrustedHtml"/> printed through
    /// the theme's one raw function. A mistake the template makes at render time throws <see cref="TemplateRenderException"/>.
    /// </summary>
    string Render(string template, object model);

    /// <summary>
    /// Renders <paramref name="template"/> inside the theme's <c>layout</c> in one pass and hands the page to
    /// <paramref name="take"/>, whose characters are valid only during that call. <paramref name="layoutModel"/> makes the
    /// layout's view from the content, which is rendered where the layout prints it.
    /// </summary>
    TResult RenderPage<TResult>(string template, object model, Func<TrustedHtml, object> layoutModel, PageConsumer<TResult> take);
}

/// <summary>Takes a rendered page while its characters are still in the renderer's buffer.</summary>
public delegate TResult PageConsumer<TResult>(ReadOnlySpan<char> html);

/// <summary>
/// A view whose one instance several pages show, such as a profile's card: an engine may render a partial for it once
/// and print the same HTML wherever it is included again. Only for immutable views.
/// </summary>
public interface ISharedView
{
    /// <summary>Where the engine keeps that HTML; it lives and dies with the view, so nothing outlives a build.</summary>
    internal RenderMemo Memo { get; }
}

/// <summary>The HTML one partial rendered for one shared view.</summary>
/// <remarks>
/// Kept with the view instead of in a table keyed by it: a weak table's handles, one per card, are scanned by every
/// garbage collection and stayed behind in the preview after each rebuild. A copy made with 'with' shares the memo but
/// is a different view, so the memo also names the view it belongs to.
/// </remarks>
public sealed class RenderMemo
{
    private (string Partial, object View, byte[] Html)? rendered;

    internal byte[]? Get(string partial, object view) =>
        rendered is { } r && r.Partial == partial && ReferenceEquals(r.View, view) ? r.Html : null;

    /// <summary>Keeps the first HTML given; a later one (another partial, a copy of the view) is simply not kept.</summary>
    internal void Set(string partial, object view, byte[] html)
    {
        lock (this)
        {
            rendered ??= (partial, view, html);
        }
    }
}

/// <summary>Template texts of a theme, read from disk: templates by name, partials by name, each with the file it came from.</summary>
public sealed record ThemeSource(
    string Root,
    IReadOnlyDictionary<string, (string Path, string Text)> Templates,
    IReadOnlyDictionary<string, (string Path, string Text)> Partials,
    IReadOnlyList<ThemeAsset> AssetFiles)
{
    /// <summary>The web editor's files (the theme's cms/ folder), copied to /admin/ only when site.yml switches the editor on.</summary>
    public IReadOnlyList<ThemeAsset> EditorFiles { get; init; } = [];

    /// <summary>The view type each template renders (see <see cref="ThemeContract"/>), so names can be checked before any page is rendered.</summary>
    public IReadOnlyDictionary<string, Type> Models { get; init; } = new Dictionary<string, Type>();
}

/// <summary>A static file of a theme: where it goes under assets/ and the file it is copied from.</summary>
public sealed record ThemeAsset(string RelativePath, string FullPath);

/// <summary>A template failed while rendering a page: the diagnostic names the template file, line and column.</summary>
public sealed class TemplateRenderException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;

    /// <summary>
    /// Reports what stopped rendering: each template mistake at its own file, line and column (all that the parallel
    /// renders found), anything else as one error at the theme folder that names the exception and both possible causes,
    /// never as a stack trace.
    /// </summary>
    public static void Report(Exception ex, string themeDisplayPath, DiagnosticBag diagnostics)
    {
        var causes = ex is AggregateException agg ? agg.Flatten().InnerExceptions : [ex];
        var mistakes = causes.OfType<TemplateRenderException>().ToList();
        if (mistakes.Count == 0)
        {
            // Not a template mistake with a place: a theme's template that trips something else, or a bug in the
            // generator (an export failing while the pages are made ends here too). Say both, so nobody searches the theme in vain.
            diagnostics.Error(
                DiagnosticCodes.TemplateError,
                $"Website konnte nicht erzeugt werden ({causes[0].GetType().Name}: {causes[0].Message}) — liegt es nicht an einer gerade geänderten Vorlage des Themes, ist es ein Fehler des Generators: bitte melden Sie ihn mit dieser Meldung dem Katalog-Team",
                SourceSpan.OfFile(themeDisplayPath));
            return;
        }

        diagnostics.AddRange(mistakes.Select(m => m.Diagnostic));
    }
}
