using System.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Robustness;

/// <summary>Content stays inside the content folder: links that leave it, pipes, devices and huge files are named, never read.</summary>
public sealed class SymlinkAndSpecialFileTests : IDisposable
{
    private const string Secret = "GEHEIMES_TOKEN=ghp_abcdef123456";

    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    private string Outside(string name, string text)
    {
        var path = Path.Combine(input.Sample.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertNothingQuotes(IEnumerable<Transferkatalog.Diagnostics.Diagnostic> diagnostics, string text) =>
        Assert.All(diagnostics, d => Assert.DoesNotContain(text, d.ToString() + d.ToGitHubAnnotation(), StringComparison.Ordinal));

    [Fact]
    public void Site_yml_linked_outside_is_an_error_that_never_shows_the_target()
    {
        // "site.yml -> /proc/self/environ" in a pull request printed the CI environment in a diagnostic.
        File.Delete(input.Sample.PathOf("site.yml"));
        File.CreateSymbolicLink(input.Sample.PathOf("site.yml"), Outside("geheim.yml", "titel: " + Secret + "\n"));
        var diagnostics = input.Check();
        var d = HostileInput.Single(diagnostics, "TK0016");
        Assert.EndsWith("content/site.yml", d.File);
        AssertNothingQuotes(diagnostics, Secret);
        AssertNothingQuotes(diagnostics, "geheim.yml");
    }

    [Fact]
    public void Profile_linked_outside_is_not_published()
    {
        var profile = "---\n" + HostileInput.ValidFrontMatter.Replace("titel: T", "titel: " + Secret, StringComparison.Ordinal) + "---\nText.\n";
        File.CreateSymbolicLink(input.Sample.PathOf("projekte/fremd.md"), Outside("fremd.md", profile));
        var result = new SiteBuilder().Build(new BuildOptions(input.Sample.Content, Repo.Theme, input.Sample.Output, null, new DateOnly(2026, 11, 21)), write: false);
        HostileInput.Single(result.Diagnostics, "TK0016");
        Assert.False(result.Succeeded);
        AssertNothingQuotes(result.Diagnostics, Secret);
    }

    [Fact]
    public void Folder_linked_outside_is_not_walked()
    {
        var elsewhere = Path.Combine(input.Sample.Root, "anderswo");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "y.md"), "---\ntitel: " + Secret + "\n---\n");
        Directory.CreateSymbolicLink(input.Sample.PathOf("projekte/anderswo"), elsewhere);
        var diagnostics = input.Check();
        Assert.EndsWith("projekte/anderswo", HostileInput.Single(diagnostics, "TK0016").File);
        AssertNothingQuotes(diagnostics, Secret);
    }

    [Fact]
    public void Theme_asset_linked_outside_is_not_published()
    {
        // A pull request adding assets/env.txt -> /proc/self/environ would have published the CI environment.
        var theme = Path.Combine(input.Sample.Root, "theme");
        TestCatalog.CopyFolder(Repo.Theme, theme);
        File.CreateSymbolicLink(Path.Combine(theme, "assets", "env.txt"), Outside("env.txt", Secret));
        var result = new SiteBuilder().Build(new BuildOptions(input.Sample.Content, theme, input.Sample.Output, null, new DateOnly(2026, 11, 21)), write: false);
        Assert.EndsWith("assets/env.txt", HostileInput.Single(result.Diagnostics, "TK0016").File);
        Assert.False(result.Succeeded);
        AssertNothingQuotes(result.Diagnostics, Secret);
    }

    [Fact]
    public void Links_inside_the_content_folder_still_work()
    {
        File.Move(input.Sample.PathOf("projekte/lorawan-netz.md"), input.Sample.PathOf("lorawan.md"));
        File.CreateSymbolicLink(input.Sample.PathOf("projekte/lorawan-netz.md"), input.Sample.PathOf("lorawan.md"));
        Assert.Empty(input.Check());
    }

    [Fact(Timeout = 60_000)]
    public async Task Fifo_named_like_a_profile_is_skipped_with_a_diagnostic_instead_of_hanging()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", input.Sample.PathOf("projekte/x.md")) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var diagnostics = await Task.Run(input.Check);
        var d = HostileInput.Single(diagnostics, "TK0005");
        Assert.EndsWith("projekte/x.md", d.File);
        Assert.Contains("keine gewöhnliche Datei", d.Message);
    }

    [Fact]
    public void Device_behind_a_link_inside_is_not_read_forever()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        // /dev/zero reads forever; behind a link it leaves the folder, and the size limit would stop it in any case.
        File.CreateSymbolicLink(input.Sample.PathOf("projekte/null.md"), "/dev/zero");
        HostileInput.Single(input.Check(), "TK0016");
    }

    [Fact]
    public void Huge_file_is_reported_not_read()
    {
        input.Sample.Write("projekte/x.md", "---\n" + HostileInput.ValidFrontMatter + "---\n" + new string('a', 9 * 1024 * 1024));
        var d = HostileInput.Single(input.Check(), "TK0005");
        Assert.Contains("größer als 8 MiB", d.Message);
    }

    [Fact]
    public void File_name_with_a_line_break_is_one_line_of_output()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        input.Sample.Write("projekte/a\n::error file=x::gefaelscht.md", "---\n" + HostileInput.ValidFrontMatter + "---\nText.\n");
        var d = HostileInput.Single(input.Check(), "TK0012");
        var line = d.ToString();
        Assert.DoesNotContain('\n', line);
        Assert.Contains("a\\n::error", line);
    }
}
