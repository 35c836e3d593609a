using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Tests.Editor;

/// <summary>.github/workflows/pages.yml: valid YAML, official actions only, deploy only from main, pull requests only check and build.</summary>
public sealed class WorkflowTests
{
    private static readonly string[] AllowedActions =
        ["actions/checkout", "actions/setup-dotnet", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"];

    private readonly YamlMappingNode workflow = Load();

    [Fact]
    public void Uses_only_the_official_pages_actions_with_the_sdk_from_global_json()
    {
        var uses = Steps().Select(s => Scalar(s, "uses")).OfType<string>().ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Contains(u.Split('@')[0], AllowedActions));
        Assert.All(uses, u => Assert.Matches("@v[0-9]+$", u));
        Assert.Equal(AllowedActions.Order(StringComparer.Ordinal), uses.Select(u => u.Split('@')[0]).Distinct().Order(StringComparer.Ordinal));
        foreach (var setup in Steps().Where(s => Scalar(s, "uses")?.StartsWith("actions/setup-dotnet", StringComparison.Ordinal) == true))
        {
            Assert.Equal("global.json", Scalar((YamlMappingNode)setup.Children["with"], "global-json-file"));
        }

        Assert.True(File.Exists(Path.Combine(TempCatalog.RepoRoot, "global.json")));
    }

    [Fact]
    public void Triggers_on_push_to_main_and_on_pull_requests()
    {
        var on = (YamlMappingNode)workflow.Children["on"];
        var branches = (YamlSequenceNode)((YamlMappingNode)on.Children["push"]).Children["branches"];

        Assert.Equal(["main"], branches.Children.Select(b => ((YamlScalarNode)b).Value));
        Assert.True(on.Children.ContainsKey("pull_request"));
    }

    [Fact]
    public void Pull_requests_run_check_and_build_but_never_test_upload_or_deploy()
    {
        var jobs = Jobs();
        var prJobs = jobs.Where(j => Scalar(j.Value, "if") is { } cond && cond.Contains("== 'pull_request'", StringComparison.Ordinal)).ToList();
        var pushJobs = jobs.Where(j => Scalar(j.Value, "if") is { } cond && cond.Contains("!= 'pull_request'", StringComparison.Ordinal)).ToList();

        // Every job is explicitly gated one way or the other, so nothing deploys from a pull request by accident.
        Assert.Equal(jobs.Count, prJobs.Count + pushJobs.Count);
        var prRuns = prJobs.SelectMany(j => StepsOf(j.Value)).Select(s => Scalar(s, "run") ?? string.Empty).ToList();
        Assert.Contains(prRuns, r => r.Contains("-- check", StringComparison.Ordinal));
        Assert.Contains(prRuns, r => r.Contains("-- build", StringComparison.Ordinal));
        var prUses = prJobs.SelectMany(j => StepsOf(j.Value)).Select(s => Scalar(s, "uses") ?? string.Empty).ToList();
        Assert.DoesNotContain(prUses, u => u.StartsWith("actions/deploy-pages", StringComparison.Ordinal) || u.StartsWith("actions/upload-pages-artifact", StringComparison.Ordinal));

        var deploy = Assert.Single(jobs, j => StepsOf(j.Value).Any(s => Scalar(s, "uses")?.StartsWith("actions/deploy-pages", StringComparison.Ordinal) == true));
        Assert.Contains("refs/heads/main", Scalar(deploy.Value, "if"));
        var permissions = (YamlMappingNode)deploy.Value.Children["permissions"];
        Assert.Equal("write", Scalar(permissions, "pages"));
        Assert.Equal("write", Scalar(permissions, "id-token"));
    }

    [Fact]
    public void Main_build_tests_and_uses_the_base_url_from_configure_pages()
    {
        var build = Assert.Single(Jobs(), j => StepsOf(j.Value).Any(s => Scalar(s, "uses")?.StartsWith("actions/upload-pages-artifact", StringComparison.Ordinal) == true)).Value;
        var steps = StepsOf(build).ToList();
        var pagesId = Scalar(steps.Single(s => Scalar(s, "uses")?.StartsWith("actions/configure-pages", StringComparison.Ordinal) == true), "id");
        var buildStep = steps.Single(s => Scalar(s, "run")?.Contains("-- build", StringComparison.Ordinal) == true);
        var env = (YamlMappingNode)buildStep.Children["env"];

        Assert.Contains(steps, s => Scalar(s, "run")?.StartsWith("dotnet test", StringComparison.Ordinal) == true);
        Assert.Contains("--base-url", Scalar(buildStep, "run"));
        Assert.Contains($"steps.{pagesId}.outputs.base_url", env.Children.Values.OfType<YamlScalarNode>().Single().Value);
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TempCatalog.RepoRoot, ".github", "workflows", "pages.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private List<KeyValuePair<string, YamlMappingNode>> Jobs() =>
        ((YamlMappingNode)workflow.Children["jobs"]).Children.Select(j => new KeyValuePair<string, YamlMappingNode>(((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value)).ToList();

    private IEnumerable<YamlMappingNode> Steps() => Jobs().SelectMany(j => StepsOf(j.Value));

    private static IEnumerable<YamlMappingNode> StepsOf(YamlMappingNode job) =>
        job.Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children.Cast<YamlMappingNode>() : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
