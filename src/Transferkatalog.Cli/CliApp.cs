using System.CommandLine;
using System.CommandLine.Parsing;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Scaffolding;
using Transferkatalog.Serving;

namespace Transferkatalog.Cli;

/// <summary>The transferkatalog command: parses arguments, runs the pipeline, prints diagnostics and a summary.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitContentErrors = 1;
    public const int ExitUsage = 2;

    /// <summary>Where the theme is looked for when --theme is not given and the working directory has none.</summary>
    public static string BundledTheme => Path.Combine(AppContext.BaseDirectory, "themes", "default");

    /// <summary>An unexpected exception: a bug in the generator, not in the content, so CI can tell them apart.</summary>
    public const int ExitInternalError = 3;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        GermanCommandLineTexts.Install();
        var root = BuildCommand(stdout, stderr);

        // Parsing is guarded too: an option's validator that throws is a bug like any other.
        return Guarded(() =>
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                var hint = UsageHint(parse);
                foreach (var error in parse.Errors)
                {
                    // "bild": the unknown word and its suggestion say it all; "no command given" would only confuse.
                    if (hint is null || error.Message != GermanCommandLineTexts.Texts["RequiredCommandWasNotProvided"])
                    {
                        stderr.WriteLine(ConsoleText.Line($"Fehler: {error.Message}"));
                    }
                }

                if (hint is not null)
                {
                    stderr.WriteLine(hint);
                }

                stderr.WriteLine("Hilfe: transferkatalog --help");
                return ExitUsage;
            }

            if (SiteBuilder.SourceDateEpoch(out _) is { } epochProblem)
            {
                stderr.WriteLine(ConsoleText.Line($"Fehler: {epochProblem}"));
                return ExitUsage;
            }

            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }, stderr);
    }

    /// <summary>Runs a command; an exception that escapes it is a bug, reported in one line with its own exit code.</summary>
    internal static int Guarded(Func<int> command, TextWriter stderr)
    {
        try
        {
            return command();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last resort: an editor should never see a stack trace, but we still need the cause to fix the bug.
            stderr.WriteLine(ConsoleText.Line($"interner Fehler (Transferkatalog {GeneratorVersion.Current}): {ex.GetType().Name}: {ex.Message}"));
            stderr.WriteLine("Bitte melden Sie diesen Fehler mit der Ausgabe oben an das Katalog-Team.");
            return ExitInternalError;
        }
    }

    /// <summary>"Meinten Sie 'build'?" for a mistyped command or option, from what the command at hand accepts.</summary>
    internal static string? UsageHint(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens)
        {
            var candidates = token.StartsWith('-')
                ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            if (Suggestions.Closest(token, candidates) is { } best)
            {
                var call = token.StartsWith('-') ? $"transferkatalog {command.Name} {best}" : $"transferkatalog {best}";
                return $"Meinten Sie '{best}'? ({call})";
            }
        }

        return null;
    }

    /// <summary>What a catalogue's theme falls back to, file by file: the default theme shipped with the tool, when it is there.</summary>
    public static string? FallbackTheme => Directory.Exists(BundledTheme) ? BundledTheme : null;

    /// <summary>The theme folder to use: the one given, else ./themes/default, else the copy shipped with the tool.</summary>
    public static string ResolveTheme(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        const string local = "themes/default";
        return Directory.Exists(local) || !Directory.Exists(BundledTheme) ? local : BundledTheme;
    }

    private static RootCommand BuildCommand(TextWriter stdout, TextWriter stderr)
    {
        Option<string> Content() => new Option<string>("--content") { Description = "Inhaltsordner mit site.yml, Registern, projekte/ und seiten/", DefaultValueFactory = _ => "content" }.NotEmpty();
        Option<string?> Theme() => new Option<string?>("--theme") { Description = "Theme-Ordner mit templates/ und assets/; was ihm fehlt, kommt aus dem mitgelieferten Theme (Standard: themes/default, sonst das mitgelieferte Theme)" }.NotEmpty();
        Option<string?> BaseUrl() => new Option<string?>("--base-url") { Description = "Öffentliche Adresse der Website; ersetzt basis_url aus site.yml" }.ValidBaseUrl();

        var content = Content();
        var theme = Theme();
        var output = new Option<string>("--output", "-o") { Description = "Ausgabeordner der Website", DefaultValueFactory = _ => "_site" }.NotEmpty();
        var baseUrl = BaseUrl();
        var build = new Command("build", "Baut die Website aus dem Inhaltsordner.") { content, theme, output, baseUrl };
        build.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, ResolveTheme(parse.GetValue(theme)), parse.GetValue(output)!, parse.GetValue(baseUrl), FallbackThemeDir: FallbackTheme);
            BuildResult result;
            using (var progress = ProgressLine.For(stderr))
            {
                result = new SiteBuilder { Progress = progress }.Build(options);
            }

            Report(result, stderr, "build");
            if (result.Succeeded)
            {
                stdout.WriteLine(ConsoleText.Line($"Website gebaut mit Transferkatalog {GeneratorVersion.Current}: {result.ProfileCount} Steckbriefe, {result.PageCount} Seiten, {result.WarningCount} Warnungen, 0 Fehler in {result.Elapsed.TotalSeconds:0.00} s → {options.OutputDir}"));
                return ExitOk;
            }

            stdout.WriteLine(ConsoleText.Line($"Build abgebrochen: {result.ErrorCount} Fehler, {result.WarningCount} Warnungen in {result.Elapsed.TotalSeconds:0.00} s — der Ausgabeordner {options.OutputDir} wurde nicht verändert."));
            return ExitContentErrors;
        });

        var checkContent = Content();
        var check = new Command("check", "Prüft die Inhalte, ohne etwas zu schreiben.") { checkContent };
        check.SetAction(parse =>
        {
            var result = new SiteBuilder().Check(new BuildOptions(ContentDir: parse.GetValue(checkContent)!));
            Report(result, stderr, "check");
            stdout.WriteLine(result.Succeeded
                ? $"Prüfung bestanden: {result.ProfileCount} Steckbriefe, {result.WarningCount} Warnungen, 0 Fehler in {result.Elapsed.TotalSeconds:0.00} s."
                : $"Prüfung fehlgeschlagen: {result.ErrorCount} Fehler, {result.WarningCount} Warnungen in {result.Elapsed.TotalSeconds:0.00} s.");
            return result.Succeeded ? ExitOk : ExitContentErrors;
        });

        var serveContent = Content();
        var serveTheme = Theme();
        var serveBaseUrl = BaseUrl();
        var port = new Option<int>("--port", "-p") { Description = "Port auf 127.0.0.1", DefaultValueFactory = _ => 8080 }.ValidPort();
        var serve = new Command("serve", "Vorschau: baut die Website, zeigt sie unter http://127.0.0.1:8080/ und baut bei jeder Änderung neu.") { serveContent, serveTheme, serveBaseUrl, port };
        serve.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(serveContent)!, ResolveTheme(parse.GetValue(serveTheme)), BaseUrl: parse.GetValue(serveBaseUrl), FallbackThemeDir: FallbackTheme);
            return Serve(options, parse.GetValue(port), stdout, stderr);
        });

        var slug = new Argument<string?>("slug") { Description = "Dateiname des Steckbriefs ohne .md, z. B. gemeinsames-rechenzentrum (ohne Angabe: aus --titel gebildet)", Arity = ArgumentArity.ZeroOrOne };
        var titel = new Option<string?>("--titel") { Description = "Titel des Projekts; wird in den neuen Steckbrief eingetragen" };
        var newContent = Content();
        var create = new Command("new", "Legt einen neuen Steckbrief mit allen Feldern und Platzhaltern an.") { slug, titel, newContent };
        create.SetAction(parse =>
        {
            var result = ProfileCreator.Create(parse.GetValue(newContent)!, parse.GetValue(slug), parse.GetValue(titel), SiteBuilder.ReferenceDate(new BuildOptions()));
            if (!result.Created)
            {
                stderr.WriteLine(ConsoleText.Line($"Fehler: {result.Message}"));
                return ExitUsage;
            }

            stdout.WriteLine(ConsoleText.Line(result.Message));
            return ExitOk;
        });

        var root = new RootCommand($"Transferkatalog {GeneratorVersion.Current}: baut aus Markdown-Steckbriefen interkommunaler Projekte eine statische Website.")
        {
            build,
            check,
            serve,
            create,
            InitCommand.Create(stdout, stderr),
        };
        NameVersion(root);
        return root;
    }

    private static int Serve(BuildOptions options, int port, TextWriter stdout, TextWriter stderr)
    {
        var server = new PreviewServer(options, port, stdout, stderr);
        try
        {
            try
            {
                server.StartAsync().GetAwaiter().GetResult();
            }
            catch (IOException ex)
            {
                stderr.WriteLine(ConsoleText.Line($"Fehler: Vorschau konnte nicht starten ({ex.Message}) — ist Port {port} schon belegt? Wählen Sie mit --port einen anderen."));
                return ExitUsage;
            }

            stdout.WriteLine(ConsoleText.Line($"Vorschau läuft: {server.SiteAddress} — Änderungen an {options.ContentDir}/ und am Theme werden sofort übernommen. Beenden mit Strg+C."));

            // The host's console lifetime turns Ctrl+C into a graceful shutdown.
            server.WaitForShutdownAsync().GetAwaiter().GetResult();
            stdout.WriteLine("Vorschau beendet.");
            return ExitOk;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>"Transferkatalog 0.1.0" for --version, not only the bare number System.CommandLine prints.</summary>
    private static void NameVersion(RootCommand root)
    {
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new VersionAction();
    }

    private sealed class VersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"Transferkatalog {GeneratorVersion.Current}");
            return ExitOk;
        }
    }

    private static void Report(BuildResult result, TextWriter stderr, string command)
    {
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(d.ToString());
        }

        if (!IsGitHubActions)
        {
            return;
        }

        // Annotations after the plain lines: grouped and ordered to fit GitHub's 10 per kind (GitHubReport).
        foreach (var annotation in GitHubReport.Annotations(result.Diagnostics))
        {
            stderr.WriteLine(annotation);
        }

        var summaryFile = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (string.IsNullOrEmpty(summaryFile))
        {
            return;
        }

        var outcome = result.Succeeded ? "bestanden" : "fehlgeschlagen";
        var heading = $"Transferkatalog {GeneratorVersion.Current}, {command}: {outcome} — {result.ErrorCount} Fehler, {result.WarningCount} Warnungen";
        try
        {
            File.AppendAllText(summaryFile, GitHubReport.Summary(heading, result.Diagnostics) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Hinweis: Zusammenfassung für GitHub nicht geschrieben ({ex.Message}).");
        }
    }

    internal static bool IsGitHubActions =>
        string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
}
