using Transferkatalog.Cli;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>The command line speaks German, suggests mistyped commands, and names the generator's version.</summary>
public sealed class CliGermanTests : IDisposable
{
    private readonly TestCatalog sample = TestCatalog.Minimal();

    public void Dispose() => sample.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Every_text_of_System_CommandLine_has_a_German_version_with_the_same_placeholders()
    {
        var english = GermanCommandLineTexts.EnglishTexts();

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), GermanCommandLineTexts.Texts.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in english)
        {
            var placeholders = System.Text.RegularExpressions.Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal);
            Assert.Equal(placeholders, System.Text.RegularExpressions.Regex.Matches(GermanCommandLineTexts.Texts[key], @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("build", "--help")]
    [InlineData("init", "--help")]
    public void Help_has_no_English_left(params string[] args)
    {
        var (exit, output, _) = Run(args);

        Assert.Equal(0, exit);
        Assert.Contains("Aufruf:", output);
        Assert.Contains("Hilfe und Aufruf anzeigen", output);
        foreach (var english in new[] { "Usage", "Options:", "Commands:", "Description", "Show help", "default:", "[options]", "[command]" })
        {
            Assert.DoesNotContain(english, output);
        }
    }

    [Fact]
    public void Defaults_are_labelled_in_German()
    {
        Assert.Contains("[Standard: content]", Run("build", "--help").Out);
    }

    [Theory]
    [InlineData("bild", "Meinten Sie 'build'? (transferkatalog build)")]
    [InlineData("chek", "Meinten Sie 'check'? (transferkatalog check)")]
    [InlineData("inti", "Meinten Sie 'init'? (transferkatalog init)")]
    public void A_mistyped_command_gets_a_suggestion(string typed, string hint)
    {
        var (exit, _, errors) = Run(typed);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains($"Unbekannter Befehl oder unbekannte Option '{typed}'", errors);
        Assert.Contains(hint, errors);
        Assert.DoesNotContain("Unrecognized", errors);
        Assert.DoesNotContain("Required command", errors);
        Assert.DoesNotContain("Kein Befehl angegeben", errors);
    }

    [Fact]
    public void A_mistyped_option_gets_a_suggestion_and_no_command_is_explained_in_German()
    {
        Assert.Contains("Meinten Sie '--content'? (transferkatalog check --content)", Run("check", "--contnet", "x").Err);
        var (exit, _, errors) = Run();
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("Kein Befehl angegeben.", errors);
    }

    [Fact]
    public void Version_option_build_summary_and_output_folder_name_the_generator_version()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", GeneratorVersion.Current);
        Assert.Equal($"Transferkatalog {GeneratorVersion.Current}", Run("--version").Out.Trim());

        var (exit, output, _) = Run("build", "--content", sample.Content, "--theme", Repo.Theme, "--output", sample.Output);
        Assert.Equal(0, exit);
        Assert.Contains($"Website gebaut mit Transferkatalog {GeneratorVersion.Current}:", output);
        Assert.Equal($"Transferkatalog {GeneratorVersion.Current}\n", File.ReadAllText(Path.Combine(sample.Output, GeneratorVersion.RecordPath)));
    }

    [Fact]
    public void A_crash_has_its_own_exit_code_and_no_stack_trace()
    {
        Assert.NotEqual(CliApp.ExitContentErrors, CliApp.ExitInternalError);
        Assert.NotEqual(CliApp.ExitUsage, CliApp.ExitInternalError);
        var stderr = new StringWriter();

        var exit = CliApp.Guarded(() => throw new InvalidOperationException("kaputt"), stderr);

        Assert.Equal(CliApp.ExitInternalError, exit);
        Assert.Contains($"interner Fehler (Transferkatalog {GeneratorVersion.Current}): InvalidOperationException: kaputt", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }
}
