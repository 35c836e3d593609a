using System.Text.RegularExpressions;
using Transferkatalog.Diagnostics;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Diagnostics;

/// <summary>The declared codes, README's table of diagnostics and the golden cases agree: each code once, documented and produced.</summary>
public sealed partial class DiagnosticCodeTests
{
    /// <summary>Codes no content, theme or output folder can produce, and why; each is still declared and documented.</summary>
    private static readonly Dictionary<string, string> NotProducible = new(StringComparer.Ordinal)
    {
        // Only a bug in our own validation throws; the mutation property test asserts it never appears.
        [DiagnosticCodes.InternalError.Id] = "turns an exception in the validator into a diagnostic for the file",
    };

    [Fact]
    public void Every_code_is_declared_once_as_TK_and_four_digits_with_a_title()
    {
        Assert.True(DiagnosticCodes.All.Count >= 50, $"only {DiagnosticCodes.All.Count} codes found by reflection");
        Assert.All(DiagnosticCodes.All, c => Assert.Matches("^TK[0-9]{4}$", c.Id));
        Assert.All(DiagnosticCodes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Title), c.Id));
        var twice = DiagnosticCodes.All.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "declared more than once: " + string.Join(", ", twice));
        var sameTitle = DiagnosticCodes.All.GroupBy(c => c.Title).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g)).ToList();
        Assert.True(sameTitle.Count == 0, "same title: " + string.Join(", ", sameTitle));
    }

    [Fact]
    public void README_lists_every_code_once_with_its_severity_and_title_and_no_other()
    {
        var rows = ReadmeRows();
        var declared = DiagnosticCodes.All.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var problems = new List<string>();
        problems.AddRange(rows.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {g.Count()} rows"));
        problems.AddRange(declared.Keys.Except(rows.Select(r => r.Code)).Select(c => $"{c}: no row"));
        foreach (var (code, kind, meaning) in rows)
        {
            if (!declared.TryGetValue(code, out var definition))
            {
                problems.Add($"{code}: in README but not declared in DiagnosticCodes");
                continue;
            }

            var expectedKind = definition.Severity == Severity.Error ? "Fehler" : "Warnung";
            if (kind != expectedKind)
            {
                problems.Add($"{code}: README says {kind}, declared as {expectedKind}");
            }

            var title = definition.Title;
            if (!meaning.StartsWith(title, StringComparison.Ordinal) || (meaning.Length > title.Length && char.IsLetterOrDigit(meaning[title.Length])))
            {
                problems.Add($"{code}: README's text should begin with the declared title '{title}', not '{meaning}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_code_is_produced_by_a_golden_case_with_its_declared_severity()
    {
        var produced = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var declared = DiagnosticCodes.All.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(DiagnosticCaseTests.Folder, DiagnosticCaseTests.ExpectedFile, SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file)!);
            foreach (Match m in PrintedCode().Matches(File.ReadAllText(file)))
            {
                var (kind, code) = (m.Groups[1].Value, m.Groups[2].Value);
                produced.TryAdd(code, []);
                produced[code].Add(name);
                if (declared.TryGetValue(code, out var definition) && kind != (definition.Severity == Severity.Error ? "error" : "warning"))
                {
                    problems.Add($"{name}: {code} printed as {kind}");
                }
            }
        }

        foreach (var code in DiagnosticCodes.All.Select(c => c.Id))
        {
            if (produced.ContainsKey(code) == NotProducible.ContainsKey(code))
            {
                problems.Add(produced.ContainsKey(code)
                    ? $"{code} is produced by {string.Join(", ", produced[code])}: remove it from {nameof(NotProducible)}"
                    : $"{code} is produced by no case in {DiagnosticCaseTests.Folder}: add a folder there");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static List<(string Code, string Kind, string Meaning)> ReadmeRows()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var start = readme.IndexOf("\n## Meldungen\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no section '## Meldungen'");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        var rows = section.Split('\n').Where(l => l.StartsWith("| TK", StringComparison.Ordinal)).ToList();
        var parsed = rows.Select(l => TableRow().Match(l)).ToList();
        var malformed = rows.Where((_, i) => !parsed[i].Success).ToList();
        Assert.True(malformed.Count == 0, "rows not of the form '| TK0000 | Fehler/Warnung | Titel … |':\n" + string.Join('\n', malformed));
        return parsed.Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
    }

    [GeneratedRegex(@"^\| (TK[0-9]{4}) \| (Fehler|Warnung) \| (.+) \|$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@": (error|warning) (TK[0-9]{4}): ")]
    private static partial Regex PrintedCode();
}
