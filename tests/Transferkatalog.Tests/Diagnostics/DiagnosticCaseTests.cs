using System.Diagnostics;
using System.Text;
using Transferkatalog.Content;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Diagnostics;

/// <summary>
/// Golden diagnostics: each folder in Cases/ changes the sample catalogue in one way, and its expected.txt holds the
/// exact lines `build` prints for it, paths as seen from the case's folder.
/// </summary>
/// <remarks>
/// A case folder holds only what differs from <see cref="TestCatalog.Minimal"/>: its content/ files replace or join the
/// catalogue's, a theme/ folder is the theme (what it lacks comes from the default theme, as from the one shipped with
/// the tool), any other file or folder lands beside content/. An optional setup.txt does what files in git cannot, one
/// step a line: "delete &lt;path&gt;", "symlink &lt;path&gt; &lt;target&gt;", "fifo &lt;path&gt;", "output &lt;path&gt;" (the
/// folder to build into instead of _site), "theme &lt;path&gt;". A new case is one new folder; TK_UPDATE_GOLDEN=1 writes
/// the lines the build prints now into expected.txt, for review in the diff.
/// </remarks>
public sealed class DiagnosticCaseTests
{
    internal static string Folder => Path.Combine(Repo.Root, "tests", "Transferkatalog.Tests", "Diagnostics", "Cases");

    internal const string ExpectedFile = "expected.txt";

    private const string SetupFile = "setup.txt";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_prints_exactly_its_expected_diagnostics(string name)
    {
        using var prepared = Prepare(name);
        var actual = new SiteBuilder().Build(prepared.Options).Diagnostics.Select(d => prepared.Relative(d.ToString())).ToList();
        var expectedPath = Path.Combine(Folder, name, ExpectedFile);
        if (Environment.GetEnvironmentVariable("TK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, string.Concat(actual.Select(a => a + "\n")), new UTF8Encoding(false));
        }

        Assert.Equal(Expected(name), actual);
    }

    [Fact]
    public void The_command_line_prints_the_same_lines_on_standard_error()
    {
        // A case without a content folder: nothing can be stale, so the CLI's own build date changes nothing.
        const string name = "TK0003-inhaltsordner-fehlt";
        using var prepared = Prepare(name);
        var (exit, _, err) = CliRunner.Run("build", "--content", prepared.Options.ContentDir, "--theme", prepared.Options.ThemeDir, "--output", prepared.Options.OutputDir);
        Assert.Equal(Cli.CliApp.ExitContentErrors, exit);
        Assert.Equal(Expected(name), err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(prepared.Relative).ToList());
    }

    private static List<string> Expected(string name)
    {
        var path = Path.Combine(Folder, name, ExpectedFile);
        Assert.True(File.Exists(path), $"{name} has no {ExpectedFile} (TK_UPDATE_GOLDEN=1 writes it)");
        var expected = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(expected);
        return expected;
    }

    /// <summary>The sample catalogue with the case applied, and the options to build it as the CLI would.</summary>
    private static PreparedCase Prepare(string name)
    {
        var caseDir = Path.Combine(Folder, name);
        var sample = TestCatalog.Minimal();
        var output = sample.Output;
        var theme = Directory.Exists(Path.Combine(caseDir, "theme")) ? Path.Combine(sample.Root, "theme") : Repo.Theme;
        foreach (var file in Directory.EnumerateFiles(caseDir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(caseDir, file);
            if (relative is not (ExpectedFile or SetupFile))
            {
                var target = Path.Combine(sample.Root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }

        var setup = Path.Combine(caseDir, SetupFile);
        var steps = File.Exists(setup) ? File.ReadAllLines(setup, Encoding.UTF8) : [];
        foreach (var step in steps.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var words = step.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var path = Path.Combine(sample.Root, words[1]);
            switch (words[0])
            {
                case "delete" when File.Exists(path):
                    File.Delete(path);
                    break;
                case "delete":
                    Directory.Delete(path, recursive: true);
                    break;
                case "symlink" when Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, words[2])):
                    Directory.CreateSymbolicLink(path, words[2]);
                    break;
                case "symlink":
                    File.CreateSymbolicLink(path, words[2]);
                    break;
                case "fifo":
                    Assert.False(OperatingSystem.IsWindows(), "fifo needs a Unix system");
                    using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!)
                    {
                        mkfifo.WaitForExit();
                        Assert.Equal(0, mkfifo.ExitCode);
                    }

                    break;
                case "output":
                    output = path;
                    break;
                case "theme":
                    theme = path;
                    break;
                default:
                    Assert.Fail($"unknown step in {setup}: {step}");
                    break;
            }
        }

        return new PreparedCase(sample, new BuildOptions(sample.Content, theme, output, null, TestCatalog.ReferenceDate, 1, FallbackThemeDir: Repo.Theme));
    }

    /// <summary>A case written out to a temp folder; removed on dispose.</summary>
    private sealed class PreparedCase(TestCatalog sample, BuildOptions options) : IDisposable
    {
        private readonly string root = Path.GetFullPath(sample.Root);

        public BuildOptions Options { get; } = options;

        /// <summary>A printed line with the temp folder taken out of its paths, as the CLI prints it when run in the case's folder.</summary>
        public string Relative(string line) =>
            line.Replace(ContentLoader.Display(root) + "/", string.Empty, StringComparison.Ordinal).Replace(root + "/", string.Empty, StringComparison.Ordinal);

        public void Dispose() => sample.Dispose();
    }
}
