using HandlebarsDotNet;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Rendering;

/// <summary>Handlebars.Net behind <see cref="ITemplateEngine"/>; no other file references the engine.</summary>
public sealed class HandlebarsTemplateEngine : ITemplateEngine
{
    public ICompiledTheme? Compile(ThemeSource theme, DiagnosticBag diagnostics)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            // Values never pass unencoded unless a template asks with {{{…}}}; only our rendered Markdown does.
            NoEscape = false,
        });

        var ok = true;
        foreach (var (name, (path, text)) in theme.Partials.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            try
            {
                handlebars.RegisterTemplate(name, text);
            }
            catch (HandlebarsException ex)
            {
                diagnostics.Error("TK0402", $"Fehler im Partial '{name}': {ex.Message}", SourceSpan.OfFile(path));
                ok = false;
            }
        }

        var compiled = new Dictionary<string, HandlebarsTemplate<object, object>>(StringComparer.Ordinal);
        foreach (var (name, (path, text)) in theme.Templates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            try
            {
                compiled[name] = handlebars.Compile(text);
            }
            catch (HandlebarsException ex)
            {
                diagnostics.Error("TK0402", $"Fehler in der Vorlage '{name}': {ex.Message}", SourceSpan.OfFile(path));
                ok = false;
            }
        }

        return ok ? new CompiledTheme(compiled) : null;
    }

    private sealed class CompiledTheme(Dictionary<string, HandlebarsTemplate<object, object>> templates) : ICompiledTheme
    {
        public bool Has(string template) => templates.ContainsKey(template);

        public string Render(string template, object model)
        {
            if (!templates.TryGetValue(template, out var compiled))
            {
                throw new KeyNotFoundException($"Theme has no template '{template}'");
            }

            return compiled(model);
        }
    }
}
