using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Editor;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Robustness;

/// <summary>--output never costs data: a build replaces only a folder that is absent, empty or its own earlier output.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private static readonly DateOnly Date = new(2026, 11, 21);

    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    private BuildResult Build(string output, string? theme = null) =>
        new SiteBuilder().Build(new BuildOptions(sample.Content, theme ?? Repo.Theme, output, null, Date, 1));

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static Diagnostic Refused(BuildResult result)
    {
        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        return HostileInput.Single(result.Diagnostics, "TK0405");
    }

    [Fact]
    public void Output_equal_to_the_content_folder_is_refused_and_every_profile_survives()
    {
        // `build --content c --output c` exited 0 and replaced the profiles by the site.
        var before = Snapshot(sample.Content);
        var d = Refused(Build(sample.Content));
        Assert.Contains("Inhaltsordner", d.Message);
        Assert.Equal(before, Snapshot(sample.Content));
    }

    [Fact]
    public void Output_containing_the_content_folder_is_refused()
    {
        File.WriteAllText(Path.Combine(sample.Root, "notizen.txt"), "nicht löschen");
        var before = Snapshot(sample.Root);
        var d = Refused(Build(sample.Root));
        Assert.Contains("enthält ihn", d.Message);
        Assert.Equal(before, Snapshot(sample.Root));
    }

    [Fact]
    public void Output_inside_the_content_folder_is_refused()
    {
        var d = Refused(Build(Path.Combine(sample.Content, "_site")));
        Assert.Contains("liegt im Inhaltsordner", d.Message);
        Assert.False(Directory.Exists(Path.Combine(sample.Content, "_site")));
    }

    [Fact]
    public void Output_equal_to_the_theme_is_refused()
    {
        var theme = Path.Combine(sample.Root, "theme");
        TestCatalog.CopyFolder(Repo.Theme, theme);
        var before = Snapshot(theme);
        var d = Refused(Build(theme, theme));
        Assert.Contains("Theme-Ordner", d.Message);
        Assert.Equal(before, Snapshot(theme));
    }

    [Fact]
    public void Roots_home_working_directory_and_repository_are_refused_by_the_check_alone()
    {
        // Checked with the rule alone: a broken rule must not be able to wipe the machine running the tests.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Contains("Wurzel", OutputFolder.Problem("/", sample.Content, Repo.Theme));
        Assert.Contains("persönlicher Ordner", OutputFolder.Problem(home, sample.Content, Repo.Theme));
        Assert.Contains("Arbeitsordner", OutputFolder.Problem(".", sample.Content, Repo.Theme));
        Assert.Contains("Arbeitsordner", OutputFolder.Problem("..", sample.Content, Repo.Theme));
        Assert.Contains(".git", OutputFolder.Problem(Path.Combine(Repo.Root, ".git", "x"), sample.Content, Repo.Theme) ?? "(kein Problem)");
    }

    [Fact]
    public void A_folder_that_is_not_a_site_is_never_wiped()
    {
        // A gh-pages worktree, notes, a CNAME: replaced silently before.
        var output = Path.Combine(sample.Root, "worktree");
        Directory.CreateDirectory(Path.Combine(output, ".git"));
        File.WriteAllText(Path.Combine(output, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
        File.WriteAllText(Path.Combine(output, "CNAME"), "katalog.example.org\n");
        var before = Snapshot(output);

        var d = Refused(Build(output));
        Assert.Contains("nicht von transferkatalog", d.Message);
        Assert.Contains("'.git'", d.Message);
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public void Empty_or_own_output_is_replaced_but_a_foreign_file_added_later_stops_the_build()
    {
        Directory.CreateDirectory(sample.Output);
        Assert.True(Build(sample.Output).Succeeded);
        Assert.True(File.Exists(Path.Combine(sample.Output, OutputFolder.MarkerName)));
        Assert.True(Build(sample.Output).Succeeded, "a build must replace its own earlier output");

        File.WriteAllText(Path.Combine(sample.Output, "projekte", "notiz.txt"), "von Hand");
        var before = Snapshot(sample.Output);
        var d = Refused(Build(sample.Output));
        Assert.Contains("'projekte/notiz.txt'", d.Message);
        Assert.Equal(before, Snapshot(sample.Output));
    }

    [Fact]
    public void Trailing_slash_builds_beside_the_folder_not_inside_it()
    {
        // "out/" staged inside out/ and could never be swapped in (TK0404).
        var output = sample.Output + Path.DirectorySeparatorChar;
        Assert.True(Build(output).Succeeded, string.Join('\n', Build(output).Diagnostics));
        Assert.True(Build(output).Succeeded);
        Assert.True(File.Exists(Path.Combine(sample.Output, "index.html")));
        Assert.Empty(Directory.GetDirectories(sample.Output, ".*"));
        Assert.Empty(Directory.GetDirectories(sample.Root, ".*"));
    }

    [Fact]
    public void Symlinked_output_stays_a_link_to_the_new_site()
    {
        var real = Path.Combine(sample.Root, "echt");
        var link = Path.Combine(sample.Root, "verknuepft");
        Directory.CreateDirectory(real);
        Directory.CreateSymbolicLink(link, real);

        Assert.True(Build(link).Succeeded);
        Assert.True(Build(link).Succeeded);
        Assert.NotNull(new DirectoryInfo(link).LinkTarget);
        Assert.True(File.Exists(Path.Combine(real, "index.html")));
    }

    [Fact]
    public void Swap_killed_between_its_two_renames_is_undone_by_the_next_build_even_a_failing_one()
    {
        Assert.True(Build(sample.Output).Succeeded);
        var good = Snapshot(sample.Output);

        // What a build killed after moving the old site aside leaves: the old site and the new one beside, no output.
        const int Dead = int.MaxValue - 7;
        var retired = Path.Combine(sample.Root, $"._site.alt-{Dead}");
        var staging = Path.Combine(sample.Root, $"._site.neu-{Dead}");
        Directory.Move(sample.Output, retired);
        TestCatalog.CopyFolder(retired, staging);

        // A stranger's folder with a similar name but no marker is left alone.
        var stranger = Path.Combine(sample.Root, $"._site.neu-{Dead - 1}");
        Directory.CreateDirectory(stranger);

        sample.Replace("projekte/lorawan-netz.md", "status: abgeschlossen", "status: kaputt");
        Assert.False(Build(sample.Output).Succeeded);

        Assert.Equal(good, Snapshot(sample.Output));
        Assert.False(Directory.Exists(retired));
        Assert.False(Directory.Exists(staging));
        Assert.True(Directory.Exists(stranger));
    }

    [Fact]
    public void Leftovers_of_another_output_are_not_adopted_through_a_wildcard_in_the_name()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var other = Path.Combine(sample.Root, "ab");
        Assert.True(Build(other).Succeeded);
        var retired = Path.Combine(sample.Root, $".ab.alt-{int.MaxValue - 5}");
        Directory.Move(other, retired);

        Assert.True(Build(Path.Combine(sample.Root, "a*")).Succeeded);
        Assert.True(Directory.Exists(retired), "the leftover of 'ab' was taken by 'a*'");
    }

    [Fact]
    public void Staging_folder_of_a_killed_build_is_removed_when_the_swap_had_finished()
    {
        Assert.True(Build(sample.Output).Succeeded);
        var staging = Path.Combine(sample.Root, $"._site.neu-{int.MaxValue - 3}");
        TestCatalog.CopyFolder(sample.Output, staging);
        var retired = Path.Combine(sample.Root, $"._site.alt-{int.MaxValue - 3}");
        TestCatalog.CopyFolder(sample.Output, retired);

        Assert.True(Build(sample.Output).Succeeded);
        Assert.False(Directory.Exists(staging));
        Assert.False(Directory.Exists(retired));
    }

    [Fact]
    public void Output_that_is_a_file_is_refused()
    {
        File.WriteAllText(sample.Output, "eine Datei");
        var d = Refused(Build(sample.Output));
        Assert.Contains("ist eine Datei", d.Message);
        Assert.Equal("eine Datei", File.ReadAllText(sample.Output));
    }

    [Fact]
    public void Refusal_is_reported_with_the_content_errors_of_the_same_run()
    {
        sample.Replace("projekte/lorawan-netz.md", "status: abgeschlossen", "status: kaputt");
        var result = Build(sample.Content);
        Assert.Contains(result.Diagnostics, d => d.Code == "TK0405");
        Assert.Contains(result.Diagnostics, d => d.Code == "TK0106");
    }

    [Fact]
    public void Mount_points_are_recognised_from_the_kernels_list()
    {
        // A mount point cannot be renamed, so its contents are swapped inside it; recognising one is what decides that.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.True(OutputFolder.IsMountPoint("/proc"));
        Assert.False(OutputFolder.IsMountPoint(sample.Content));
    }
}
