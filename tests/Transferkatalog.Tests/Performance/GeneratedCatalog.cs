using Transferkatalog.Benchmarks.Generator;

namespace Transferkatalog.Tests.Performance;

/// <summary>A mid-sized catalogue from the benchmark's generator, written once per test class into a temp folder.</summary>
public sealed class GeneratedCatalog : IDisposable
{
    public const int Profiles = 150;
    public const int Kommunen = 60;

    public GeneratedCatalog()
    {
        Root = Path.Combine(Path.GetTempPath(), "tk-perf-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        new CatalogGenerator(Profiles, Kommunen, seed: 7).Write(Content);
    }

    public string Root { get; }

    public string Content { get; }

    public string Output(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
