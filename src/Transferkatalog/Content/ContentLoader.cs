using System.Text;
using System.Text.RegularExpressions;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Content;

/// <summary>Pipeline stage 1: reads the content folder into memory, reporting unreadable or malformed files.</summary>
public sealed partial class ContentLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="includeProfiles">False reads settings, registries and pages only; the preview reads profiles one by one.</param>
    public RawContent Load(string contentRoot, DiagnosticBag diagnostics, bool includeProfiles = true)
    {
        var root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(DiagnosticCodes.RequiredFileMissing, $"Inhaltsordner '{contentRoot}' nicht gefunden — geben Sie ihn mit --content an", SourceSpan.OfFile(Display(root)));
            return new RawContent(root, null, null, null, [], []);
        }

        var real = RealPaths.Of(root);
        var site = ReadRequired(Path.Combine(root, "site.yml"), real, diagnostics);
        var felder = ReadRequired(Path.Combine(root, "handlungsfelder.yml"), real, diagnostics);
        var kommunen = ReadRequired(Path.Combine(root, "kommunen.yml"), real, diagnostics);
        var profiles = includeProfiles ? ReadMarkdownFolder(Path.Combine(root, "projekte"), real, required: true, diagnostics) : [];
        var pages = ReadMarkdownFolder(Path.Combine(root, "seiten"), real, required: false, diagnostics);
        return new RawContent(root, site, felder, kommunen, profiles, pages);
    }

    /// <summary>Full paths of the profile files under <paramref name="contentRoot"/>/projekte, in the order a build reads them; null when the folder is missing.</summary>
    public static IReadOnlyList<string>? ProfileFiles(string contentRoot, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(contentRoot);
        var folder = Path.Combine(root, "projekte");

        // A missing content folder is reported once by Load; its missing subfolder would only repeat that.
        if (!Directory.Exists(root))
        {
            return null;
        }

        return MissingFolder(folder, required: true, diagnostics) ? null : ListMarkdownFiles(folder, RealPaths.Of(contentRoot), diagnostics);
    }

    /// <summary>Reads and splits one Markdown file; null when it cannot be read or has no front matter (diagnostics say why).</summary>
    /// <param name="contentRoot">When given, a file whose link leads out of this folder is reported (TK0016) and not read.</param>
    /// <param name="paths">Real paths already resolved in this read of the content folder.</param>
    public static MarkdownSource? ReadMarkdown(string fullPath, DiagnosticBag diagnostics, string? contentRoot = null, RealPathCache? paths = null)
    {
        paths ??= new RealPathCache();
        if (contentRoot is not null && LeavesContent(paths.Of(fullPath), paths.Folder(contentRoot), fullPath, diagnostics))
        {
            return null;
        }

        var file = ReadText(fullPath, diagnostics);
        return file is null ? null : SplitFrontMatter(file, Path.GetFileNameWithoutExtension(fullPath), diagnostics);
    }

    /// <summary>Path as shown in diagnostics: relative to the working directory, with forward slashes.</summary>
    public static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.Replace('\\', '/');
    }

    /// <summary>Reads one file strictly as UTF-8; returns null and reports a diagnostic when that is impossible.</summary>
    public static SourceFile? ReadText(string fullPath, DiagnosticBag diagnostics)
    {
        var display = Display(fullPath);
        byte[]? bytes;
        try
        {
            bytes = ContentFile.Read(fullPath, out var problem);
            if (bytes is null)
            {
                diagnostics.Error(DiagnosticCodes.NoOrdinaryFile, problem!, SourceSpan.OfFile(display));
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, $"Datei kann nicht gelesen werden ({ex.GetType().Name}) — prüfen Sie Dateirechte und ob die Datei existiert", SourceSpan.OfFile(display));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = LocateByte(bytes, ex.Index);
            diagnostics.Error(DiagnosticCodes.NotUtf8, "Datei ist nicht UTF-8-kodiert — speichern Sie sie im Editor als „UTF-8“", new SourceSpan(display, line, column));
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = ReplaceControlCharacters(text, display, diagnostics);
        ReportControlReferences(text, display, diagnostics);
        return new SourceFile(fullPath, display, text);
    }

    /// <summary>Splits "---\nyaml\n---\nbody"; reports missing or unclosed front matter.</summary>
    public static MarkdownSource? SplitFrontMatter(SourceFile file, string slug, DiagnosticBag diagnostics)
    {
        var text = file.Text;
        var firstLineEnd = text.IndexOf('\n');
        var firstLine = (firstLineEnd < 0 ? text : text[..firstLineEnd]).TrimEnd();
        if (firstLine != "---")
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing, "Front Matter fehlt — die Datei muss mit einer Zeile '---' beginnen, gefolgt von den YAML-Angaben und einer weiteren Zeile '---'", new SourceSpan(file.DisplayPath, 1, 1));
            return null;
        }

        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is "---" or "...")
            {
                var frontMatter = string.Join('\n', lines[1..i]);
                var body = i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : string.Empty;
                return new MarkdownSource(slug, file, frontMatter, 2, body, i + 2);
            }
        }

        diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, "Front Matter wird nicht geschlossen — fügen Sie nach den YAML-Angaben eine Zeile '---' ein", new SourceSpan(file.DisplayPath, 1, 1));
        return null;
    }

    private static SourceFile? ReadRequired(string fullPath, string realRoot, DiagnosticBag diagnostics)
    {
        if (!File.Exists(fullPath))
        {
            diagnostics.Error(DiagnosticCodes.RequiredFileMissing, $"Pflichtdatei '{Path.GetFileName(fullPath)}' fehlt im Inhaltsordner", SourceSpan.OfFile(Display(fullPath)));
            return null;
        }

        return LeavesContent(fullPath, realRoot, diagnostics) ? null : ReadText(fullPath, diagnostics);
    }

    /// <summary>Reports a file or folder whose symbolic link leads out of the content folder; it is never read.</summary>
    /// <remarks>Its content would be published or quoted in messages: "site.yml -> /proc/self/environ" in a pull request printed
    /// the CI's secrets. The message names the link only, never the target or what it holds.</remarks>
    private static bool LeavesContent(string fullPath, string realRoot, DiagnosticBag diagnostics) =>
        LeavesContent(RealPaths.Of(fullPath), realRoot, fullPath, diagnostics);

    private static bool LeavesContent(string realPath, string realRoot, string fullPath, DiagnosticBag diagnostics)
    {
        if (RealPaths.IsSameOrInside(realPath, realRoot))
        {
            return false;
        }

        diagnostics.Error(DiagnosticCodes.LinkLeavesFolder, "Verknüpfung führt aus dem Inhaltsordner hinaus und wird nicht gelesen — legen Sie die Datei selbst in den Inhaltsordner, statt auf sie zu verweisen", SourceSpan.OfFile(Display(fullPath)));
        return true;
    }

    private static List<MarkdownSource> ReadMarkdownFolder(string folder, string realRoot, bool required, DiagnosticBag diagnostics)
    {
        var result = new List<MarkdownSource>();
        if (MissingFolder(folder, required, diagnostics))
        {
            return result;
        }

        // Ordinal order keeps diagnostics and output independent of the file system's listing order.
        var files = ListMarkdownFiles(folder, realRoot, diagnostics);
        var sources = new MarkdownSource?[files.Count];
        Parallel.For(0, files.Count, Parallelism.Options, i => sources[i] = ReadMarkdown(files[i], diagnostics));
        result.AddRange(sources.OfType<MarkdownSource>());
        return result;
    }

    private static bool MissingFolder(string folder, bool required, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(folder))
        {
            return false;
        }

        if (required)
        {
            diagnostics.Error(DiagnosticCodes.RequiredFileMissing, $"Ordner '{Path.GetFileName(folder)}' fehlt im Inhaltsordner — legen Sie ihn an und speichern Sie dort die Steckbriefe", SourceSpan.OfFile(Display(folder)));
        }

        return true;
    }

    /// <summary>Every "*.md" file under the folder, in ordinal order; reports Markdown files with another extension and symbolic-link loops.</summary>
    /// <remarks>
    /// Walked by hand rather than with SearchOption.AllDirectories: that follows a link back to an ancestor forty levels deep,
    /// and matches "*.md" case-sensitively on Linux but not on Windows, so "x.MD" was silently dropped on one and read on the other.
    /// </remarks>
    private static List<string> ListMarkdownFiles(string folder, string realRoot, DiagnosticBag diagnostics)
    {
        if (LeavesContent(folder, realRoot, diagnostics))
        {
            return [];
        }

        var files = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        // Each pending folder carries its physical path, so a link's relative target resolves the way the OS resolves it.
        var pending = new Stack<(string Path, string Physical)>();
        pending.Push((folder, folder));
        while (pending.Count > 0)
        {
            var (dir, physical) = pending.Pop();
            if (!visited.Add(physical))
            {
                continue;
            }

            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.FileUnreadable, $"Ordner kann nicht gelesen werden ({ex.GetType().Name}) — prüfen Sie Dateirechte und Verknüpfungen", SourceSpan.OfFile(Display(dir)));
                continue;
            }

            foreach (var entry in entries)
            {
                var childPhysical = Path.Combine(physical, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is { } target)
                    {
                        if (LeavesContent(entry.FullName, realRoot, diagnostics))
                        {
                            continue;
                        }

                        childPhysical = Path.GetFullPath(Path.Combine(physical, target));
                        if (IsSameOrAncestor(childPhysical, physical) || IsSameOrAncestor(childPhysical, folder))
                        {
                            diagnostics.Error(DiagnosticCodes.LinkLoop, $"Verknüpfung '{entry.Name}' zeigt auf einen übergeordneten Ordner ({target}) und führt im Kreis — entfernen Sie die Verknüpfung", SourceSpan.OfFile(Display(entry.FullName)));
                            continue;
                        }
                    }

                    pending.Push((entry.FullName, childPhysical));
                }
                else if (entry.Name.EndsWith(".md", StringComparison.Ordinal))
                {
                    if (entry.LinkTarget is null || !LeavesContent(entry.FullName, realRoot, diagnostics))
                    {
                        files.Add(entry.FullName);
                    }
                }
                else if (Path.GetExtension(entry.Name).ToLowerInvariant() is ".md" or ".markdown" or ".mdown" or ".mkd")
                {
                    var renamed = Path.GetFileNameWithoutExtension(entry.Name) + ".md";
                    diagnostics.Error(DiagnosticCodes.WrongMarkdownExtension, $"Datei wird nicht gelesen: Steckbriefe und Seiten brauchen die Endung '.md' (klein geschrieben) — benennen Sie sie um in '{renamed}'", SourceSpan.OfFile(Display(entry.FullName)));
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static bool IsSameOrAncestor(string candidate, string path)
    {
        var prefix = Path.TrimEndingDirectorySeparator(candidate);
        return path == prefix || path.StartsWith(prefix + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Reports control characters (one per line) and blanks them, so the rest of the file is still checked.</summary>
    /// <remarks>They arrive with text pasted from PDFs or terminals, are invisible in editors and are parse errors in HTML.</remarks>
    private static string ReplaceControlCharacters(string text, string display, DiagnosticBag diagnostics)
    {
        // Every text has line feeds, so the search leaves them (and tabs) out: the copy below is made only when needed.
        if (!HasUnwanted(text))
        {
            return text;
        }

        var chars = text.ToCharArray();
        var line = 1;
        var lineStart = 0;
        var reportedLine = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c != '\t' && (char.IsControl(c) || IsBidiControl(c)))
            {
                if (reportedLine != line)
                {
                    reportedLine = line;
                    diagnostics.Error(DiagnosticCodes.ControlCharacter, $"unsichtbares Steuerzeichen U+{(int)c:X4} — löschen Sie es (es kommt meist mit kopiertem Text); im Editor steht es oft als Kästchen oder gar nicht da", new SourceSpan(display, line, i - lineStart + 1));
                }

                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>Bidi embeddings, overrides and isolates: they reorder text invisibly ("Trojan Source"), in slugs and addresses as much as in prose.</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Whether the text holds what <see cref="ReplaceControlCharacters"/> replaces: C0 and C1 controls but tab and line feed, and the bidi controls.</summary>
    /// <remarks>Five range scans, not one SearchValues set: a set mixing ASCII with U+2066 takes the probabilistic path,
    /// whose shuffles the native build calls as functions (5 % of a 10,000-profile build's CPU in `perf`).</remarks>
    private static bool HasUnwanted(string text)
    {
        var span = text.AsSpan();
        return span.ContainsAnyInRange('\u0000', '\u0008')
            || span.ContainsAnyInRange('\u000B', '\u001F')
            || span.ContainsAnyInRange('\u007F', '\u009F')
            || span.ContainsAnyInRange('\u202A', '\u202E')
            || span.ContainsAnyInRange('\u2066', '\u2069');
    }

    /// <summary>Reports numeric character references such as <c>&amp;#x1;</c> that Markdown would turn into a control character on the page.</summary>
    private static void ReportControlReferences(string text, string display, DiagnosticBag diagnostics)
    {
        if (!text.Contains("&#", StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match m in CharacterReference().Matches(text))
        {
            var hex = m.Groups[1].Success;
            var digits = hex ? m.Groups[1].Value : m.Groups[2].Value;
            if (!long.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                code = long.MaxValue;
            }

            // Tab and line feed are harmless; NUL and anything beyond U+10FFFF Markdown replaces by U+FFFD.
            var bad = code is not (9 or 10) and (< 0x20 or (>= 0x7F and <= 0x9F) or (>= 0xD800 and <= 0xDFFF) or (>= 0xFDD0 and <= 0xFDEF) or 0xFFFE or 0xFFFF or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069)) && code is not 0;
            if (bad)
            {
                var line = 1 + text.AsSpan(0, m.Index).Count('\n');
                var column = m.Index - (text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1) + 1;
                diagnostics.Error(DiagnosticCodes.ControlCharacter, $"Zeichenreferenz '{Suggestions.Shown(m.Value)}' steht für ein unsichtbares Steuerzeichen (U+{code:X4}) — löschen Sie sie", new SourceSpan(display, line, column));
            }
        }
    }

    [GeneratedRegex(@"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,9}));")]
    private static partial Regex CharacterReference();

    private static (int Line, int Column) LocateByte(byte[] bytes, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, Math.Max(1, index - lineStart + 1));
    }
}
