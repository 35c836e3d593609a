using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Transferkatalog.Tests.Performance;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Native;

/// <summary>The native executable does what the managed CLI does: the same bytes, the same messages, a working preview.</summary>
/// <remarks>What breaks only natively is what trimming removed or what needed code generated at run time: a view
/// property a template reads, a JSON or YAML writer, a resource text. These tests would see each as a difference.</remarks>
public sealed partial class NativeCliTests(NativeCli native, GeneratedCatalog generated) : IClassFixture<NativeCli>, IClassFixture<GeneratedCatalog>
{
    [Fact]
    public void Builds_the_repository_catalogue_with_the_web_editor_byte_for_byte_like_the_managed_cli()
    {
        using var catalog = TestCatalog.FromRepository().WithEntry("site.yml", "redaktion:\n  repository: kreis-beispiel/transferkatalog\n  branch: main");

        var (managed, nativeOut) = BuildBoth(catalog.Content, catalog.Root);

        AssertSameTree(managed, nativeOut);
        Assert.True(File.Exists(Path.Combine(nativeOut, "admin", "config.yml")));
    }

    [Fact]
    public void Builds_a_generated_catalogue_byte_for_byte_like_the_managed_cli()
    {
        var (managed, nativeOut) = BuildBoth(generated.Content, generated.Root);

        AssertSameTree(managed, nativeOut);
    }

    [Fact]
    public void Reports_the_same_diagnostics_for_a_broken_catalogue_and_writes_nothing()
    {
        using var catalog = TestCatalog.Minimal()
            .Replace("projekte/gemeinsames-rechenzentrum.md", "kommunen: [kreis-hoexter, brakel]", "kommunen: [kreis-hoexter, brakle]")
            .WithoutField("lorawan-netz", "kurzbeschreibung")
            .Write("projekte/kaputt.md", "---\ntitel: [nicht geschlossen\n---\nText\n");
        var output = Path.Combine(catalog.Root, "out");

        var managed = CliRunner.Run("build", "--content", catalog.Content, "--theme", Repo.Theme, "--output", output);
        var nativeRun = native.Run(Environment.CurrentDirectory, "build", "--content", catalog.Content, "--theme", Repo.Theme, "--output", output);

        Assert.Equal(1, managed.Exit);
        Assert.Equal(1, nativeRun.Exit);
        Assert.False(Directory.Exists(output));
        var expected = DiagnosticLines(managed.Out + managed.Err);
        Assert.Contains(expected, l => l.Contains("brakle", StringComparison.Ordinal));
        Assert.Equal(expected, DiagnosticLines(nativeRun.Out + nativeRun.Err));
    }

    [Fact]
    public void Answers_in_german_on_a_wrong_option()
    {
        var (exit, stdout, stderr) = native.Run(Environment.CurrentDirectory, "build", "--gibt-es-nicht");

        Assert.NotEqual(0, exit);
        Assert.Contains("Unbekannter Befehl oder unbekannte Option '--gibt-es-nicht'", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_and_new_scaffold_a_catalogue_that_builds_with_the_bundled_theme()
    {
        using var scratch = TestCatalog.Empty("tk-native");
        var folder = Path.Combine(scratch.Root, "katalog");

        var init = native.Run(scratch.Root, "init", folder);
        var added = native.Run(folder, "new", "gemeinsame-poststelle");
        var build = native.Run(folder, "build");

        Assert.True(init.Exit == 0, init.Out + init.Err);
        Assert.True(added.Exit == 0, added.Out + added.Err);
        // The new profile's placeholders are errors (TK0601), so the build stops; everything else must be fine.
        Assert.Equal(1, build.Exit);
        var errors = DiagnosticLines(build.Out + build.Err).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("error TK0601", e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("gemeinsame-poststelle.md", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_shows_the_site_and_a_saved_change()
    {
        using var catalog = TestCatalog.Minimal();
        var port = FreePort();
        using var serve = native.Start(catalog.Root, "serve", "--content", catalog.Content, "--theme", Repo.Theme, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var log = serve.StandardOutput.ReadToEndAsync();
        var errors = serve.StandardError.ReadToEndAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var page = $"http://127.0.0.1:{port}/transferkatalog/projekte/dorfladen-app/";
            var before = await PollAsync(http, page, serve, html => html.Contains("<h1", StringComparison.Ordinal));

            catalog.Replace("projekte/dorfladen-app.md", "titel: Dorfladen-App", "titel: Dorfladen-App neu benannt");
            var after = await PollAsync(http, page, serve, html => html.Contains("App neu benannt", StringComparison.Ordinal));

            Assert.DoesNotContain("App neu benannt", before, StringComparison.Ordinal);
            Assert.Contains("App neu benannt", after, StringComparison.Ordinal);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        Assert.Contains("Vorschau läuft", await log + await errors, StringComparison.Ordinal);
    }

    private (string Managed, string Native) BuildBoth(string content, string root)
    {
        var managed = Path.Combine(root, "managed-" + Guid.NewGuid().ToString("N"));
        var nativeOut = Path.Combine(root, "native-" + Guid.NewGuid().ToString("N"));

        var m = CliRunner.Run("build", "--content", content, "--theme", Repo.Theme, "--output", managed);
        var n = native.Run(Environment.CurrentDirectory, "build", "--content", content, "--theme", Repo.Theme, "--output", nativeOut);

        Assert.True(m.Exit == 0, m.Out + m.Err);
        Assert.True(n.Exit == 0, n.Out + n.Err);
        Assert.Equal(DiagnosticLines(m.Out + m.Err), DiagnosticLines(n.Out + n.Err));
        return (managed, nativeOut);
    }

    private static void AssertSameTree(string expected, string actual)
    {
        var want = Files(expected);
        var got = Files(actual);
        Assert.Equal(want, got);
        var different = want.Where(f => !File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f)))).ToList();
        Assert.True(different.Count == 0, $"{different.Count} von {want.Count} Dateien unterscheiden sich, z. B. " + string.Join(", ", different.Take(5)));
        Assert.True(want.Count > 50, $"nur {want.Count} Dateien gebaut");
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    // Every message line, with the build time and output folder taken out of the summary line.
    private static List<string> DiagnosticLines(string printed) =>
        [.. printed.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Timing().Replace(l, " in … s")).Select(l => l.Split(" → ")[0])];

    [GeneratedRegex(@" in \d+(\.\d+)? s")]
    private static partial Regex Timing();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> PollAsync(HttpClient http, string url, System.Diagnostics.Process server, Func<string, bool> done)
    {
        var last = string.Empty;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            Assert.False(server.HasExited, $"serve hat sich beendet (Code {(server.HasExited ? server.ExitCode : 0)}), etwa weil der Port schon belegt war");
            try
            {
                last = await http.GetStringAsync(url);
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow answer on a loaded machine: ask again.
            }
        }

        Assert.Fail($"{url} zeigte nach 30 s nicht, was erwartet war:\n{last[..Math.Min(last.Length, 500)]}");
        return last;
    }
}
