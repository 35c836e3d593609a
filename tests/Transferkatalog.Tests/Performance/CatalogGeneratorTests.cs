using Transferkatalog.Benchmarks.Generator;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Validation;

namespace Transferkatalog.Tests.Performance;

/// <summary>The benchmark catalogue must be valid, realistic in shape, and the same for the same seed.</summary>
public sealed class CatalogGeneratorTests(GeneratedCatalog catalog) : IClassFixture<GeneratedCatalog>
{
    [Fact]
    public void Generated_profiles_are_valid_and_shaped_like_real_ones()
    {
        var diagnostics = new DiagnosticBag();
        var raw = new ContentLoader().Load(catalog.Content, diagnostics);
        var parsed = new CatalogValidator().Validate(raw, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join(Environment.NewLine, diagnostics.ToSortedList().Take(10)));
        Assert.NotNull(parsed);
        Assert.Equal(GeneratedCatalog.Profiles, parsed.Profiles.Count);
        Assert.Equal(GeneratedCatalog.Kommunen, parsed.Kommunen.Count);
        Assert.Contains(parsed.Kommunen, k => k.IsKreis);
        Assert.Contains(parsed.Kommunen, k => k.Typ == "kreisfreie-stadt");

        var bodies = raw.Profiles.ToDictionary(s => s.Slug, s => s.Body, StringComparer.Ordinal);
        foreach (var p in parsed.Profiles)
        {
            var body = bodies[p.Slug];
            Assert.InRange(p.Handlungsfelder.Count, 1, 3);
            Assert.InRange(p.Kommunen.Count, 2, 12);
            var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
            Assert.InRange(words, 300, 900);
            foreach (var section in new[] { "## Anlass", "## Ziel", "## Umsetzung", "## Erfahrungen" })
            {
                Assert.Contains(section + "\n", body, StringComparison.Ordinal);
            }

            Assert.Contains("\n- ", body, StringComparison.Ordinal);
            Assert.Contains("\n1. ", body, StringComparison.Ordinal);
            Assert.Contains("](/projekte/", body, StringComparison.Ordinal);
            Assert.Contains("](https://", body, StringComparison.Ordinal);
        }

        // Not all alike: the spread the benchmark relies on is there.
        Assert.True(parsed.Profiles.Select(p => p.Kommunen.Count).Distinct().Count() > 5);
        Assert.True(parsed.Profiles.Select(p => p.Handlungsfelder.Count).Distinct().Count() == 3);
    }

    [Fact]
    public void Same_seed_same_files_other_seed_other_files()
    {
        var again = Path.Combine(catalog.Root, "nochmal");
        var other = Path.Combine(catalog.Root, "anders");
        new CatalogGenerator(GeneratedCatalog.Profiles, GeneratedCatalog.Kommunen, seed: 7).Write(again);
        new CatalogGenerator(GeneratedCatalog.Profiles, GeneratedCatalog.Kommunen, seed: 8).Write(other);

        var files = Files(catalog.Content);
        Assert.Equal(files, Files(again));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(catalog.Content, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))), file);
        }

        Assert.NotEqual(File.ReadAllText(Path.Combine(catalog.Content, "kommunen.yml")), File.ReadAllText(Path.Combine(other, "kommunen.yml")));
    }

    private static List<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();
}
