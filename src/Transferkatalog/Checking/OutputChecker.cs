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

    public void Check(IReadOnlyList<OutputFile> files, UrlScheme urls, DiagnosticBag diagnostics)
    {
        var existing = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var html = files.Where(f => f.IsHtml).ToList();
        Parallel.ForEach(html, Pipeline.Parallelism.Options, file => CheckPage(file, existing, urls, diagnostics));
    }

    private static void CheckPage(OutputFile file, HashSet<string> existing, UrlScheme urls, DiagnosticBag diagnostics)
    {
        var (ids, references) = Scan(Encoding.UTF8.GetString(file.Content));
        var pageDir = file.RelativePath.Contains('/') ? file.RelativePath[..(file.RelativePath.LastIndexOf('/') + 1)] : string.Empty;
        var at = SourceSpan.OfFile($"(Ausgabe)/{file.RelativePath}");
        foreach (var (tag, attribute, raw, loads) in references)
        {
            var value = raw.Trim();
            var problem = Resolve(value, loads, pageDir, ids, existing, urls);
            if (problem is not null)
            {
                diagnostics.Error("TK0401", $"{problem}: <{tag} {attribute}=\"{value}\"> — prüfen Sie Vorlage, Markdown-Link oder basis_url", at);
            }
        }
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

    /// <summary>Returns a description of what is wrong with a reference, or null when it resolves.</summary>
    private static string? Resolve(string value, bool loads, string pageDir, HashSet<string> ids, HashSet<string> existing, UrlScheme urls)
    {
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
        string? target;
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
        if (existing.Contains(target) || existing.Contains(target + "/index.html"))
        {
            return null;
        }

        return "Ziel existiert nicht";
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
