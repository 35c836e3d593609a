using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Performance;

/// <summary>A written build streams each page to disk as it is rendered; it must produce exactly what the in-memory build (the preview's) holds.</summary>
public sealed class StreamingOutputTests(GeneratedCatalog catalog) : IClassFixture<GeneratedCatalog>
{
    private static readonly DateOnly Date = new(2026, 11, 21);

    [Fact]
    public void Written_folder_is_byte_identical_to_the_in_memory_build()
    {
        var output = catalog.Output("gestreamt");
        var options = new BuildOptions(catalog.Content, Repo.Theme, output, null, Date);
        var inMemory = new SiteBuilder().Build(options, write: false);
        var written = new SiteBuilder().Build(options);

        Assert.True(inMemory.Succeeded, string.Join(Environment.NewLine, inMemory.Diagnostics.Take(10)));
        Assert.True(written.Written);
        Assert.False(inMemory.Written);
        Assert.Equal(inMemory.Diagnostics, written.Diagnostics);
        Assert.Equal(inMemory.PageCount, written.PageCount);

        var onDisk = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => f != Output.OutputFolder.MarkerName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(inMemory.Files.Select(f => f.RelativePath).Order(StringComparer.Ordinal), onDisk);

        // Beside the site lies only the marker that lets the next build recognise the folder, listing exactly these files.
        var marker = File.ReadAllLines(Path.Combine(output, Output.OutputFolder.MarkerName));
        Assert.Equal(onDisk, marker.Skip(1));
        Assert.True(onDisk.Count > GeneratedCatalog.Profiles + GeneratedCatalog.Kommunen, $"only {onDisk.Count} files compared");
        foreach (var file in inMemory.Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(output, file.RelativePath));
            Assert.True(file.Content.AsSpan().SequenceEqual(bytes), $"{file.RelativePath} differs from the in-memory build");
        }

        // The written build's result lists the same files in the same order, their bytes read back from the folder.
        Assert.Equal(inMemory.Files.Select(f => f.RelativePath), written.Files.Select(f => f.RelativePath));
        Assert.All(inMemory.Files.Zip(written.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.RelativePath));
    }

    [Fact]
    public void Broken_links_fail_the_streaming_build_like_the_in_memory_one_and_keep_the_old_output()
    {
        using var sample = TestCatalog.Minimal();
        var options = new BuildOptions(sample.Content, Repo.Theme, sample.Output, null, Date);
        Assert.True(new SiteBuilder().Build(options).Succeeded);
        var before = Snapshot(sample.Output);

        // Exports are generated alongside the pages, so links to them are resolved only once every file is known:
        // an existing export must pass, a missing file under the same folder must still fail.
        sample.Replace("projekte/lorawan-netz.md", "Text.", "Siehe [altes Projekt](/projekte/gibt-es-nicht/), [Daten](/daten/katalog.json) und [alte Daten](/daten/fehlt.json).");
        var written = new SiteBuilder().Build(options);
        var inMemory = new SiteBuilder().Build(options, write: false);

        Assert.False(written.Succeeded);
        Assert.False(written.Written);
        Assert.Empty(written.Files);
        Assert.Equal(inMemory.Diagnostics, written.Diagnostics);
        var links = written.Diagnostics.Where(d => d.Code == "TK0401").ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains(links, d => d.Message.Contains("'/projekte/gibt-es-nicht/'", StringComparison.Ordinal));
        Assert.Contains(links, d => d.Message.Contains("'/daten/fehlt.json'", StringComparison.Ordinal));
        Assert.All(links, d => Assert.EndsWith("content/projekte/lorawan-netz.md", d.File));

        Assert.Equal(before, Snapshot(sample.Output));
        Assert.Empty(Directory.GetDirectories(sample.Root, ".*"));
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
