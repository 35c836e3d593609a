using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Transferkatalog.Output;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>JsonTree writes the open data and search files byte for byte as the reflection serializer did before it.</summary>
public sealed class JsonTreeTests
{
    // Every kind of value the exports put into their trees, with text that needs escaping.
    private static readonly Dictionary<string, object?> Tree = new(StringComparer.Ordinal)
    {
        ["titel"] = "Müll & <Abfall> \"zusammen\" – 'gemeinsam'\n\u2028",
        ["leer"] = null,
        ["anzahl"] = 12,
        ["gross"] = 12_345_678_901L,
        ["betrag"] = 1250000.50m,
        ["bruch"] = 0.25,
        ["aktiv"] = true,
        ["liste"] = new List<string> { "a", "ä" },
        ["feld"] = new[] { "x" },
        ["nur_lesen"] = (IReadOnlyList<string>)["eins", "zwei"],
        ["gemischt"] = new object[] { "wert", "Name", 3 },
        ["sortiert"] = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["b"] = "2", ["a"] = "1" },
        ["tief"] = new List<Dictionary<string, object?>> { new() { ["schluessel"] = "k", ["name"] = null } },
        ["zahlen"] = new Dictionary<string, int> { ["x"] = 1 },
        ["leer_liste"] = new List<object>(),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Writes_what_the_serializer_wrote(bool indented)
    {
        var serializer = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = indented };

        var written = JsonTree.ToUtf8Bytes(Tree, indented);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Tree, serializer)), System.Text.Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Refuses_a_value_it_cannot_write_instead_of_guessing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => JsonTree.ToUtf8Bytes(new Dictionary<string, object?> { ["tag"] = new DateOnly(2026, 12, 1) }));

        Assert.Contains("DateOnly", error.Message);
    }
}
