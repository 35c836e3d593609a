using System.Text;
using AngleSharp.Html.Parser;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Checking;

/// <summary>Pipeline stage 6: proves that every internal link and asset in the rendered site resolves, and nothing loads from elsewhere.</summary>
public sealed class OutputChecker
{
    private static readonly (string Selector, string Attribute, bool Loads)[] References =
    [
        ("a[href]", "href", false),
        ("area[href]", "href", false),
        ("link[href]", "href", true),
        ("script[src]", "src", true),
        ("img[src]", "src", true),
        ("source[src]", "src", true),
        ("iframe[src]", "src", true),
        ("form[action]", "action", false),
    ];

    public void Check(IReadOnlyList<OutputFile> files, UrlScheme urls, DiagnosticBag diagnostics)
    {
        var existing = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var html = files.Where(f => f.IsHtml).ToList();
        Parallel.ForEach(html, () => new HtmlParser(), (file, _, parser) =>
        {
            CheckPage(file, parser, existing, urls, diagnostics);
            return parser;
        }, _ => { });
    }

    private static void CheckPage(OutputFile file, HtmlParser parser, HashSet<string> existing, UrlScheme urls, DiagnosticBag diagnostics)
    {
        var document = parser.ParseDocument(Encoding.UTF8.GetString(file.Content));
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var pageDir = file.RelativePath.Contains('/') ? file.RelativePath[..(file.RelativePath.LastIndexOf('/') + 1)] : string.Empty;
        var at = SourceSpan.OfFile($"(Ausgabe)/{file.RelativePath}");
        foreach (var (selector, attribute, loads) in References)
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                var value = element.GetAttribute(attribute)?.Trim() ?? string.Empty;
                var problem = Resolve(value, loads, pageDir, ids, existing, urls);
                if (problem is not null)
                {
                    diagnostics.Error("TK0401", $"{problem}: <{element.LocalName} {attribute}=\"{value}\"> — prüfen Sie Vorlage, Markdown-Link oder basis_url", at);
                }
            }
        }
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
