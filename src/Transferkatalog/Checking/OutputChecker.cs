using System.Collections.Concurrent;
using System.Text;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
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

    public void Check(IReadOnlyList<OutputFile> files, UrlScheme urls, DiagnosticBag diagnostics, IReadOnlyDictionary<string, PageBody>? bodies = null)
    {
        var session = new Session(urls, diagnostics, () => bodies);
        session.Know(files.Select(f => f.RelativePath));
        var html = files.Where(f => f.IsHtml).ToList();
        Parallel.ForEach(html, Parallelism.Options, file => session.CheckPage(file.RelativePath, Encoding.UTF8.GetString(file.Content)));
        session.Complete();
    }

    /// <summary>A check fed one page at a time while the site is still being produced, so no page has to wait in memory for the others.</summary>
    /// <remarks>A reference to a file not known yet is held back until <see cref="Complete"/>: exports are generated alongside
    /// the pages, so their paths are known only at the end. Diagnostics are the same as checking the finished site.
    /// A broken reference that came from a page's Markdown body (see <see cref="PageBody"/>) is reported at the line and
    /// column of the Markdown file instead of the page, since that is where an editor can fix it.</remarks>
    /// <param name="bodiesOfPages">The Markdown behind each page, asked for only when a finding is reported (a build may start writing exports before its pages are planned).</param>
    public sealed class Session(UrlScheme urls, DiagnosticBag diagnostics, Func<IReadOnlyDictionary<string, PageBody>?>? bodiesOfPages = null)
    {
        private readonly Lazy<IReadOnlyDictionary<string, PageBody>> bodies = new(() => bodiesOfPages?.Invoke() ?? new Dictionary<string, PageBody>());
        private readonly HashSet<string> existing = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<Finding> pending = new();
        private Dictionary<string, string>? pageOfSource;

        /// <summary>Adds paths that exist in the output; never call it while <see cref="CheckPage"/> runs on another thread.</summary>
        public void Know(IEnumerable<string> paths) => existing.UnionWith(paths);

        /// <summary>The output page a finding of this session belongs to, whether it names the page or the Markdown file of the page's body.</summary>
        public string? PageOf(Diagnostic diagnostic)
        {
            var prefix = DisplayPath(string.Empty);
            return diagnostic.File.StartsWith(prefix, StringComparison.Ordinal)
                ? diagnostic.File[prefix.Length..]
                : LazyInitializer.EnsureInitialized(ref pageOfSource, () =>
                {
                    var pages = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (page, body) in bodies.Value)
                    {
                        pages.TryAdd(body.File, page);
                    }

                    return pages;
                }).GetValueOrDefault(diagnostic.File);
        }

        /// <summary>Checks one HTML page; safe to call from several threads.</summary>
        public void CheckPage(string relativePath, ReadOnlySpan<char> html)
        {
            var (ids, references) = Scan(html);
            var pageDir = relativePath.Contains('/') ? relativePath[..(relativePath.LastIndexOf('/') + 1)] : string.Empty;
            var at = SourceSpan.OfFile(DisplayPath(relativePath));
            List<Finding>? problems = null;
            foreach (var (tag, attribute, raw, loads) in references)
            {
                var value = raw.Trim();
                var problem = Resolve(value, loads, pageDir, ids, urls, out var target);
                if (problem is null && target is not null && !Exists(target))
                {
                    // Most of these are exports, known only at the end: the page's ids are not needed for them.
                    pending.Enqueue(new Finding(relativePath, at, tag, attribute, value, null, target, null, null) { Application = IsApplicationLink(value) });
                }
                else if (problem is not null)
                {
                    problems ??= [];
                    problems.Add(new Finding(relativePath, at, tag, attribute, value, problem, target, null, ids));
                }
            }

            if (problems is not null)
            {
                ReportAll(problems);
            }
        }

        /// <summary>Reports the held-back references whose targets are still unknown; call once every path is known.</summary>
        public void Complete()
        {
            var missing = new List<Finding>();
            while (pending.TryDequeue(out var p))
            {
                if (!Exists(p.Target!) && !p.Application)
                {
                    missing.Add(p with { Problem = "Ziel existiert nicht" });
                }
            }

            foreach (var page in missing.GroupBy(f => f.Page, StringComparer.Ordinal))
            {
                ReportAll(page.ToList());
            }
        }

        /// <summary>Reports one page's findings, each from the body's Markdown where it explains it.</summary>
        /// <remarks>The body's links come from the validator's parse, with their places in the file; nothing is parsed again.
        /// Matched by element and value in order: a theme link with the same value as a body link keeps the page as its place.</remarks>
        private void ReportAll(List<Finding> findings)
        {
            if (bodies.Value.TryGetValue(findings[0].Page, out var body))
            {
                foreach (var link in body.Markdown.Links)
                {
                    var value = link.ValueUnder(urls.BasePath);
                    var i = findings.FindIndex(f => f.Link is null && f.Tag == link.Tag && f.Value == value);
                    if (i >= 0)
                    {
                        findings[i] = findings[i] with { At = link.At, Link = link };
                    }
                }

                for (var n = 0; n < body.Links.Count; n++)
                {
                    var url = body.Links[n].Url;
                    var i = findings.FindIndex(f => f.Link is null && f.Field is null && f.Tag == "a" && f.Value == url);
                    if (i >= 0)
                    {
                        findings[i] = findings[i] with { At = body.Links[n].UrlAt, Field = $"links[{n}].url" };
                    }
                }
            }

            foreach (var finding in findings)
            {
                Report(finding);
            }
        }

        private bool Exists(string target) => existing.Contains(target) || existing.Contains(Routes.OutputPath(target + "/"));

        private void Report(Finding f)
        {
            var problem = f.Problem!;
            if (f.Field is { } field)
            {
                var detail = problem == "Ziel existiert nicht" ? $"Link-Ziel '{Suggestions.Shown(f.Value)}' gibt es in der Website nicht{PageHint(f.Target!)}" : $"{problem}: '{Suggestions.Shown(f.Value)}'";
                diagnostics.Error(DiagnosticCodes.BrokenLink, $"{detail} (in '{field}') — korrigieren Sie die Adresse oder entfernen Sie den Link", f.At);
                return;
            }

            if (f.Link is not { } link)
            {
                diagnostics.Error(DiagnosticCodes.BrokenLink, $"{problem}: <{f.Tag} {f.Attribute}=\"{f.Value}\"> — prüfen Sie Vorlage, Markdown-Link oder basis_url", f.At);
                return;
            }

            var what = link.Tag == "img" ? "Bild" : "Link-Ziel";
            var shown = Suggestions.Shown(link.Written);
            var message = problem switch
            {
                "Ziel existiert nicht" => $"{what} '{shown}' gibt es in der Website nicht{PageHint(f.Target!)}",
                _ when f.Value.StartsWith('#') => $"Sprungziel '{shown}' gibt es auf dieser Seite nicht{Suggestions.Hint(f.Value[1..], f.Ids ?? [])}",
                _ => $"{problem}: {what} '{shown}'",
            };
            diagnostics.Error(DiagnosticCodes.BrokenLink, $"{message} — korrigieren Sie die Adresse in den Klammern hinter dem Linktext oder entfernen Sie den Link", f.At);
        }

        /// <summary>" — meinten Sie '/projekte/x/'?" for the page whose address is closest to the missing one.</summary>
        private string PageHint(string target)
        {
            var folder = Routes.Location(target);
            var pages = existing.Where(p => p.EndsWith("/" + Routes.IndexFile, StringComparison.Ordinal)).Select(p => "/" + Routes.Location(p));
            return Suggestions.Hint("/" + folder, pages);
        }
    }

    /// <summary>A reference of a page that failed, or waits for <see cref="Session.Complete"/> while Problem is null.</summary>
    private sealed record Finding(string Page, SourceSpan At, string Tag, string Attribute, string Value, string? Problem, string? Target, SafeMarkdown.BodyLink? Link, HashSet<string>? Ids)
    {
        /// <summary>The front-matter field the reference came from ("links[0].url"), once matched.</summary>
        public string? Field { get; init; }

        /// <summary>Whether a missing target is fine: see <see cref="IsApplicationLink"/>.</summary>
        public bool Application { get; init; }
    }

    private static readonly Dictionary<string, string> ReferenceAttributes =
        References.ToDictionary(r => r.Key, r => r.Value.Attribute, StringComparer.Ordinal);

    /// <summary>Every id and every reference of a page.</summary>
    /// <remarks>Building a DOM cost four fifths of the check and told us nothing more: ids and link attributes sit on start tags.</remarks>
    internal static (HashSet<string> Ids, List<(string Tag, string Attribute, string Value, bool Loads)> References) Scan(ReadOnlySpan<char> html)
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

            target = Routes.OutputPath(target);
        }

        target = Uri.UnescapeDataString(target);
        return null;
    }

    /// <summary>An absolute address on the site's own host with a query, such as https://example.org/suche?q=x: an application
    /// beside the generated site (a search, a form) rather than one of its pages, so the site's file list cannot judge it.</summary>
    private static bool IsApplicationLink(string value) =>
        value.Contains('?', StringComparison.Ordinal) && (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

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
