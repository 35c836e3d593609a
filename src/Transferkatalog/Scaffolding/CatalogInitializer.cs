using System.Text;
using System.Text.RegularExpressions;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Scaffolding;

/// <summary>What `init` should create: the folder, and which part of the bundled Kommunen registry to take.</summary>
/// <param name="StarterDir">The bundled registers and pages (handlungsfelder.yml, kommunen.yml, seiten/).</param>
/// <param name="Action">The composite action the workflow uses, "owner/repo@ref".</param>
public sealed record InitOptions(
    string Folder,
    string StarterDir,
    string Action,
    DateOnly Today,
    string? Titel = null,
    string? BasisUrl = null,
    IReadOnlyList<string>? Kreise = null,
    IReadOnlyList<string>? Regierungsbezirke = null);

/// <summary>Outcome of <see cref="CatalogInitializer.Create"/>: the files written, or why nothing was written.</summary>
public sealed record InitResult(bool Created, string Message, IReadOnlyList<string> Files);

/// <summary>The `init` command's work: a new catalogue repository that passes `check` and `build` as it is.</summary>
/// <remarks>
/// It copies no templates: a catalogue uses the generator's bundled theme (and optional overrides in themes/), so a
/// new generator version brings its theme along. Everything is prepared in memory and written only when complete.
/// </remarks>
public static partial class CatalogInitializer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Pages copied from the starter: what the site's footer and navigation link to.</summary>
    public static readonly IReadOnlyList<string> Pages = ["ueber", "mitmachen", "impressum", "datenschutz", "barrierefreiheit"];

    public const string ExampleSlug = "beispielprojekt";

    public static InitResult Create(InitOptions options)
    {
        var target = Path.GetFullPath(options.Folder);
        if (File.Exists(target))
        {
            return Refused($"'{options.Folder}' ist eine Datei — geben Sie einen neuen oder leeren Ordner an");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return Refused($"Der Ordner '{options.Folder}' ist nicht leer — init legt einen Katalog nur in einem neuen oder leeren Ordner an und überschreibt nichts");
        }

        if (!ActionPattern().IsMatch(options.Action))
        {
            return Refused($"'{options.Action}' ist keine Action-Angabe — erwartet wird 'besitzer/repository@version', z. B. 'kreis-beispiel/transferkatalog@main'");
        }

        string handlungsfelder, kommunenText;
        try
        {
            handlungsfelder = File.ReadAllText(Path.Combine(options.StarterDir, "handlungsfelder.yml"), Utf8);
            kommunenText = File.ReadAllText(Path.Combine(options.StarterDir, "kommunen.yml"), Utf8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused($"Die mitgelieferten Register fehlen ({ex.Message}) — installieren Sie das Tool neu");
        }

        var registry = KommunenRegistry.Parse(kommunenText);
        var selection = registry.Select(options.Kreise ?? [], options.Regierungsbezirke ?? []);
        if (selection.Error is { } error)
        {
            return Refused(error);
        }

        var folderName = Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar));
        var slug = Validation.CatalogValidator.ToSlug(folderName);
        var titel = string.IsNullOrWhiteSpace(options.Titel) ? "Transferkatalog" : options.Titel.Trim();
        var basisUrl = string.IsNullOrWhiteSpace(options.BasisUrl) ? $"https://beispiel.github.io/{(slug.Length > 0 ? slug : "transferkatalog")}/" : options.BasisUrl.Trim();
        if (!Uri.TryCreate(basisUrl, UriKind.Absolute, out var basisUri) || basisUri.Scheme is not ("http" or "https") || basisUri.Query.Length > 0 || basisUri.Fragment.Length > 0)
        {
            return Refused($"--basis-url '{basisUrl}' ist keine http(s)-Adresse ohne '?' und '#' — z. B. https://kreis-beispiel.github.io/transferkatalog/");
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content/site.yml"] = SiteYml(titel, basisUrl),
            ["content/handlungsfelder.yml"] = handlungsfelder,
            ["content/kommunen.yml"] = selection.Text,
            [$"content/projekte/{ExampleSlug}.md"] = ExampleProfile(FirstKey(handlungsfelder), selection.Keys, options.Today),
            [".github/workflows/pages.yml"] = Workflow(options.Action),
            ["README.md"] = Readme(titel),
            [".gitignore"] = "_site/\n_site.*/\n",
        };
        foreach (var page in Pages)
        {
            try
            {
                files[$"content/seiten/{page}.md"] = File.ReadAllText(Path.Combine(options.StarterDir, "seiten", page + ".md"), Utf8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Refused($"Die mitgelieferte Seite '{page}.md' fehlt ({ex.Message}) — installieren Sie das Tool neu");
            }
        }

        try
        {
            foreach (var (relative, text) in files)
            {
                var path = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);

                // CreateNew: a file that appeared since the emptiness check is never overwritten.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Utf8.GetBytes(text));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused($"'{options.Folder}' konnte nicht geschrieben werden ({ex.Message}) — prüfen Sie Schreibrechte und Speicherplatz; der Ordner ist womöglich unvollständig, löschen Sie ihn vor einem neuen Versuch");
        }

        var scope = selection.Description is { } d ? $" ({d})" : string.Empty;
        return new(true, $"Katalog angelegt in {options.Folder}: {selection.Keys.Count} Kommunen{scope}, {Pages.Count} Seiten, 1 Beispiel-Steckbrief, Workflow für GitHub Pages. Weiter: cd {options.Folder} && transferkatalog serve", [.. files.Keys]);
    }

    private static InitResult Refused(string message) => new(false, message, []);

    private static string FirstKey(string handlungsfelderYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(handlungsfelderYaml));
        return ((YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children.Keys.First()).Value!;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string SiteYml(string titel, string basisUrl) => $"""
        # Einstellungen der Website. basis_url ist die künftige Adresse; beim Bauen in GitHub Actions ersetzt die
        # Adresse aus GitHub Pages diesen Wert.
        titel: {Quote(titel)}
        beschreibung: "Katalog der interkommunalen Zusammenarbeit: Kooperationsprojekte von Kreisen, Städten und Gemeinden, so beschrieben, dass andere Kommunen sie übernehmen können."
        basis_url: {basisUrl}
        sprache: de
        veraltet_nach_monaten: 24

        """;

    private static string ExampleProfile(string handlungsfeld, IReadOnlyList<string> kommunen, DateOnly today)
    {
        var members = kommunen.Take(2).ToList();
        var list = string.Join("\n", members.Select(k => $"  - {k}"));
        return $"""
            ---
            # Ein Beispiel: ersetzen Sie es durch ein echtes Projekt oder löschen Sie die Datei.
            # Einen neuen Steckbrief mit allen Feldern legt `transferkatalog new --titel "…"` an.
            titel: Beispielprojekt Gemeinsame Beschaffung
            kurzbeschreibung: "Mehrere Kommunen schreiben Geräte und Software gemeinsam aus und sparen so Zeit und Geld. Dieser Steckbrief ist ein Beispiel und zeigt, wie ein Eintrag im Katalog aussieht."
            handlungsfelder:
              - {handlungsfeld}
            kommunen:
            {list}
            federfuehrung: {members[0]}
            status: laufend
            stichworte:
              - Beschaffung
              - Beispiel
            kontakt:
              organisation: Geschäftsstelle des Katalogs
            transfer:
              uebertragbarkeit: hoch
            aktualisiert: {today:yyyy-MM-dd}
            ---

            ## Anlass

            Jede Kommune schrieb bisher für sich aus. Das kostete Zeit, und kleine Mengen brachten schlechte Preise.

            ## Umsetzung

            Eine Kommune übernimmt die Federführung und bündelt den Bedarf der übrigen in einer gemeinsamen Ausschreibung.

            ## Erfahrungen

            Ein gemeinsamer Zeitplan und klare Zuständigkeiten sind wichtiger als die Technik.

            """;
    }

    private static string Workflow(string action) => $$$"""
        # Prüft und baut den Katalog bei jedem Pull Request und veröffentlicht ihn bei jedem Push auf main mit GitHub Pages.
        # Einmalig im Repository: Settings → Pages → Build and deployment → Source: „GitHub Actions“.
        name: Website

        on:
          push:
            branches: [main]
          pull_request:
          workflow_dispatch:

        permissions:
          contents: read

        concurrency:
          group: pages-${{ github.ref }}
          cancel-in-progress: ${{ github.event_name == 'pull_request' }}

        jobs:
          build:
            name: Prüfen und bauen
            runs-on: ubuntu-latest
            timeout-minutes: 20
            permissions:
              contents: read
              pages: read
            steps:
              - uses: actions/checkout@v7
              - uses: {{{action}}}
                with:
                  content: content
                  pages: ${{ github.event_name != 'pull_request' }}

          deploy:
            name: Veröffentlichen
            if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
            needs: build
            runs-on: ubuntu-latest
            timeout-minutes: 10
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v5

        """;

    private static string Readme(string titel) => $"""
        # {titel}

        Katalog interkommunaler Kooperationsprojekte, gebaut mit Transferkatalog. Dieses Repository enthält nur die
        Inhalte; den Generator holt der Workflow selbst.

        ## Inhalte bearbeiten

        - `content/projekte/`: ein Steckbrief je Projekt (Markdown mit Angaben zwischen `---`-Zeilen). Welche Felder es
          gibt, erklärt die Seite `content/seiten/mitmachen.md`. Der Beispiel-Steckbrief kann weg, sobald es echte gibt.
        - `content/kommunen.yml`, `content/handlungsfelder.yml`: die Register, auf die Steckbriefe verweisen.
        - `content/seiten/`: Über den Katalog, Mitmachen, Impressum, Datenschutz, Barrierefreiheit. Ersetzen Sie in
          Impressum, Datenschutz und Barrierefreiheit alle Angaben in eckigen Klammern vor der Veröffentlichung.
        - `content/site.yml`: Titel, Beschreibung und Adresse (`basis_url`) der Website.

        ## Prüfen und ansehen

        Mit dem Tool (`dotnet tool install --global Transferkatalog.Tool`):

        ```sh
        transferkatalog check     # alle Fehler mit Datei, Zeile und Vorschlag
        transferkatalog serve     # Vorschau unter http://127.0.0.1:8080/, lädt bei jeder Änderung neu
        transferkatalog new --titel "Gemeinsames Rechenzentrum"   # neuer Steckbrief mit allen Feldern
        ```

        Ohne Tool genügt ein Pull Request: Der Workflow prüft ihn, und Fehler erscheinen an den geänderten Zeilen und
        als Tabelle in der Zusammenfassung des Laufs.

        ## Veröffentlichen

        Einmalig unter *Settings → Pages → Build and deployment → Source* „GitHub Actions“ wählen. Danach baut jeder
        Push auf `main` die Website und veröffentlicht sie; die Adresse steht im Lauf unter „Veröffentlichen“.

        """;

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}(?:/[A-Za-z0-9._/-]+)?@[A-Za-z0-9._/-]{1,100}$")]
    private static partial Regex ActionPattern();
}
