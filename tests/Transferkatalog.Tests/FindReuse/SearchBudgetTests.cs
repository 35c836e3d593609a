using System.IO.Compression;
using Transferkatalog.Output;
using Transferkatalog.Search;
using Transferkatalog.SiteModel;
using Xunit.Abstractions;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>The search transfer budget on a 10,000-profile catalogue: what suche.js fetches per query, counted in Node.</summary>
public sealed class SearchBudgetTests(ITestOutputHelper output)
{
    /// <summary>Pagefind's published budget for a search on a 10,000-page site.</summary>
    private const long Budget = 300 * 1024;

    /// <summary>Cards katalog.js shows per batch of results (PAGE there).</summary>
    private const int ResultsPerPage = 20;

    [Fact]
    public void A_query_on_10000_profiles_transfers_less_than_300_KB()
    {
        var catalog = SyntheticCatalog.Create(10_000);
        var site = new SiteModelBuilder().Build(catalog, null, new DateOnly(2026, 11, 21));
        var files = new SearchIndexBuilder().Build(site).Concat(CatalogDataBuilder.Build(site)).ToList();

        var root = Path.Combine(Path.GetTempPath(), "tk-budget-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var f in files)
            {
                var path = Path.Combine(root, f.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, f.Content);
            }

            string[] queries =
            [
                "Dorfladen", "Ratsinformation", "LoRaWAN", "Müll", "muell", "Breitband Kreis", "d", "di", "ver", "verwaltung",
                "stadt", "Bürgerbus Telemedizin", "schul", "Nahversorgung Dorfladen Ehrenamt", "ge", "o", "zzzz",
            ];
            var results = NodeSearch.Run(root, queries);

            var shards = files.Where(f => f.RelativePath.StartsWith("suche/t", StringComparison.Ordinal)).ToList();
            var manifest = files.Single(f => f.RelativePath == "suche/index.json");
            output.WriteLine($"Profiles: {site.Profiles.Count:N0}; index: {shards.Count} shards, {shards.Sum(s => (long)s.Content.Length):N0} bytes in all, largest {shards.Max(s => s.Content.Length):N0} bytes; manifest {manifest.Content.Length:N0} bytes");
            output.WriteLine($"Card chunks: {files.Count(f => f.RelativePath.StartsWith("suche/karten/", StringComparison.Ordinal))}, filter lists: {files.Count(f => f.RelativePath.StartsWith("suche/filter/", StringComparison.Ordinal))}");
            var byPath = files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);

            // Filter lists share files: a few dozen for 10,000 profiles, not one per Kommune; each value's list, found
            // through the index in namen.json as katalog.js finds it, holds exactly the profiles carrying the value.
            var filterFiles = files.Where(f => f.RelativePath.StartsWith("suche/filter/", StringComparison.Ordinal)).ToList();
            var values = filterFiles.Sum(f => System.Text.Json.JsonDocument.Parse(f.Content).RootElement.EnumerateObject().Count());
            output.WriteLine($"{values:N0} filter values in {filterFiles.Count} files");
            Assert.True(filterFiles.Count * 16 <= values, $"{filterFiles.Count} files for {values} filter values");
            Assert.All(filterFiles, f => Assert.True(f.Content.Length <= CatalogDataBuilder.FilterChunkLimit + 64 || System.Text.Json.JsonDocument.Parse(f.Content).RootElement.EnumerateObject().Count() == 1, $"{f.RelativePath}: {f.Content.Length} B"));
            foreach (var group in CatalogFilters.FilterGroups)
            {
                var expected = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var id = 0; id < site.Profiles.Count; id++)
                {
                    foreach (var value in CatalogFilters.FilterValues(site, site.Profiles[id], group).Distinct(StringComparer.Ordinal))
                    {
                        (expected.TryGetValue(value, out var ids) ? ids : expected[value] = []).Add(id);
                    }
                }

                Assert.True(group is "sucht" or "nachnutzung" || expected.Count > 0, group);
                foreach (var (value, ids) in expected)
                {
                    var list = SearchTests.FilterList(path => byPath[path].Content, group, value);
                    Assert.Equal(ids, Postings.Decode(list!).Select(p => p.Id));
                }

                Assert.Null(SearchTests.FilterList(path => byPath[path].Content, group, "gibt-es-nicht"));
            }

            Assert.Equal((site.Profiles.Count + CatalogDataBuilder.CardsPerChunk - 1) / CatalogDataBuilder.CardsPerChunk, files.Count(f => f.RelativePath.StartsWith("suche/karten/", StringComparison.Ordinal)));
            var script = File.ReadAllBytes(Path.Combine(Repo.Assets, "suche.js"));
            var names = byPath["suche/namen.json"].Content;
            output.WriteLine($"suche.js {script.Length:N0} B (gzip {Gzip(script):N0} B), namen.json {names.Length:N0} B; a result page shows {ResultsPerPage} cards");
            foreach (var r in results)
            {
                var gz = r.Files.Sum(p => Gzip(byPath["suche/" + p].Content));

                // What a paged catalogue page then fetches to show the first results: the card chunks holding them.
                var chunks = (r.Ids ?? []).Take(ResultsPerPage).Select(id => $"suche/karten/{id / CatalogDataBuilder.CardsPerChunk}.json").Distinct().Select(p => byPath[p].Content).ToList();
                var total = r.Bytes + script.Length + (chunks.Count > 0 ? names.Length + chunks.Sum(c => c.Length) : 0);
                var totalGz = gz + Gzip(script) + (chunks.Count > 0 ? Gzip(names) + chunks.Sum(Gzip) : 0);
                output.WriteLine($"{r.Q,-34} hits {(r.Ids is null ? "-" : r.Ids.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),6}  index files {r.Files.Length,3}  index raw {r.Bytes,8:N0} B gzip {gz,7:N0} B | with script and first cards: raw {total,8:N0} B gzip {totalGz,7:N0} B");
                Assert.True(total < Budget, $"'{r.Q}' needs {total:N0} bytes");
            }

            Assert.NotEmpty(results.Single(r => r.Q == "Dorfladen").Ids!);
            Assert.Equal(results.Single(r => r.Q == "Müll").Ids, results.Single(r => r.Q == "muell").Ids);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static long Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return buffer.ToArray().LongLength;
    }
}
