using System.Diagnostics;
using System.Text;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Rendering;
using Transferkatalog.Tests.Editor;
using Transferkatalog.Validation;
using Xunit.Abstractions;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Robustness;

/// <summary>Property: the real profiles and registries, mutated at random, never make a stage throw or report TK0099.</summary>
/// <remarks>
/// Seeded, so a failure names the seed and the iteration that reproduce it. Each iteration applies one to three mutations
/// (truncation, byte flips, YAML and Markdown tokens, deleted, doubled, swapped or re-indented lines, huge and deeply nested
/// values) to one file of the repository's content/ and runs it through the stages that read it: loading, validation,
/// placeholders, Markdown rendering of what validates. Every few hundred iterations the whole site is built in memory with
/// the mutated file. Bounded by count, not by time, so every machine tries the same inputs.
/// </remarks>
public sealed class MutationPropertyTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 17;
    // A fixed count, not a time budget: the same seed tries the same inputs on a fast and on a loaded machine.
    private const int Iterations = 600;

    /// <summary>Codes that name a whole file; every other diagnostic must have a line.</summary>
    private static readonly HashSet<string> FileLevel = ["TK0001", "TK0003", "TK0005", "TK0014", "TK0015", "TK0016"];

    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ": ", ":", "- ", "? ", ",", "&a ", "*a", "&b [", "*b", "&c {x: *c}", "!!str ", "!!map ", "!!seq ", "!!binary ",
        "!<tag:x> ", "\t", "\"", "'", "#", "---\n", "...\n", "\n", "\r", "\\", "\"\\x01\"", "\"\\u202E\"", "\"\\uD800\"", "&#x1;", "&#0;",
        "&#x10FFFF;", ">", "|", "|-\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "<<: *a\n", "~", "null", "9999-12-31", "0000-00-00",
        "79228162514264337593543950336", "-79228162514264337593543950335", "1e400", "9223372036854775808", "-0", "0x1F", ".inf",
        ".nan", "javascript:alert(1)", "mailto:a@b.de?bcc=c@d.de", "a%40b.de", "../../", "//evil.example/", "\\\\evil.example",
        "https://example.github.io/transferkatalog/suche?q=x", "\u0000", "\u00A0", "\uFEFF", "\u2028", "ä", "😀", "ERSETZEN: x",
        "[^1]", "[^1]: x\n", "<script>", "](javascript:x)", "![x](//evil.example/x.png)", "| a | b |\n|---|---|\n",
    ];

    private readonly TestCatalog catalog = TestCatalog.FromRepository();

    public void Dispose() => catalog.Dispose();

    [Fact]
    public void Mutated_profiles_and_registries_always_get_located_diagnostics_or_pass()
    {
        var content = catalog.Content;
        var originals = Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f)))
            .ToList();
        var validator = new CatalogValidator();
        var original = new ContentLoader().Load(content, new DiagnosticBag(), includeProfiles: false);
        var registries = validator.ValidateRegistries(original, new DiagnosticBag());
        var markdown = new MarkdownRenderer("/transferkatalog/");

        var random = new Random(Seed);
        var watch = Stopwatch.StartNew();
        var done = 0;
        var builds = 0;
        for (var i = 0; i < Iterations; i++, done++)
        {
            var (path, bytes) = originals[random.Next(originals.Count)];
            var mutations = new List<string>();
            var mutated = bytes;
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                mutated = Mutate(mutated, random, mutations);
            }

            File.WriteAllBytes(path, mutated);
            var diagnostics = new DiagnosticBag();
            var context = $"seed {Seed}, iteration {i}, {Path.GetRelativePath(content, path)}: {string.Join("; ", mutations)}";
            try
            {
                if (path.EndsWith(".md", StringComparison.Ordinal) && Path.GetFileName(Path.GetDirectoryName(path)) == "projekte")
                {
                    var source = ContentLoader.ReadMarkdown(path, diagnostics, content);
                    if (source is not null)
                    {
                        var validation = new DiagnosticBag();
                        var profile = validator.ValidateProfile(source, registries, validation);
                        diagnostics.AddRange(validation.ToSortedList());
                        Scaffolding.Placeholder.Report(source, diagnostics);
                        if (profile is not null && !validation.HasErrors)
                        {
                            markdown.Render(profile.ParsedBody);
                        }
                    }
                }
                else
                {
                    // Only the mutated file is read again; the others keep their parsed originals.
                    var name = Path.GetFileName(path);
                    var raw = name switch
                    {
                        "site.yml" => original with { Site = ContentLoader.ReadText(path, diagnostics) },
                        "handlungsfelder.yml" => original with { Handlungsfelder = ContentLoader.ReadText(path, diagnostics) },
                        "kommunen.yml" => original with { Kommunen = ContentLoader.ReadText(path, diagnostics) },
                        _ => original with { Pages = ContentLoader.ReadMarkdown(path, diagnostics, content) is { } page ? [page] : [] },
                    };
                    validator.ValidateRegistries(raw, diagnostics);
                    Scaffolding.Placeholder.Report(raw, diagnostics);
                }

                // Now and then the whole pipeline, so rendering, checking and exports see mutated input too.
                if (i % 300 == 250)
                {
                    builds++;
                    var result = new SiteBuilder().Build(new BuildOptions(content, Repo.Theme, catalog.Output, null, new DateOnly(2026, 11, 21), 1), write: false);
                    diagnostics.AddRange(result.Diagnostics);
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"{ex.GetType().Name} escaped a stage ({context}): {ex}");
            }
            finally
            {
                File.WriteAllBytes(path, bytes);
            }

            foreach (var d in diagnostics.ToSortedList())
            {
                Assert.True(d.Code != "TK0099", $"TK0099 ({context}): {d}");
                Assert.True(d.Line > 0 || FileLevel.Contains(d.Code) || d.File.StartsWith("(Ausgabe)", StringComparison.Ordinal), $"diagnostic without a line ({context}): {d}");
            }
        }

        output.WriteLine($"{done} mutations, {builds} whole builds in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(builds >= 1, $"only {builds} whole builds");
    }

    private static byte[] Mutate(byte[] input, Random random, List<string> log)
    {
        var text = Encoding.UTF8.GetString(input);
        var lines = text.Split('\n').ToList();
        switch (random.Next(11))
        {
            case 0:
                var cut = random.Next(input.Length + 1);
                log.Add($"truncate at {cut}");
                return input[..cut];
            case 1:
                if (input.Length == 0)
                {
                    return input;
                }

                var flipped = (byte[])input.Clone();
                var at = random.Next(flipped.Length);
                flipped[at] ^= (byte)(1 << random.Next(8));
                log.Add($"flip byte {at}");
                return flipped;
            case 2:
            case 3:
                var token = Tokens[random.Next(Tokens.Length)];
                var pos = random.Next(text.Length + 1);
                log.Add($"insert {Show(token)} at {pos}");
                return Encoding.UTF8.GetBytes(text.Insert(pos, token));
            case 4:
                var del = random.Next(lines.Count);
                log.Add($"delete line {del + 1}");
                lines.RemoveAt(del);
                break;
            case 5:
                var dup = random.Next(lines.Count);
                log.Add($"double line {dup + 1}");
                lines.Insert(dup, lines[dup]);
                break;
            case 6:
                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                log.Add($"swap lines {a + 1} and {b + 1}");
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 7:
                var indent = random.Next(lines.Count);
                var by = random.Next(-4, 5);
                log.Add($"indent line {indent + 1} by {by}");
                lines[indent] = by >= 0 ? new string(' ', by) + lines[indent] : lines[indent].TrimStart();
                break;
            case 8:
                var start = random.Next(text.Length + 1);
                var slice = text.Substring(start, Math.Min(random.Next(1, 40), text.Length - start));
                var times = random.Next(50, 2000);
                log.Add($"repeat {Show(slice)} {times} times");
                return Encoding.UTF8.GetBytes(text.Insert(start, string.Concat(Enumerable.Repeat(slice, times))));
            case 9:
                var nest = new[] { "[", "{a: ", "- ", "> ", "  ", "* " }[random.Next(6)];
                var depth = random.Next(1, 300);
                var line = random.Next(lines.Count);
                log.Add($"nest {Show(nest)} x{depth} in line {line + 1}");
                lines[line] = string.Concat(Enumerable.Repeat(nest, depth)) + lines[line];
                break;
            default:
                var target = random.Next(lines.Count);
                var colon = lines[target].IndexOf(": ", StringComparison.Ordinal);
                var value = Tokens[random.Next(Tokens.Length)];
                log.Add($"value of line {target + 1} := {Show(value)}");
                lines[target] = colon >= 0 ? lines[target][..(colon + 2)] + value : value + lines[target];
                break;
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static string Show(string s) => Suggestions.Shown(s).Replace("\n", "\\n", StringComparison.Ordinal);
}
