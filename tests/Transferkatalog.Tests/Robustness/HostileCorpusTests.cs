using System.Text;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Robustness;

/// <summary>The hostile-input corpus: each file in Corpus/ breaks the sample catalogue in one way and lists the diagnostics it must get.</summary>
/// <remarks>
/// A case file has comment lines ('#'), then one or more sections "=== datei: &lt;path in content/&gt; ===" with the text to
/// write there, then "=== erwartet ===" with the diagnostics of `check` (and of an in-memory `build` when the check
/// passes), one per line, paths relative to the catalogue. A new case is one new file. Run with TK_UPDATE_GOLDEN=1 to
/// write the current diagnostics into the files, then review the diff.
/// </remarks>
public sealed class HostileCorpusTests
{
    private static readonly DateOnly Date = new(2026, 11, 21);

    private static string Folder => Path.Combine(Repo.Root, "tests", "Transferkatalog.Tests", "Robustness", "Corpus");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_covers_the_reported_cases()
    {
        Assert.True(Cases().Count >= 25, $"only {Cases().Count} corpus files in {Folder}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gets_exactly_its_diagnostics(string name)
    {
        var path = Path.Combine(Folder, name);
        var (files, expected) = Parse(File.ReadAllText(path, Encoding.UTF8));
        using var sample = TestCatalog.Minimal();
        foreach (var (relative, text) in files)
        {
            sample.Write(relative, text);
        }

        var options = new BuildOptions(sample.Content, Repo.Theme, sample.Output, null, Date, 1);
        var check = new SiteBuilder().Check(options);
        var result = check.Succeeded ? new SiteBuilder().Build(options, write: false) : check;
        var display = Transferkatalog.Content.ContentLoader.Display(sample.Content);
        // TK0118 (contact without e-mail, phone or web) is about the corpus's shared minimal contact, not about the hostile input.
        var actual = result.Diagnostics.Where(d => d.Code != "TK0118").Select(d => d.ToString().Replace(display + "/", "content/", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "TK0099");
        if (Environment.GetEnvironmentVariable("TK_UPDATE_GOLDEN") == "1")
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            var head = text[..(text.IndexOf(ExpectedMarker, StringComparison.Ordinal) + ExpectedMarker.Length)];
            File.WriteAllText(path, head + "\n" + string.Concat(actual.Select(a => a + "\n")), new UTF8Encoding(false));
            return;
        }

        Assert.Equal(expected, actual);
    }

    private const string ExpectedMarker = "=== erwartet ===";

    private static (List<(string Path, string Text)> Files, List<string> Expected) Parse(string text)
    {
        var files = new List<(string, string)>();
        var expected = new List<string>();
        string? current = null;
        var body = new StringBuilder();
        var inExpected = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("=== datei: ", StringComparison.Ordinal) && line.EndsWith(" ===", StringComparison.Ordinal))
            {
                Flush();
                current = line["=== datei: ".Length..^" ===".Length];
            }
            else if (line == ExpectedMarker)
            {
                Flush();
                inExpected = true;
            }
            else if (inExpected)
            {
                if (line.Length > 0)
                {
                    expected.Add(line);
                }
            }
            else if (current is not null)
            {
                body.Append(line).Append('\n');
            }
            else
            {
                Assert.True(line.Length == 0 || line.StartsWith('#'), $"text before the first '=== datei: … ===': {line}");
            }
        }

        Assert.True(inExpected, $"no '{ExpectedMarker}' line");
        Assert.NotEmpty(files);
        return (files, expected);

        void Flush()
        {
            if (current is not null)
            {
                // The line break before the next marker belongs to the marker, not to the file.
                files.Add((current, body.ToString().TrimEnd('\n') + "\n"));
            }

            current = null;
            body.Clear();
        }
    }
}
