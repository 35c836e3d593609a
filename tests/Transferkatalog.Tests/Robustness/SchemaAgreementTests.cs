using System.Text.Json;
using System.Text.RegularExpressions;
using Transferkatalog.Schema;

namespace Transferkatalog.Tests.Robustness;

/// <summary>The JSON Schema an editor's tooling sees must accept and reject what `check` accepts and rejects.</summary>
public sealed class SchemaAgreementTests : IDisposable
{
    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    private static JsonElement Telefon(JsonDocument schema) =>
        schema.RootElement.GetProperty("properties").GetProperty("kontakt").GetProperty("properties").GetProperty("telefon");

    [Theory]
    [InlineData("+49 5271 965-0", true)]
    [InlineData("05271 / 965 (0)", true)]
    [InlineData("0800 ANRUFEN", false)]
    [InlineData("1234", false)]
    [InlineData("-- --", false)]
    public void Phone_pattern_in_schema_agrees_with_the_validator(string telefon, bool valid)
    {
        // The schema had no pattern for telefon, so YAML editors accepted what `check` rejects as TK0116.
        var file = JsonSchemaGenerator.All(null, null).Single(f => f.FileName == "steckbrief.schema.json");
        using var json = JsonDocument.Parse(file.Content);
        var pattern = Telefon(json).GetProperty("pattern").GetString()!;
        Assert.Equal(valid, Regex.IsMatch(telefon, pattern, RegexOptions.ECMAScript));

        var diagnostics = input.CheckProfile(HostileInput.ValidFrontMatter.Replace("  organisation: O", $"  organisation: O\n  telefon: \"{telefon}\"", StringComparison.Ordinal));
        Assert.Equal(valid, !diagnostics.Any(d => d.Code == "TK0116"));
    }

    [Fact]
    public void Every_example_in_content_schema_passes_the_validator()
    {
        // Examples are shown by `new` and in the JSON Schema; one that `check` rejects would teach editors a mistake.
        var fields = ContentSchema.Profile.Fields.Where(f => f.Kind is not FieldKind.Map and not FieldKind.List && f.Example is not null).ToList();
        Assert.True(fields.Count >= 5, "the main scalar fields of a profile should carry an example");
        var frontMatter = string.Concat(fields.Select(f => $"{f.Name}: {f.Example}\n"));
        var kontakt = ContentSchema.Profile.Field("kontakt")!.Fields.Where(f => f.Example is not null).Select(f => $"  {f.Name}: {f.Example}\n");
        var diagnostics = input.CheckProfile(frontMatter + "handlungsfelder: [verwaltung]\nkommunen: [brakel]\nkontakt:\n" + string.Concat(kontakt));
        // TK0502: the example title is the sample catalogue's own 'Gemeinsames Rechenzentrum', rightly taken for a second entry of it.
        Assert.DoesNotContain(diagnostics, d => d.File.EndsWith("x.md", StringComparison.Ordinal) && d.Code is not "TK0501" and not "TK0502");
    }

    [Fact]
    public void Schema_carries_the_examples()
    {
        var file = JsonSchemaGenerator.All(null, null).Single(f => f.FileName == "steckbrief.schema.json");
        using var json = JsonDocument.Parse(file.Content);
        var properties = json.RootElement.GetProperty("properties");
        Assert.Equal("Gemeinsames Rechenzentrum", properties.GetProperty("titel").GetProperty("examples")[0].GetString());
        Assert.Equal(2021, properties.GetProperty("seit").GetProperty("examples")[0].GetInt32());
        Assert.Equal("+49 5271 965-0", Telefon(json).GetProperty("examples")[0].GetString());
    }
}
