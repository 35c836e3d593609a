using System.Collections.Concurrent;
using System.Text;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Checking;

/// <summary>Pipeline stage 6: proves that every internal link and asset in the rendered site resolves, and nothing loads from elsewhere.</summary>
public sealed class OutputChecker
{
    /// <summary>Elements whose attribute refers to another file; Loads means the browser fetches it without a click.</summary>
    private static readonly Dictionary<string, (string Attribute, bool Loads)> References = new(StringComparer.Ordinal)
    {
        ["a"] = ("href", false),
        ["area"] = ("href", false),
        ["link"] = ("href", true),
        ["script"] = ("src", true),
        ["img"] = ("src", true),
        ["source"] = ("src", true),
        ["iframe"] = ("src", true),
        ["form"] = ("action", false),
    };

    /// <summary>How findings name an output page, so callers can tell which page a diagnostic belongs to.</summary>
    public static string DisplayPath(string relativePath) => $"(Ausgabe)/{relativePath}";

    public void Check(IReadOnlyList<OutputFile> files, UrlScheme urls, DiagnosticBag diagnostics)
    {
        var session = new Session(urls, diagnostics);
        session.Know(files.Select(f => f.RelativePath));
        var html = files.Where(f => f.IsHtml).ToList();
        Parallel.ForEach(html, Pipeline.Parallelism.Options, file => session.CheckPage(file.RelativePath, Encoding.UTF8.GetString(file.Content)));
        session.Complete();
    }

    /// <summary>A check fed one page at a time while the site is still being produced, so no page has to wait in memory for the others.</summary>
    /// <remarks>A reference to a file not known yet is held back until <see cref="Complete"/>: exports are generated alongside
    /// the pages, so their paths are known only at the end. Diagnostics are the same as checking the finished site.</remarks>
    public sealed class Session(UrlScheme urls, DiagnosticBag diagnostics)
    {
        private readonly HashSet<string> existing = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<(SourceSpan At, string Tag, string Attribute, string Value, string Target)> pending = new();

        /// <summary>Adds paths that exist in the output; never call it while <see cref="CheckPage"/> runs on another thread.</summary>
        public void Know(IEnumerable<string> paths) => existing.UnionWith(paths);

        /// <summary>Checks one HTML page; safe to call from several threads.</summary>
        public void CheckPage(string relativePath, string html)
        {
            var (ids, references) = Scan(html);
            var pageDir = relativePath.Contains('/') ? relativePath[..(relativePath.LastIndexOf('/') + 1)] : string.Empty;
            var at = SourceSpan.OfFile(DisplayPath(relativePath));
            foreach (var (tag, attribute, raw, loads) in references)
            {
                var value = raw.Trim();
                var problem = Resolve(value, loads, pageDir, ids, urls, out var target);
                if (problem is null && target is not null && !Exists(target))
                {
                    pending.Enqueue((at, tag, attribute, value, target));
                }
                else if (problem is not null)
                {
                    Report(at, tag, attribute, value, problem);
                }
            }
        }

        /// <summary>Reports the held-back references whose targets are still unknown; call once every path is known.</summary>
        public void Complete()
        {
            while (pending.TryDequeue(out var p))
            {
                if (!Exists(p.Target))
                {
                    Report(p.At, p.Tag, p.Attribute, p.Value, "Ziel existiert nicht");
                }
            }
        }

        private bool Exists(string target) => existing.Contains(target) || existing.Contains(target + "/index.html");

        private void Report(SourceSpan at, string tag, string attribute, string value, string problem) =>
            diagnostics.Error("TK0401", $"{problem}: <{tag} {attribute}=\"{value}\"> — prüfen Sie Vorlage, Markdown-Link oder basis_url", at);
    }

    private static readonly Dictionary<string, string> ReferenceAttributes =
        References.ToDictionary(r => r.Key, r => r.Value.Attribute, StringComparer.Ordinal);

    /// <summary>Every id and every reference of a page.</summary>
    /// <remarks>Building a DOM cost four fifths of the check and told us nothing more: ids and link attributes sit on start tags.</remarks>
    internal static (HashSet<string> Ids, List<(string Tag, string Attribute, string Value, bool Loads)> References) Scan(string html)
    {
        var (ids, found) = HtmlReferenceScanner.Scan(html, ReferenceAttributes);
        return (ids, found.Select(f => (f.Tag, f.Attribute, f.Value, References[f.Tag].Loads)).ToList());
    }

    /// <summary>Returns a description of what is wrong with a reference, or null; <paramref name="target"/> is the output file it needs, if any.</summary>
    private static string? Resolve(string value, bool loads, string pageDir, HashSet<string> ids, UrlScheme urls, out string? target)
    {
        target = null;
        if (value.Length == 0)
        {
            return loads ? "leerer Verweis" : null;
        }

        if (value.StartsWith('#'))
        {
            var id = Uri.UnescapeDataString(value[1..]);
            return id.Length == 0 || ids.Contains(id) ? null : $"Sprungziel '{id}' fehlt auf der Seite";
        }

        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return loads ? "unzulässige Ressource" : null;
        }

        var isAbsolute = value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("//", StringComparison.Ordinal);
        if (isAbsolute)
        {
            if (urls.Origin.Length > 0 && value.StartsWith(urls.Origin + urls.BasePath, StringComparison.Ordinal))
            {
                value = value[urls.Origin.Length..];
            }
            else
            {
                // External links are fine to follow, never to load: a third-party request would break the privacy promise.
                return loads ? "Ressource von fremdem Server" : null;
            }
        }

        var path = StripQueryAndFragment(value);
        if (path.StartsWith('/'))
        {
            target = urls.OutputPathFor(path);
            if (target is null)
            {
                return $"Verweis liegt außerhalb des Basispfads '{urls.BasePath}'";
            }
        }
        else if (path.Contains(':', StringComparison.Ordinal))
        {
            return "unzulässiges Adressschema";
        }
        else
        {
            target = Normalize(pageDir + path);
            if (target is null)
            {
                return "Verweis zeigt aus der Website heraus";
            }

            target = target.Length == 0 || target.EndsWith('/') ? target + "index.html" : target;
        }

        target = Uri.UnescapeDataString(target);
        return null;
    }

    private static string StripQueryAndFragment(string value)
    {
        var cut = value.IndexOfAny(['?', '#']);
        return cut >= 0 ? value[..cut] : value;
    }

    private static string? Normalize(string relative)
    {
        var parts = new List<string>();
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
