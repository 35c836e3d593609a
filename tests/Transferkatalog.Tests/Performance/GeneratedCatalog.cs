using Transferkatalog.Benchmarks.Generator;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Performance;

/// <summary>A mid-sized catalogue from the benchmark's generator, written once per test class (a class fixture).</summary>
public sealed class GeneratedCatalog : IDisposable
{
    public const int Profiles = 150;
    public const int Kommunen = 60;

    private readonly TestCatalog catalog = TestCatalog.Empty("tk-perf");

    public GeneratedCatalog() => new CatalogGenerator(Profiles, Kommunen, seed: 7).Write(catalog.Content);

    public string Root => catalog.Root;

    public string Content => catalog.Content;

    public string Output(string name) => Path.Combine(Root, name);

    public void Dispose() => catalog.Dispose();
}
