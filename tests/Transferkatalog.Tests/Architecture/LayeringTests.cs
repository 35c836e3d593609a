using ArchUnitNET.Loader;

namespace Transferkatalog.Tests.Architecture;

/// <summary>The folders of src/Transferkatalog are the pipeline's stages: a stage may use only the stages below it.</summary>
public sealed class LayeringTests
{
    /// <summary>Bottom first. A namespace may depend only on namespaces in earlier rows; one row's members not on each other.</summary>
    private static readonly string[][] Layers =
    [
        [Root],
        ["Diagnostics"],
        ["Schema"],
        ["Language"],
        ["SafeMarkdown"],
        ["Content"],
        ["Output"],
        ["Validation"],
        ["SiteModel", "Scaffolding"],
        ["Search"],
        ["Exports"],
        ["Rendering"],
        ["Checking", "WebEditor"],
        ["Pipeline"],
        ["Serving"],
    ];

    private static readonly ArchUnitNET.Domain.Architecture Code =
        new ArchLoader().LoadAssemblies(typeof(Transferkatalog.Pipeline.SiteBuilder).Assembly).Build();

    [Fact]
    public void Every_namespace_has_a_place_in_the_layers()
    {
        var placed = Layers.SelectMany(row => row).ToHashSet(StringComparer.Ordinal);
        var unplaced = Code.Types.Select(t => Area(t.Namespace.FullName)).OfType<string>().Where(a => !placed.Contains(a)).Distinct().Order(StringComparer.Ordinal);

        Assert.True(!unplaced.Any(), "namespaces without a layer in LayeringTests.Layers: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_namespace_uses_one_above_or_beside_it()
    {
        var rank = Layers.SelectMany((row, i) => row.Select(area => (area, i))).ToDictionary(p => p.area, p => p.i, StringComparer.Ordinal);
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Code.Types)
        {
            if (Area(type.Namespace.FullName) is not { } from || !rank.TryGetValue(from, out var fromRank))
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (Area(dependency.Target.Namespace.FullName) is { } to && to != from && rank.TryGetValue(to, out var toRank) && toRank >= fromRank)
                {
                    violations.Add($"{from} -> {to}: {type.FullName} uses {dependency.Target.FullName}");
                }
            }
        }

        Assert.True(violations.Count == 0, "uses across the layers (move the type down, or the caller up):\n" + string.Join('\n', violations));
    }

    /// <summary>Types directly in namespace Transferkatalog (Parallelism, GeneratorVersion): below every stage.</summary>
    private const string Root = "(Transferkatalog)";

    /// <summary>The first namespace segment below Transferkatalog, or null for types outside it (libraries, compiler-generated).</summary>
    private static string? Area(string ns) =>
        ns == "Transferkatalog" ? Root
        : ns.StartsWith("Transferkatalog.", StringComparison.Ordinal) ? ns["Transferkatalog.".Length..].Split('.')[0]
        : null;
}
