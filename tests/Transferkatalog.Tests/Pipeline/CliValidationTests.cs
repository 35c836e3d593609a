using Transferkatalog.Cli;
using Transferkatalog.Tests.Editor;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>Wrong option values are usage errors (exit code 2) with a German message, never an exception or a build.</summary>
public sealed class CliValidationTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    internal static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("build", "--output", "")]
    [InlineData("build", "--content", "")]
    [InlineData("build", "--theme", " ")]
    [InlineData("check", "--content", "")]
    [InlineData("serve", "--content", "")]
    public void Empty_folder_option_is_a_usage_error(string command, string option, string value)
    {
        var (exit, _, err) = Run(command, option, value);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains($"{option} braucht einen Ordner", err);
        Assert.DoesNotContain("interner Fehler", err);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("70000")]
    [InlineData("99999999999")]
    public void Port_that_is_no_port_is_a_usage_error(string port)
    {
        var (exit, _, err) = Run("serve", "--content", sample.Content, "--port", port);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("--port muss eine Zahl zwischen 0 und 65535 sein", err);
    }

    [Theory]
    [InlineData("\\evil.example", "keine gültige Adresse")]
    [InlineData("\\\\evil.example/x/", "keine gültige Adresse")]
    [InlineData("//evil.example/", "keine gültige Adresse")]
    [InlineData("javascript:alert(1)", "http:// oder https://")]
    [InlineData("ftp://example.org/", "http:// oder https://")]
    [InlineData("https://", "keine gültige Adresse")]
    [InlineData("https://example/", "keinen gültigen Servernamen")]
    [InlineData("https://user:pw@example.org/", "Zugangsdaten")]
    [InlineData("https://example.org/?x=1", "weder '?' noch '#'")]
    [InlineData("https://example.org/a\"><script>/", "Zeichen")]
    [InlineData("/katalog/\"onload=x", "kein gültiger Pfad")]
    public void Base_url_is_validated_like_basis_url(string value, string expected)
    {
        // '\evil.example' built pages that loaded their stylesheet from another host.
        var (exit, _, err) = Run("build", "--content", sample.Content, "--theme", Repo.Theme, "--output", sample.Output, "--base-url", value);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains(expected, err);
        Assert.False(Directory.Exists(sample.Output));
    }

    [Theory]
    [InlineData("https://org.github.io/transferkatalog/")]
    [InlineData("http://localhost:8080/katalog/")]
    [InlineData("/katalog/")]
    [InlineData("/")]
    public void Good_base_urls_still_build(string value)
    {
        var (exit, _, err) = Run("build", "--content", sample.Content, "--theme", Repo.Theme, "--output", sample.Output, "--base-url", value);
        Assert.True(exit == CliApp.ExitOk, err);
    }

    [Fact]
    public void Output_on_the_content_folder_exits_with_one_and_touches_nothing()
    {
        var before = Directory.GetFiles(sample.Content, "*", SearchOption.AllDirectories).Length;
        var (exit, output, err) = Run("build", "--content", sample.Content, "--theme", Repo.Theme, "--output", sample.Content);
        Assert.Equal(CliApp.ExitContentErrors, exit);
        Assert.Contains("TK0405", err);
        Assert.Contains("nicht verändert", output);
        Assert.Equal(before, Directory.GetFiles(sample.Content, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Output_path_with_a_line_break_is_printed_on_one_line()
    {
        var output = Path.Combine(sample.Root, "a\n::error::gefaelscht");
        var (exit, stdout, stderr) = Run("build", "--content", sample.Content, "--theme", Repo.Theme, "--output", output);
        Assert.Equal(CliApp.ExitOk, exit);
        Assert.All((stdout + stderr).Split('\n'), line => Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line));
    }
}

/// <summary>SOURCE_DATE_EPOCH is process-wide, so these run apart from every other test.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class SourceDateEpochTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();
    private readonly string? saved = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", saved);
        sample.Dispose();
    }

    [Theory]
    [InlineData("999999999999999")]
    [InlineData("-1")]
    [InlineData("gestern")]
    [InlineData("9223372036854775807")]
    public void Unusable_epoch_is_a_usage_error(string epoch)
    {
        // 999999999999999 ended in an ArgumentOutOfRangeException ("interner Fehler").
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", epoch);
        var (exit, _, err) = CliValidationTests.Run("check", "--content", sample.Content);
        Assert.Equal(Cli.CliApp.ExitUsage, exit);
        Assert.Contains("SOURCE_DATE_EPOCH", err);
        Assert.DoesNotContain("interner Fehler", err);
    }

    [Fact]
    public void Last_representable_day_still_works()
    {
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "253402300799");
        var (exit, _, err) = CliValidationTests.Run("check", "--content", sample.Content);
        Assert.True(exit is 0 or 1, err);
        Assert.DoesNotContain("interner Fehler", err);
    }
}
