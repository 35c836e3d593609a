using System.CommandLine;
using System.Reflection;
using Transferkatalog.Pipeline;
using Transferkatalog.Scaffolding;

namespace Transferkatalog.Cli;

/// <summary>`transferkatalog init ORDNER`: a new catalogue repository with content, Pages workflow and README.</summary>
internal static class InitCommand
{
    /// <summary>Registers, pages and Kommunen shipped with the tool (copied from this repository's content/ at build time).</summary>
    public static string StarterDir => Path.Combine(AppContext.BaseDirectory, "vorlage");

    /// <summary>This generator's composite action, "owner/repo@main", from the package's RepositoryUrl.</summary>
    public static string DefaultAction
    {
        get
        {
            var url = typeof(InitCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value;
            var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath.Trim('/') : string.Empty;
            if (path.EndsWith(".git", StringComparison.Ordinal))
            {
                path = path[..^4];
            }

            return (path.Length > 0 ? path : "transferkatalog/transferkatalog") + "@main";
        }
    }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("ordner") { Description = "Neuer oder leerer Ordner für das Katalog-Repository, z. B. katalog-kreis-hoexter" };
        var titel = new Option<string?>("--titel") { Description = "Titel der Website (Standard: Transferkatalog)" };
        var basisUrl = new Option<string?>("--basis-url") { Description = "Künftige Adresse der Website für site.yml, z. B. https://kreis-beispiel.github.io/transferkatalog/" };
        var kreis = new Option<string[]>("--kreis") { Description = "Nur diesen Kreis mit seinen Städten und Gemeinden übernehmen (Schlüssel oder Name; mehrfach möglich)", AllowMultipleArgumentsPerToken = false };
        var bezirk = new Option<string[]>("--regierungsbezirk") { Description = "Nur die Kommunen dieses Regierungsbezirks übernehmen (mehrfach möglich)" };
        var action = new Option<string?>("--action") { Description = $"Action, die der Workflow zum Bauen nutzt (Standard: {DefaultAction})" };
        var init = new Command("init", "Legt ein neues Katalog-Repository an: Inhalte mit Registern, Seiten und einem Beispiel-Steckbrief, Workflow für GitHub Pages, README.") { folder, titel, basisUrl, kreis, bezirk, action };
        init.SetAction(parse =>
        {
            var result = CatalogInitializer.Create(new InitOptions(
                parse.GetValue(folder)!,
                StarterDir,
                parse.GetValue(action) ?? DefaultAction,
                SiteBuilder.ReferenceDate(new BuildOptions()),
                parse.GetValue(titel),
                parse.GetValue(basisUrl),
                parse.GetValue(kreis) ?? [],
                parse.GetValue(bezirk) ?? []));
            if (!result.Created)
            {
                stderr.WriteLine(Diagnostics.ConsoleText.Line($"Fehler: {result.Message}"));
                return CliApp.ExitUsage;
            }

            stdout.WriteLine(Diagnostics.ConsoleText.Line(result.Message));
            return CliApp.ExitOk;
        });
        return init;
    }
}
