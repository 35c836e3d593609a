using System.CommandLine;
using System.CommandLine.Parsing;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;

namespace Transferkatalog.Cli;

/// <summary>The transferkatalog command: parses arguments, runs the pipeline, prints diagnostics and a summary.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitContentErrors = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildCommand(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"Fehler: {error.Message}");
            }

            stderr.WriteLine("Hilfe: transferkatalog --help");
            return ExitUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last resort: an editor should never see a stack trace, but we still need the cause to fix the bug.
            stderr.WriteLine($"interner Fehler: {ex.GetType().Name}: {ex.Message}");
            stderr.WriteLine("Bitte melden Sie diesen Fehler mit der Ausgabe oben an das Katalog-Team.");
            return ExitContentErrors;
        }
    }

    private static RootCommand BuildCommand(TextWriter stdout, TextWriter stderr)
    {
        var content = new Option<string>("--content") { Description = "Inhaltsordner mit site.yml, Registern, projekte/ und seiten/", DefaultValueFactory = _ => "content" };
        var theme = new Option<string>("--theme") { Description = "Theme-Ordner mit templates/ und assets/", DefaultValueFactory = _ => "themes/default" };
        var output = new Option<string>("--output", "-o") { Description = "Ausgabeordner der Website", DefaultValueFactory = _ => "_site" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Öffentliche Adresse der Website; ersetzt basis_url aus site.yml" };

        var build = new Command("build", "Baut die Website aus dem Inhaltsordner.") { content, theme, output, baseUrl };
        build.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!, parse.GetValue(output)!, parse.GetValue(baseUrl));
            var result = new SiteBuilder().Build(options);
            Report(result, stderr);
            if (result.Succeeded)
            {
                stdout.WriteLine($"Website gebaut: {result.ProfileCount} Steckbriefe, {result.PageCount} Seiten, {result.WarningCount} Warnungen, 0 Fehler in {result.Elapsed.TotalSeconds:0.00} s → {options.OutputDir}");
                return ExitOk;
            }

            stdout.WriteLine($"Build abgebrochen: {result.ErrorCount} Fehler, {result.WarningCount} Warnungen in {result.Elapsed.TotalSeconds:0.00} s — der Ausgabeordner {options.OutputDir} wurde nicht verändert.");
            return ExitContentErrors;
        });

        var checkContent = new Option<string>("--content") { Description = "Inhaltsordner mit site.yml, Registern, projekte/ und seiten/", DefaultValueFactory = _ => "content" };
        var check = new Command("check", "Prüft die Inhalte, ohne etwas zu schreiben.") { checkContent };
        check.SetAction(parse =>
        {
            var result = new SiteBuilder().Check(new BuildOptions(ContentDir: parse.GetValue(checkContent)!));
            Report(result, stderr);
            stdout.WriteLine(result.Succeeded
                ? $"Prüfung bestanden: {result.ProfileCount} Steckbriefe, {result.WarningCount} Warnungen, 0 Fehler."
                : $"Prüfung fehlgeschlagen: {result.ErrorCount} Fehler, {result.WarningCount} Warnungen.");
            return result.Succeeded ? ExitOk : ExitContentErrors;
        });

        return new RootCommand("Transferkatalog: baut aus Markdown-Steckbriefen interkommunaler Projekte eine statische Website.")
        {
            build,
            check,
        };
    }

    private static void Report(BuildResult result, TextWriter stderr)
    {
        var github = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(d.ToString());
            if (github)
            {
                stderr.WriteLine(d.ToGitHubAnnotation());
            }
        }
    }
}
