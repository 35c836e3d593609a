using System.Globalization;
using System.Text;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Validation;

namespace Transferkatalog.Benchmarks;

/// <summary>Writes a catalogue as a Hugo site (config and layouts from hugo/ beside this project), so Hugo builds the same profiles and the same kinds of pages.</summary>
public static class HugoSite
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Convert(string contentDir, string outputDir, string repoRoot)
    {
        // Read through our own loader and validator, so Hugo gets exactly the profiles our build sees.
        var diagnostics = new DiagnosticBag();
        var raw = new ContentLoader().Load(contentDir, diagnostics);
        var catalog = new CatalogValidator().Validate(raw, diagnostics);
        if (catalog is null || diagnostics.HasErrors)
        {
            foreach (var d in diagnostics.ToSortedList().Take(10))
            {
                Console.Error.WriteLine(d);
            }

            throw new UsageException($"Inhalt in '{contentDir}' ist nicht gültig");
        }

        var root = Path.GetFullPath(outputDir);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        CopyFolder(Path.Combine(repoRoot, "tests", "Transferkatalog.Benchmarks", "hugo"), root);
        var assets = Path.Combine(repoRoot, "themes", "default", "assets");
        if (Directory.Exists(assets))
        {
            // Same static files as our theme, so both outputs carry the same assets.
            CopyFolder(assets, Path.Combine(root, "static", "assets"));
        }

        var kommunen = catalog.Kommunen.ToDictionary(k => k.Key, StringComparer.Ordinal);
        Write(root, "content/_index.md", Front(("title", catalog.Site.Titel), ("description", catalog.Site.Beschreibung)) + "\n");
        Write(root, "content/handlungsfelder/_index.md", Front(("title", "Handlungsfelder")) + "\n");
        Write(root, "content/kommunen/_index.md", Front(("title", "Kommunen")) + "\n");
        foreach (var f in catalog.Handlungsfelder)
        {
            Write(root, $"content/handlungsfelder/{f.Key}/_index.md", Front(("title", f.Name), ("description", f.Beschreibung)) + "\n");
        }

        foreach (var k in catalog.Kommunen)
        {
            var kreis = k.Kreis is not null && kommunen.TryGetValue(k.Kreis, out var kr) ? kr.Name : null;
            Write(root, $"content/kommunen/{k.Key}/_index.md", Front(("title", k.Name), ("typ", k.Typ), ("kreis", kreis), ("regierungsbezirk", k.Regierungsbezirk)) + "\n");
        }

        foreach (var page in catalog.Pages)
        {
            Write(root, $"content/seiten/{page.Slug}.md", $"---\ntitle: {Q(page.Titel)}\nweight: {page.Reihenfolge.ToString(CultureInfo.InvariantCulture)}\n---\n\n{page.Body}");
        }

        var bodies = raw.Profiles.ToDictionary(s => s.Slug, s => s.Body, StringComparer.Ordinal);
        Parallel.ForEach(catalog.Profiles, p => Write(root, $"content/projekte/{p.Slug}.md", ProfileFile(p, bodies[p.Slug], kommunen)));
    }

    private static string ProfileFile(Profile p, string body, Dictionary<string, Kommune> kommunen)
    {
        // A Kreis page of ours lists its members' profiles too; filing each profile under the Kreise of its members gives Hugo's term pages the same lists.
        var terms = new List<string>(p.Kommunen);
        foreach (var key in p.Kommunen)
        {
            if (kommunen[key].Kreis is { } kreis && !terms.Contains(kreis))
            {
                terms.Add(kreis);
            }
        }

        var sb = new StringBuilder(body.Length + 2048);
        sb.Append("---\n");
        sb.Append("title: ").Append(Q(p.Titel)).Append('\n');
        sb.Append("description: ").Append(Q(p.Kurzbeschreibung)).Append('\n');
        sb.Append("status: ").Append(p.Status).Append('\n');
        if (p.Seit is { } seit)
        {
            sb.Append("seit: ").Append(seit.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        List("handlungsfelder", p.Handlungsfelder);
        List("kommunen", terms);
        List("beteiligte_kommunen", p.Kommunen.Select(k => kommunen[k].Name).ToList());
        List("stichworte", p.Stichworte);
        List("beteiligte", p.Beteiligte);
        if (p.Federfuehrung is { } lead)
        {
            sb.Append("federfuehrung: ").Append(Q(kommunen[lead].Name)).Append('\n');
        }

        if (p.Rechtsform is { } rechtsform)
        {
            sb.Append("rechtsform: ").Append(Q(rechtsform)).Append('\n');
        }

        sb.Append("kontakt:\n  organisation: ").Append(Q(p.Kontakt.Organisation)).Append('\n');
        if (p.Kontakt.Email is { } email)
        {
            sb.Append("  email: ").Append(Q(email)).Append('\n');
        }

        if (p.Links.Count > 0)
        {
            sb.Append("links:\n");
            foreach (var link in p.Links)
            {
                sb.Append("  - titel: ").Append(Q(link.Titel)).Append("\n    url: ").Append(Q(link.Url)).Append('\n');
            }
        }

        sb.Append("aktualisiert: ").Append(p.Aktualisiert.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("---\n\n").Append(body);
        return sb.ToString();

        void List(string key, IReadOnlyList<string> items)
        {
            if (items.Count == 0)
            {
                return;
            }

            sb.Append(key).Append(":\n");
            foreach (var item in items)
            {
                sb.Append("  - ").Append(Q(item)).Append('\n');
            }
        }
    }

    private static string Front(params (string Key, string? Value)[] fields)
    {
        var sb = new StringBuilder("---\n");
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                sb.Append(key).Append(": ").Append(Q(value)).Append('\n');
            }
        }

        return sb.Append("---\n").ToString();
    }

    private static string Q(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Utf8.GetBytes(text));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
