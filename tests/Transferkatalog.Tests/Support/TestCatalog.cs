using System.Text;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Pipeline;

namespace Transferkatalog.Tests.Support;

/// <summary>
/// A throwaway catalogue in its own temp folder: the one fixture builder of the tests. Start from the repository's
/// content/ (<see cref="FromRepository"/>), the smallest valid catalogue (<see cref="Minimal"/>), a copy of any content
/// folder or nothing; change it fluently (profiles, Kommunen, front-matter fields, any file); check or build it;
/// disposing deletes the folder.
/// </summary>
/// <remarks>Compiled into Transferkatalog.Tests and Transferkatalog.BrowserTests (linked source).</remarks>
public sealed class TestCatalog : IDisposable
{
    /// <summary>The "today" of <see cref="Build"/>, so that staleness warnings do not depend on the day the tests run.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 11, 21);

    private static readonly UTF8Encoding Utf8 = new(false);

    private TestCatalog(string prefix)
    {
        Root = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        Output = Path.Combine(Root, "_site");
        Directory.CreateDirectory(Content);
    }

    /// <summary>The temp folder; content/ and _site/ lie inside, and a test may put anything else beside them.</summary>
    public string Root { get; }

    public string Content { get; }

    /// <summary>Where <see cref="Build"/> writes the site.</summary>
    public string Output { get; }

    /// <summary>An empty content folder, for a test that writes every file itself.</summary>
    public static TestCatalog Empty(string prefix = "tk-test") => new(prefix);

    /// <summary>The smallest valid catalogue (<see cref="MinimalCatalog"/>): three profiles, four Kommunen, one page.</summary>
    public static TestCatalog Minimal()
    {
        var catalog = new TestCatalog("tk-test");
        Directory.CreateDirectory(catalog.PathOf("projekte"));
        Directory.CreateDirectory(catalog.PathOf("seiten"));
        return catalog
            .Write("site.yml", MinimalCatalog.SiteYml)
            .Write("handlungsfelder.yml", MinimalCatalog.HandlungsfelderYml)
            .Write("kommunen.yml", MinimalCatalog.KommunenYml)
            .WithProfile("gemeinsames-rechenzentrum", MinimalCatalog.RechenzentrumMd)
            .WithProfile("dorfladen-app", MinimalCatalog.DorfladenMd)
            .WithProfile("lorawan-netz", MinimalCatalog.LorawanMd)
            .Write("seiten/impressum.md", MinimalCatalog.ImpressumMd);
    }

    /// <summary>A copy of the repository's sample content/ (the real catalogue).</summary>
    public static TestCatalog FromRepository() => CopyOf(Repo.Content);

    /// <summary>A copy of any content folder, e.g. one a fixture already prepared.</summary>
    public static TestCatalog CopyOf(string contentFolder)
    {
        var catalog = new TestCatalog("tk-test");
        CopyFolder(contentFolder, catalog.Content);
        return catalog;
    }

    /// <summary>Copies every file below <paramref name="from"/> to the same place below <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A path below content/.</summary>
    public string PathOf(string relative) => Path.Combine(Content, relative);

    /// <summary>The Markdown file of a profile.</summary>
    public string Profile(string slug) => PathOf(Path.Combine("projekte", slug + ".md"));

    /// <summary>Writes a file below content/ as UTF-8 without BOM, creating its folder.</summary>
    public TestCatalog Write(string relative, string text) => WriteBytes(relative, Utf8.GetBytes(text));

    public TestCatalog WriteBytes(string relative, byte[] bytes)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>Replaces text in a content file, failing loudly if the text is absent so a test cannot silently test nothing.</summary>
    public TestCatalog Replace(string relative, string oldText, string newText)
    {
        var text = File.ReadAllText(PathOf(relative));
        Assert.Contains(oldText, text);
        return Write(relative, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Deletes a content file, failing if it is not there.</summary>
    public TestCatalog Delete(string relative)
    {
        var full = PathOf(relative);
        Assert.True(File.Exists(full), $"no file {relative} to delete in {Content}");
        File.Delete(full);
        return this;
    }

    /// <summary>Adds or replaces the profile projekte/<paramref name="slug"/>.md.</summary>
    public TestCatalog WithProfile(string slug, string markdown) => Write(Path.Combine("projekte", slug + ".md"), markdown);

    public TestCatalog WithoutProfile(string slug) => Delete(Path.Combine("projekte", slug + ".md"));

    /// <summary>Adds or replaces one Kommune in kommunen.yml, given as YAML starting with its key (<c>"key:\n  name: …"</c>).</summary>
    public TestCatalog WithKommune(string yaml) => WithEntry("kommunen.yml", yaml);

    public TestCatalog WithoutKommune(string key) => WithoutEntry("kommunen.yml", key);

    /// <summary>Adds or replaces one top-level entry of a YAML file (<c>site.yml</c>, a registry), given as YAML starting with its key.</summary>
    public TestCatalog WithEntry(string yamlFile, string yaml)
    {
        var lines = ReadLines(yamlFile);
        SetEntry(lines, 0, lines.Count, yaml, yamlFile);
        return WriteLines(yamlFile, lines);
    }

    /// <summary>Removes one top-level entry (the key and everything indented below it) from a YAML file, failing if it is absent.</summary>
    public TestCatalog WithoutEntry(string yamlFile, string key)
    {
        var lines = ReadLines(yamlFile);
        RemoveEntry(lines, 0, lines.Count, key, yamlFile);
        return WriteLines(yamlFile, lines);
    }

    /// <summary>Adds or replaces one front-matter field of a profile, given as YAML starting with its key (<c>"status: laufend"</c>, or a block).</summary>
    public TestCatalog WithField(string slug, string yaml)
    {
        var file = Path.Combine("projekte", slug + ".md");
        var lines = ReadLines(file);
        SetEntry(lines, 1, FrontMatterEnd(lines, file), yaml, file);
        return WriteLines(file, lines);
    }

    /// <summary>Removes one front-matter field (and its indented lines) from a profile, failing if it is absent.</summary>
    public TestCatalog WithoutField(string slug, string key)
    {
        var file = Path.Combine("projekte", slug + ".md");
        var lines = ReadLines(file);
        RemoveEntry(lines, 1, FrontMatterEnd(lines, file), key, file);
        return WriteLines(file, lines);
    }

    /// <summary>`check`: loads and validates the content folder, reports every diagnostic.</summary>
    public BuildResult Check() => new SiteBuilder().Check(new BuildOptions(ContentDir: Content));

    /// <summary>Builds the site into <see cref="Output"/> with the repository's default theme; fails the test on any error.</summary>
    public BuildResult Build(string? baseUrl = null, bool write = true)
    {
        var result = new SiteBuilder().Build(new BuildOptions(Content, Repo.Theme, Output, baseUrl, ReferenceDate), write);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
        Assert.True(result.Succeeded, "Build failed:\n" + string.Join('\n', errors));
        return result;
    }

    /// <summary>One output file of a build, failing the test if there is none at that path.</summary>
    public static OutputFile FileOf(BuildResult result, string path) =>
        result.Files.SingleOrDefault(f => f.RelativePath == path) ?? throw new Xunit.Sdk.XunitException($"No output file {path}");

    /// <summary>One output file of a build as UTF-8 text.</summary>
    public static string TextOf(BuildResult result, string path) => Encoding.UTF8.GetString(FileOf(result, path).Content);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Temp folders are cleaned by the OS eventually; a failed cleanup must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
            // The same for a test that left a file it made unreadable.
        }
    }

    private List<string> ReadLines(string relative) => [.. File.ReadAllText(PathOf(relative)).Split('\n')];

    private TestCatalog WriteLines(string relative, List<string> lines) => Write(relative, string.Join('\n', lines));

    // The closing "---" of the front matter that starts on the first line.
    private static int FrontMatterEnd(List<string> lines, string file)
    {
        Assert.True(lines.Count > 0 && lines[0].TrimEnd('\r') == "---", $"{file} has no front matter");
        var end = lines.FindIndex(1, l => l.TrimEnd('\r') == "---");
        Assert.True(end > 0, $"{file}: front matter is not closed");
        return end;
    }

    private static void SetEntry(List<string> lines, int start, int end, string yaml, string file)
    {
        var key = yaml[..Math.Max(0, yaml.IndexOf(':', StringComparison.Ordinal))];
        Assert.True(key.Length > 0 && !char.IsWhiteSpace(key[0]), $"'{yaml}' does not start with a key");
        var at = Find(lines, start, end, key);
        if (at >= 0)
        {
            lines.RemoveRange(at, EntryLength(lines, at, end));
        }
        else
        {
            // New entries go last, before trailing blank lines (a file's final newline).
            at = end;
            while (at > start && lines[at - 1].Trim().Length == 0)
            {
                at--;
            }
        }

        lines.InsertRange(at, yaml.TrimEnd('\n').Split('\n'));
    }

    private static void RemoveEntry(List<string> lines, int start, int end, string key, string file)
    {
        var at = Find(lines, start, end, key);
        Assert.True(at >= 0, $"{file} has no entry '{key}'");
        lines.RemoveRange(at, EntryLength(lines, at, end));
    }

    private static int Find(List<string> lines, int start, int end, string key) =>
        lines.FindIndex(start, end - start, l => l.StartsWith(key + ":", StringComparison.Ordinal));

    // An entry is its key line plus what belongs to it: indented lines, list items at column 0, blank lines between them.
    private static int EntryLength(List<string> lines, int at, int end)
    {
        var last = at;
        for (var i = at + 1; i < end; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length > 0 && (char.IsWhiteSpace(line[0]) || (line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal))))
            {
                last = i;
            }
            else if (line.Length > 0)
            {
                break;
            }
        }

        return last - at + 1;
    }
}
