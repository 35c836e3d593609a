using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Transferkatalog.Pipeline;
using BuildOptions = Transferkatalog.Pipeline.BuildOptions;
using Transferkatalog.Schema;
using Transferkatalog.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Tests.WebEditor;

/// <summary>The web editor's files and config.yml, generated from ContentSchema and the registries.</summary>
public sealed class WebEditorConfigTests : IDisposable
{
    private readonly TestCatalog catalog = TestCatalog.Minimal();

    public void Dispose() => catalog.Dispose();

    private BuildResult Build()
    {
        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, ReferenceDate: new DateOnly(2026, 11, 21)));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    private void SwitchOn(string extra = "") =>
        catalog.Write("site.yml", MinimalCatalog.SiteYml + "\nredaktion:\n  repository: kreis-beispiel/transferkatalog\n" + extra);

    private JsonObject Config()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(catalog.Output, "admin", "config.yml"))));
        return (JsonObject)ToJson(yaml.Documents[0].RootNode)!;
    }

    [Fact]
    public void Without_redaktion_in_site_yml_there_is_no_editor()
    {
        Build();

        Assert.False(Directory.Exists(Path.Combine(catalog.Output, "admin")));
    }

    [Fact]
    public void Generated_config_is_valid_against_the_schema_sveltia_cms_ships()
    {
        SwitchOn("  branch: redaktion\n  oauth_url: https://auth.kreis-beispiel.de/\n");
        Build();
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Root, "tests", "Transferkatalog.Tests", "WebEditor", "sveltia-cms.schema.json")));
        var config = Config();

        var result = schema.Evaluate(JsonDocument.Parse(config.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join('\n', (result.Details ?? []).Where(d => !d.IsValid && d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("github", config["backend"]!["name"]!.GetValue<string>());
        Assert.Equal("kreis-beispiel/transferkatalog", config["backend"]!["repo"]!.GetValue<string>());
        Assert.Equal("redaktion", config["backend"]!["branch"]!.GetValue<string>());
        Assert.Equal("https://auth.kreis-beispiel.de", config["backend"]!["base_url"]!.GetValue<string>());
    }

    [Fact]
    public void Every_profile_field_is_in_the_form_with_its_rules_and_registry_entries_as_options()
    {
        SwitchOn();
        Build();
        var fields = Config()["collections"]![0]!["fields"]!.AsArray();

        Assert.Equal(ContentSchema.Profile.Fields.Select(f => f.Name).Append("body"), fields.Select(f => f!["name"]!.GetValue<string>()));
        foreach (var spec in ContentSchema.Profile.Fields)
        {
            var field = fields.Single(f => f!["name"]!.GetValue<string>() == spec.Name)!;
            Assert.Equal(spec.Required, field["required"]!.GetValue<bool>());
            Assert.Equal(spec.Description, field["hint"]!.GetValue<string>());
        }

        var kommunen = fields.Single(f => f!["name"]!.GetValue<string>() == "kommunen")!;
        Assert.Equal("select", kommunen["widget"]!.GetValue<string>());
        Assert.True(kommunen["multiple"]!.GetValue<bool>());
        Assert.Equal(["bielefeld", "brakel", "kreis-hoexter", "nieheim"], kommunen["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.Contains(kommunen["options"]!.AsArray(), o => o!["label"]!.GetValue<string>() == "Brakel (Kreis Höxter)");
        var status = fields.Single(f => f!["name"]!.GetValue<string>() == "status")!;
        Assert.Equal(ContentSchema.StatusValues, status["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        var summary = fields.Single(f => f!["name"]!.GetValue<string>() == "kurzbeschreibung")!;
        Assert.Equal(ContentSchema.SummaryMaxLength, summary["maxlength"]!.GetValue<long>());
        var telefon = fields.Single(f => f!["name"]!.GetValue<string>() == "kontakt")!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "telefon")!;
        Assert.Equal(ContentSchema.PhonePattern, telefon["pattern"]![0]!.GetValue<string>());
        var verwandt = fields.Single(f => f!["name"]!.GetValue<string>() == "verwandt")!;
        Assert.Equal("relation", verwandt["widget"]!.GetValue<string>());

        // The body starts with the headings `new` writes, without its placeholders (which check rejects).
        var body = fields.Single(f => f!["name"]!.GetValue<string>() == "body")!["default"]!.GetValue<string>();
        Assert.Equal(["## Ziel", "## Umsetzung", "## Erfahrungen"], body.Split('\n').Where(l => l.StartsWith('#')));
        Assert.DoesNotContain(Scaffolding.Placeholder.Marker, body);
    }

    [Fact]
    public void Editor_files_come_from_the_site_with_a_policy_that_allows_no_other_server_but_github()
    {
        SwitchOn();
        Build();
        var admin = Path.Combine(catalog.Output, "admin");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(admin, "index.html")));

        Assert.Equal("sveltia-cms.js", page.QuerySelector("script")!.GetAttribute("src"));
        Assert.True(File.Exists(Path.Combine(admin, "sveltia-cms.js")));
        Assert.True(File.Exists(Path.Combine(admin, "LICENSE.txt")));
        Assert.True(File.Exists(Path.Combine(admin, "fonts", "material-symbols-outlined-latin-wght-normal.woff2")));
        Assert.DoesNotContain("cdn.jsdelivr.net", File.ReadAllText(Path.Combine(admin, "sveltia-cms.js")));
        var policy = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self' https://api.github.com https://www.githubstatus.com blob: data:;", policy);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public void An_invalid_repository_is_an_error_with_an_example()
    {
        catalog.Write("site.yml", MinimalCatalog.SiteYml + "\nredaktion:\n  repository: https://github.com/kreis-beispiel/transferkatalog\n");

        var result = new SiteBuilder().Check(new BuildOptions(catalog.Content, Repo.Theme));

        var d = Assert.Single(result.Diagnostics, d => d.Code == "TK0106");
        Assert.Contains("redaktion.repository", d.Message);
        Assert.Contains("z. B. kreis-beispiel/transferkatalog", d.Message);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when long.TryParse(s.Value, out var n) => JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
