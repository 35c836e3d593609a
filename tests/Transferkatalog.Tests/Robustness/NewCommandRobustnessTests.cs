using Transferkatalog.Scaffolding;

namespace Transferkatalog.Tests.Robustness;

/// <summary>`new` with unusual titles and names.</summary>
public sealed class NewCommandRobustnessTests : IDisposable
{
    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    [Fact]
    public void Long_title_gives_a_short_file_name()
    {
        // A 300-character title became a 300-character file name: "path too long", reported as a permission problem.
        var titel = string.Join(' ', Enumerable.Repeat("Interkommunale Zusammenarbeit", 10));
        var result = ProfileCreator.Create(input.Sample.Content, null, titel, new DateOnly(2026, 1, 1));
        Assert.True(result.Created, result.Message);
        var name = Path.GetFileNameWithoutExtension(result.Path!);
        Assert.InRange(name.Length, 1, ProfileCreator.MaxSlugLength);
        Assert.False(name.EndsWith('-'));
        Assert.StartsWith("interkommunale-zusammenarbeit-", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_explicit_slug_is_rejected_with_a_shorter_suggestion()
    {
        var result = ProfileCreator.Create(input.Sample.Content, new string('a', 300), null, new DateOnly(2026, 1, 1));
        Assert.False(result.Created);
        Assert.Contains("zu lang", result.Message);
        Assert.DoesNotContain("Schreibrechte", result.Message);
    }
}
