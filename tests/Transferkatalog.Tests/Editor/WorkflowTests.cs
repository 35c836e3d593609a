using YamlDotNet.RepresentationModel;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>
/// .github/workflows/pages.yml and the composite action.yml, read against the official Pages starter workflow:
/// official actions at their current (Node 24) majors, configure-pages with `pages: read`, deploy only from main with
/// `pages: write` and `id-token: write`, tests on pull requests too, a timeout on every job, a NuGet cache.
/// </summary>
public sealed class WorkflowTests
{
    /// <summary>Current majors (looked up in the actions' releases, 2026-12-01); all run on Node 24 or are composite.</summary>
    internal static readonly IReadOnlyDictionary<string, string> CurrentMajors = new Dictionary<string, string>
    {
        ["actions/checkout"] = "v7",
        ["actions/setup-dotnet"] = "v6",
        ["actions/cache"] = "v5",
        ["actions/configure-pages"] = "v6",
        ["actions/upload-pages-artifact"] = "v5",
        ["actions/deploy-pages"] = "v5",
    };

    private readonly YamlMappingNode workflow = Load(".github", "workflows", "pages.yml");
    private readonly YamlMappingNode action = Load("action.yml");

    [Fact]
    public void Uses_only_official_actions_at_their_current_majors_and_the_sdk_from_global_json()
    {
        var uses = Steps().Concat(ActionSteps()).Select(s => Scalar(s, "uses")).OfType<string>().Where(u => u != "./").ToList();

        Assert.NotEmpty(uses);
        foreach (var u in uses)
        {
            var (name, version) = (u.Split('@')[0], u.Split('@')[1]);
            Assert.True(CurrentMajors.TryGetValue(name, out var major), $"{u} is not one of the official actions");
            Assert.Equal(major, version);
        }

        Assert.Equal(CurrentMajors.Keys.Order(StringComparer.Ordinal), uses.Select(u => u.Split('@')[0]).Distinct().Order(StringComparer.Ordinal));
        var setups = Steps().Concat(ActionSteps()).Where(s => Scalar(s, "uses")?.StartsWith("actions/setup-dotnet", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, setups.Count);
        Assert.All(setups, s => Assert.EndsWith("global.json", Scalar((YamlMappingNode)s.Children["with"], "global-json-file")));
        Assert.True(File.Exists(Path.Combine(Repo.Root, "global.json")));
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
    public void Every_job_has_a_timeout_and_pull_requests_test_check_and_build_without_uploading_or_deploying()
    {
        var jobs = Jobs();
        Assert.All(jobs, j => Assert.True(int.Parse(Scalar(j.Value, "timeout-minutes")!, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60, j.Key));

        // The build job runs for pull requests too (no condition), tests first, then the action builds without Pages.
        var build = Assert.Single(jobs, j => StepsOf(j.Value).Any(s => Scalar(s, "uses") == "./")).Value;
        Assert.Null(Scalar(build, "if"));
        var steps = StepsOf(build).ToList();
        var test = steps.FindIndex(s => Scalar(s, "run")?.StartsWith("dotnet test", StringComparison.Ordinal) == true);
        var site = steps.FindIndex(s => Scalar(s, "uses") == "./");
        Assert.InRange(test, 0, site - 1);
        Assert.Equal("${{ github.event_name != 'pull_request' }}", Scalar((YamlMappingNode)steps[site].Children["with"], "pages"));

        // Pages steps of the action run only when asked, so a pull request uploads nothing.
        foreach (var step in ActionSteps().Where(s => Scalar(s, "uses") is { } u && (u.StartsWith("actions/configure-pages", StringComparison.Ordinal) || u.StartsWith("actions/upload-pages-artifact", StringComparison.Ordinal))))
        {
            Assert.Equal("inputs.pages == 'true'", Scalar(step, "if"));
        }

        var deploy = Assert.Single(jobs, j => StepsOf(j.Value).Any(s => Scalar(s, "uses")?.StartsWith("actions/deploy-pages", StringComparison.Ordinal) == true));
        Assert.Contains("!= 'pull_request'", Scalar(deploy.Value, "if"));
        Assert.Contains("refs/heads/main", Scalar(deploy.Value, "if"));
        Assert.Equal("build", Scalar(deploy.Value, "needs"));
    }

    [Fact]
    public void Permissions_are_the_least_each_job_needs()
    {
        Assert.Equal([("contents", "read")], Permissions(workflow));
        var jobs = Jobs().ToDictionary(j => j.Key, j => j.Value);

        // configure-pages reads the Pages settings: without `pages: read` it fails with "Resource not accessible".
        Assert.Equal([("contents", "read"), ("pages", "read")], Permissions(jobs["build"]));
        Assert.Equal([("id-token", "write"), ("pages", "write")], Permissions(jobs["deploy"]));
        Assert.Equal("github-pages", Scalar((YamlMappingNode)jobs["deploy"].Children["environment"], "name"));
    }

    [Fact]
    public void NuGet_packages_are_cached_by_the_files_that_pin_them()
    {
        var setup = Steps().Single(s => Scalar(s, "uses")?.StartsWith("actions/setup-dotnet", StringComparison.Ordinal) == true);
        var with = (YamlMappingNode)setup.Children["with"];
        Assert.Equal("true", Scalar(with, "cache"));
        var paths = Scalar(with, "cache-dependency-path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Directory.Packages.props", paths);
        Assert.True(File.Exists(Path.Combine(Repo.Root, "Directory.Packages.props")));

        var caches = ActionSteps().Where(s => Scalar(s, "uses")?.StartsWith("actions/cache", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, caches.Count);
        Assert.Contains("steps.nuget-key.outputs.hash", Scalar((YamlMappingNode)caches[1].Children["with"], "key"));
    }

    [Fact]
    public void The_compiled_generator_is_cached_by_its_sources_and_everything_else_runs_only_without_it()
    {
        var steps = ActionSteps().ToList();
        var cache = steps.First(s => Scalar(s, "uses")?.StartsWith("actions/cache", StringComparison.Ordinal) == true);
        var key = Scalar((YamlMappingNode)cache.Children["with"], "key")!;
        Assert.Contains("steps.generator-key.outputs.hash", key);
        Assert.Contains("runner.arch", key);
        var hashing = Scalar(steps.Single(s => Scalar(s, "id") == "generator-key"), "run")!;
        Assert.All(new[] { "action.yml", "src", "themes/default", "global.json", "Directory.*.props", "/etc/os-release", "ldd --version" }, part => Assert.Contains(part, hashing));
        Assert.Equal("${{ runner.temp }}/transferkatalog", Scalar((YamlMappingNode)cache.Children["with"], "path"));

        // Setting up the SDK, its packages and compiling happen only on a cache miss; the site is always built.
        var id = Scalar(cache, "id");
        var afterCache = steps.SkipWhile(s => s != cache).Skip(1).TakeWhile(s => Scalar(s, "id") != "pages").ToList();
        Assert.Equal(4, afterCache.Count);
        Assert.All(afterCache, s => Assert.Equal($"steps.{id}.outputs.cache-hit != 'true'", Scalar(s, "if")));
        var publish = Scalar(afterCache[^1], "run")!;
        Assert.Contains("-p:PublishAot=true", publish);
        Assert.Contains("-p:PublishReadyToRun=true", publish);
        Assert.Contains("--self-contained true", publish);
        Assert.Contains("-o \"$out\"", publish);
        var build = steps.Single(s => Scalar(s, "name") == "Website bauen");
        Assert.False(build.Children.ContainsKey("if"));
    }

    [Fact]
    public void The_action_takes_content_theme_and_output_and_builds_with_the_address_from_configure_pages()
    {
        Assert.Equal("composite", Scalar((YamlMappingNode)action.Children["runs"], "using"));
        var inputs = (YamlMappingNode)action.Children["inputs"];
        Assert.Equal(["content", "theme", "output", "pages"], inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("content", Scalar((YamlMappingNode)inputs.Children["content"], "default"));
        Assert.Equal("_site", Scalar((YamlMappingNode)inputs.Children["output"], "default"));

        var steps = ActionSteps().ToList();
        var pagesId = Scalar(steps.Single(s => Scalar(s, "uses")?.StartsWith("actions/configure-pages", StringComparison.Ordinal) == true), "id");
        var build = steps.Single(s => Scalar(s, "run")?.Contains("Transferkatalog.Cli", StringComparison.Ordinal) == true && Scalar(s, "name") == "Website bauen");
        var env = (YamlMappingNode)build.Children["env"];
        Assert.Equal($"${{{{ steps.{pagesId}.outputs.base_url }}}}", Scalar(env, "TK_BASE_URL"));
        Assert.Contains("--base-url", Scalar(build, "run"));
        Assert.Contains("--content \"$TK_CONTENT\"", Scalar(build, "run"));
        Assert.All(steps.Where(s => s.Children.ContainsKey("run")), s => Assert.Equal("bash", Scalar(s, "shell")));

        // Inputs reach the shell only through the environment, never spliced into the script.
        Assert.All(steps.Select(s => Scalar(s, "run")).OfType<string>(), r => Assert.DoesNotContain("${{", r));
        var upload = steps.Single(s => Scalar(s, "uses")?.StartsWith("actions/upload-pages-artifact", StringComparison.Ordinal) == true);
        Assert.Equal("${{ inputs.output }}", Scalar((YamlMappingNode)upload.Children["with"], "path"));
    }

    internal static YamlMappingNode Load(params string[] path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine([Repo.Root, .. path]));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static List<(string, string)> Permissions(YamlMappingNode node) =>
        ((YamlMappingNode)node.Children["permissions"]).Children.Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!)).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();

    private List<KeyValuePair<string, YamlMappingNode>> Jobs() =>
        ((YamlMappingNode)workflow.Children["jobs"]).Children.Select(j => new KeyValuePair<string, YamlMappingNode>(((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value)).ToList();

    private IEnumerable<YamlMappingNode> Steps() => Jobs().SelectMany(j => StepsOf(j.Value));

    private IEnumerable<YamlMappingNode> ActionSteps() => StepsOf((YamlMappingNode)action.Children["runs"]);

    private static IEnumerable<YamlMappingNode> StepsOf(YamlMappingNode job) =>
        job.Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children.Cast<YamlMappingNode>() : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
