using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Transferkatalog.Diagnostics;
using Transferkatalog.Rendering;

namespace Transferkatalog.Serving;

/// <summary>Wraps a template engine for repeated builds: reuses the compiled theme while its texts are unchanged and renders a page only when its view model changed.</summary>
/// <remarks>
/// Correct by construction rather than by dependency tracking: a template's output is a pure function of the template text
/// and the view model, so a page whose serialized view model is byte-identical to last time gets last time's HTML.
/// Editing one profile therefore re-renders that profile's page and the listings whose cards or counts changed, nothing else.
/// </remarks>
public sealed class MemoizingTemplateEngine(ITemplateEngine inner) : ITemplateEngine
{
    private static readonly JsonSerializerOptions KeyOptions = new() { IncludeFields = true, WriteIndented = false };

    private readonly Lock gate = new();
    private string? fingerprint;
    private ICompiledTheme? compiled;
    private ConcurrentDictionary<string, string> current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, string> previous = new(StringComparer.Ordinal);
    private int rendered;
    private int reused;

    /// <summary>Templates rendered afresh since the last <see cref="Compile"/>.</summary>
    public int Rendered => rendered;

    /// <summary>Renders answered from the previous build since the last <see cref="Compile"/>.</summary>
    public int Reused => reused;

    /// <summary>Whether the last <see cref="Compile"/> reused the compiled theme.</summary>
    public bool ThemeReused { get; private set; }

    /// <summary>Called once per build: starts a new generation, so pages that disappeared drop out of the cache.</summary>
    public ICompiledTheme? Compile(ThemeSource theme, DiagnosticBag diagnostics)
    {
        var print = Fingerprint(theme);
        lock (gate)
        {
            rendered = 0;
            reused = 0;
            if (print == fingerprint && compiled is not null)
            {
                previous = current;
                current = new(StringComparer.Ordinal);
                ThemeReused = true;
                return new Theme(this, compiled);
            }

            // Another theme: nothing rendered before can be trusted.
            ThemeReused = false;
            previous = new(StringComparer.Ordinal);
            current = new(StringComparer.Ordinal);
            compiled = inner.Compile(theme, diagnostics);
            fingerprint = compiled is null ? null : print;
            return compiled is null ? null : new Theme(this, compiled);
        }
    }

    private static string Fingerprint(ThemeSource theme)
    {
        var sb = new StringBuilder();
        foreach (var (kind, set) in new[] { ("t", theme.Templates), ("p", theme.Partials) })
        {
            foreach (var (name, (_, text)) in set.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                sb.Append(kind).Append('\0').Append(name).Append('\0').Append(text).Append('\0');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private string Render(ICompiledTheme theme, string template, object model)
    {
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(model, model.GetType(), KeyOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // A view the serializer cannot describe is simply never cached; correctness over speed.
            Interlocked.Increment(ref rendered);
            return theme.Render(template, model);
        }

        var key = template + ":" + model.GetType().FullName + ":" + Convert.ToHexString(SHA256.HashData(json));
        var (now, before) = (current, previous);
        if (now.TryGetValue(key, out var html) || before.TryGetValue(key, out html))
        {
            now[key] = html;
            Interlocked.Increment(ref reused);
            return html;
        }

        html = theme.Render(template, model);
        now[key] = html;
        Interlocked.Increment(ref rendered);
        return html;
    }

    private sealed class Theme(MemoizingTemplateEngine owner, ICompiledTheme inner) : ICompiledTheme
    {
        public bool Has(string template) => inner.Has(template);

        public string Render(string template, object model) => owner.Render(inner, template, model);
    }
}
