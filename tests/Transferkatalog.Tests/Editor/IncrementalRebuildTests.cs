using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>The preview's incremental rebuild: re-renders only what an edit touched, and its output equals a full build's byte for byte.</summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private readonly TestCatalog catalog = TestCatalog.FromRepository();
    private readonly string theme;
    private readonly IncrementalRebuilder rebuilder = new();

    public IncrementalRebuildTests()
    {
        // A private copy of the theme, so a test may edit it.
        theme = Path.Combine(catalog.Root, "theme");
        TestCatalog.CopyFolder(Repo.Theme, theme);
    }

    public void Dispose()
    {
        rebuilder.Dispose();
        catalog.Dispose();
    }

    [Fact]
    public void Editing_one_profile_rerenders_a_few_pages_and_matches_a_full_build()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var first = rebuilder.Rebuild(options, [], null);
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Equal(0, rebuilder.LastReused);
        var everything = rebuilder.LastRendered;

        var profile = catalog.Profile("digitalboard-owl");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("titel: Digitalboard OWL", "titel: Digitalboard Ostwestfalen-Lippe", StringComparison.Ordinal));
        var incremental = rebuilder.Rebuild(options, [profile], first);

        AssertSameAsFullBuild(options, incremental);
        Assert.Contains("Digitalboard Ostwestfalen-Lippe", Text(incremental, "projekte/digitalboard-owl/index.html"));

        // Its page, the catalogue, its Handlungsfeld and Kommunen pages and related profiles change; the rest is reused.
        Assert.True(rebuilder.LastReused > 0);
        Assert.True(rebuilder.LastRendered < everything / 2, $"{rebuilder.LastRendered} of {everything} renders repeated");
        Assert.Equal(everything, rebuilder.LastRendered + rebuilder.LastReused);
    }

    [Fact]
    public void Unchanged_content_rerenders_nothing_and_a_theme_edit_rerenders_everything()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var first = rebuilder.Rebuild(options, [], null);
        var everything = rebuilder.LastRendered;

        var again = rebuilder.Rebuild(options, [], first);
        Assert.Equal(0, rebuilder.LastRendered);
        AssertSameAsFullBuild(options, again);

        var layout = Path.Combine(theme, "templates", "layout.sbn-html");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("<main ", "<main data-probe=\"1\" ", StringComparison.Ordinal));
        var themed = rebuilder.Rebuild(options, [layout], again);
        Assert.Equal(everything, rebuilder.LastRendered);
        Assert.Contains("data-probe=\"1\"", Text(themed, "index.html"));
        AssertSameAsFullBuild(options, themed);
    }

    [Fact]
    public void A_broken_edit_and_its_fix_give_the_full_builds_diagnostics_and_output()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var first = rebuilder.Rebuild(options, [], null);
        var profile = catalog.Profile("digitalboard-owl");
        var original = File.ReadAllText(profile);

        File.WriteAllText(profile, original.Replace("status: laufend", "status: laeuft", StringComparison.Ordinal));
        var broken = rebuilder.Rebuild(options, [profile], first);
        Assert.False(broken.Succeeded);
        Assert.Equal(new SiteBuilder().Build(options, write: false).Diagnostics, broken.Diagnostics);

        File.WriteAllText(profile, original);
        var fixedBuild = rebuilder.Rebuild(options, [profile], broken);
        AssertSameAsFullBuild(options, fixedBuild);
    }

    /// <summary>Edits an editor makes, one after another on the same preview; after each the output must equal a full build's.</summary>
    public static TheoryData<string> EditSequences => new() { "profile-fields", "files-and-settings" };

    [Theory]
    [MemberData(nameof(EditSequences))]
    public void Every_kind_of_edit_gives_the_full_builds_output(string sequence)
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var previous = rebuilder.Rebuild(options, [], null);
        Assert.True(previous.Succeeded, string.Join('\n', previous.Diagnostics));
        var board = catalog.Profile("digitalboard-owl");
        var strategy = catalog.Profile("digitalisierungsstrategie-kreis-hoexter");
        var edits = new List<(string What, string[] Paths, Action Apply)>();
        void Edit(string what, string path, string from, string to) =>
            edits.Add((what, [path], () =>
            {
                var text = File.ReadAllText(path);
                Assert.Contains(from, text, StringComparison.Ordinal);
                File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
            }));

        if (sequence == "profile-fields")
        {
            Edit("body", board, "## Ziel", "## Ziel\n\nEin neuer Absatz mit einem [Verweis](/kommunen/kreis-lippe/).");
            Edit("title moves it to the end", board, "titel: Digitalboard OWL", "titel: Zukunftsboard OWL");
            Edit("summary", board, "kurzbeschreibung: \"Im 2019", "kurzbeschreibung: \"Seit 2019: Im 2019");
            Edit("status", board, "status: laufend", "status: abgeschlossen");
            Edit("another Handlungsfeld", board, "  - strategie-vernetzung\n", "  - strategie-vernetzung\n  - wirtschaft\n");
            Edit("one Kommune less", board, "  - kreis-lippe\n", string.Empty);
            Edit("a keyword shared with another profile", board, "  - Digitalboard\n", "  - Digitalboard\n  - Digitalisierungsstrategie\n");
            Edit("an adopter", board, "aktualisiert: 2026-11-21", "nachnutzung:\n  - kommune: bielefeld\n    seit: 2024\naktualisiert: 2026-11-21");
            Edit("stale", strategy, "aktualisiert: ", "aktualisiert: 2019-01-01\n# vorher: ");
            Edit("contact", board, "  organisation: Digitalboard OWL", "  organisation: Digitalboard OWL\n  email: board@example.org");

            // Written in one file, a relation shows on both pages: the other page must follow.
            Edit("a deliberate relation", board, "aktualisiert: 2026-11-21", "verwandt: [digitalbuero-owl]\naktualisiert: 2026-11-21");
            Edit("an unknown relation", board, "verwandt: [digitalbuero-owl]", "verwandt: [digitalbuero-ow]");
            Edit("relation fixed", board, "verwandt: [digitalbuero-ow]", "verwandt: [digitalbuero-owl]");
            Edit("a partner search", board, "aktualisiert: 2026-11-21", "sucht:\n  wen: [partner]\n  anliegen: Kreise, die mitmachen\n  bis: 2027-01-31\naktualisiert: 2026-11-21");
            Edit("partner search expired", board, "bis: 2027-01-31", "bis: 2026-11-20");
            Edit("relation removed", board, "verwandt: [digitalbuero-owl]\n", string.Empty);
            Edit("a second entry of the same project", strategy, "titel: \"Interkommunale Digitalisierungsstrategie „#XRegion“ im Kreis Höxter\"", "titel: Digitalnetzwerk des Kreises Höxter und seiner 10 Städte");
        }
        else
        {
            var added = catalog.Profile("zweites-digitalboard");
            edits.Add(("new profile", [added], () => File.WriteAllText(added, File.ReadAllText(board).Replace("titel: Digitalboard OWL", "titel: Ein zweites Digitalboard", StringComparison.Ordinal))));
            edits.Add(("deleted profile", [strategy], () => File.Delete(strategy)));
            var renamed = catalog.Profile("digitalboard-ostwestfalen-lippe");
            edits.Add(("renamed file", [board, renamed], () => File.Move(board, renamed)));

            // sed -i and other tools write a temporary file next to the one they save: no reason to start afresh.
            var temporary = Path.Combine(catalog.Content, "projekte", "sedX1b2C3");
            edits.Add(("editor's temporary file", [temporary, renamed], () =>
            {
                File.WriteAllText(temporary, "halb gespeichert");
                File.AppendAllText(renamed, "\nNoch ein Satz.\n");
                File.Delete(temporary);
            }));
            var capital = Path.Combine(catalog.Content, "projekte", "gross.MD");
            edits.Add(("Markdown file with a capital extension", [capital], () => File.WriteAllText(capital, "---\ntitel: x\n---\n")));
            edits.Add(("capital extension removed", [capital], () => File.Delete(capital)));
            Edit("plain page", Path.Combine(catalog.Content, "seiten", "ueber.md"), "---\n\n", "---\n\nNeu: ");
            Edit("Kommune renamed in the registry", Path.Combine(catalog.Content, "kommunen.yml"), "name: Bielefeld", "name: Stadt Bielefeld");
            Edit("style sheet", Path.Combine(theme, "assets", "style.css"), "body", "html { scroll-behavior: auto; }\nbody");
            Edit("broken link in a body", renamed, "## Ziel", "## Ziel\n\n[kaputt](/projekte/gibt-es-nicht/)");
            Edit("link fixed", renamed, "/projekte/gibt-es-nicht/", "/projekte/digitalboard-ostwestfalen-lippe/");
        }

        foreach (var (what, paths, apply) in edits)
        {
            apply();
            var result = rebuilder.Rebuild(options, paths, previous);
            var full = new SiteBuilder().Build(options, write: false);
            Assert.True(full.Diagnostics.SequenceEqual(result.Diagnostics), $"{what}: diagnostics differ\n{string.Join('\n', result.Diagnostics)}\n---\n{string.Join('\n', full.Diagnostics)}");
            if (full.Succeeded)
            {
                AssertSameAsFullBuild(options, result, what);
                previous = result;
            }

            // Only changes the build reads or reports make the preview read everything again.
            Assert.True(rebuilder.LastReadEverything == what is "Markdown file with a capital extension" or "capital extension removed" or "plain page" or "Kommune renamed in the registry", what);
        }
    }

    [Fact]
    public void A_body_link_to_a_deleted_profile_is_reported_in_the_unchanged_linking_profile()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var board = catalog.Profile("digitalboard-owl");
        var strategy = catalog.Profile("digitalisierungsstrategie-kreis-hoexter");
        File.WriteAllText(board, File.ReadAllText(board).Replace("## Ziel", "## Ziel\n\nVorbild: [Strategie](/projekte/digitalisierungsstrategie-kreis-hoexter/)", StringComparison.Ordinal));
        var first = rebuilder.Rebuild(options, [], null);
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));

        File.Delete(strategy);
        var deleted = rebuilder.Rebuild(options, [strategy], first);
        Assert.Equal(new SiteBuilder().Build(options, write: false).Diagnostics, deleted.Diagnostics);
        var d = Assert.Single(deleted.Diagnostics, d => d.Code == "TK0401");
        Assert.EndsWith("content/projekte/digitalboard-owl.md", d.File);
        Assert.Equal((33, 10), (d.Line, d.Column));

        // A comment line in the front matter moves the body down; the reused page's finding must move with it.
        File.WriteAllText(board, "---\n# Kommentar" + File.ReadAllText(board)[3..]);
        var moved = rebuilder.Rebuild(options, [board], deleted);
        Assert.Equal(new SiteBuilder().Build(options, write: false).Diagnostics, moved.Diagnostics);
        Assert.Equal(34, Assert.Single(moved.Diagnostics, d => d.Code == "TK0401").Line);
    }

    [Fact]
    public void A_body_edit_rerenders_only_that_profiles_page()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var first = rebuilder.Rebuild(options, [], null);
        var profile = catalog.Profile("digitalboard-owl");
        File.AppendAllText(profile, "\nNoch ein Satz.\n");
        var result = rebuilder.Rebuild(options, [profile], first);

        Assert.Equal(1, rebuilder.LastRendered);
        Assert.NotNull(rebuilder.Completion);
        Assert.Contains("Noch ein Satz.", Text(result, "projekte/digitalboard-owl/index.html"));
        AssertSameAsFullBuild(options, result);
    }

    [Fact]
    public void A_body_edit_without_a_new_word_shows_too()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var previous = rebuilder.Rebuild(options, [], null);
        var profile = catalog.Profile("digitalboard-owl");
        File.AppendAllText(profile, "\nDas Ziel ist das Ziel.\n");
        previous = rebuilder.Rebuild(options, [profile], previous);

        // Every word of this edit is already in the body: the search words stay the same, the page does not.
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("Das Ziel ist das Ziel.", "Das Ziel ist das Ziel, das Ziel.", StringComparison.Ordinal));
        var result = rebuilder.Rebuild(options, [profile], previous);
        Assert.Equal(1, rebuilder.LastRendered);
        Assert.Contains("Das Ziel ist das Ziel, das Ziel.", Text(result, "projekte/digitalboard-owl/index.html"));
        AssertSameAsFullBuild(options, result);
    }

    [Fact]
    public void Exports_superseded_by_a_newer_save_are_dropped_and_the_newest_equal_a_full_build()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var cache = new BuildCache();
        var builder = new SiteBuilder();
        Assert.Null(builder.Rebuild(options, cache, []).PendingExports);
        var board = catalog.Profile("digitalboard-owl");
        File.WriteAllText(board, File.ReadAllText(board).Replace("titel: Digitalboard OWL", "titel: Zukunftsboard OWL", StringComparison.Ordinal));
        var first = builder.Rebuild(options, cache, [board]);

        // The preview cancels a run when a newer save comes: it stops at the next export and leaves nothing behind.
        using var superseded = new CancellationTokenSource();
        superseded.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => first.PendingExports!(superseded.Token));

        var strategy = catalog.Profile("digitalisierungsstrategie-kreis-hoexter");
        File.AppendAllText(strategy, "\nNoch ein Satz.\n");
        var second = builder.Rebuild(options, cache, [strategy]);
        var done = second.PendingExports!(CancellationToken.None);
        AssertSameFiles(new SiteBuilder().Build(options, write: false), done, "after a superseded run");
    }

    [Fact]
    public void Saves_in_quick_succession_end_with_the_full_builds_exports()
    {
        var options = new BuildOptions(catalog.Content, theme, ReferenceDate: new DateOnly(2026, 11, 21));
        var previous = rebuilder.Rebuild(options, [], null);
        var board = catalog.Profile("digitalboard-owl");
        var runs = new List<Task<BuildResult>>();
        for (var i = 0; i < 4; i++)
        {
            // The next save comes before the exports of the one before are awaited: each run supersedes the one before.
            File.AppendAllText(board, $"\nSatz {i}.\n");
            previous = rebuilder.Rebuild(options, [board], previous);
            runs.Add(rebuilder.Completion!);
        }

        // An earlier run either finished before the next save came or was cancelled; never did one fail.
        foreach (var run in runs[..^1])
        {
            Assert.True(SpinWait.SpinUntil(() => run.IsCompleted, TimeSpan.FromMinutes(1)));
            Assert.True(run.IsCompletedSuccessfully || run.IsCanceled, run.Exception?.ToString());
        }

        AssertSameAsFullBuild(options, previous, "after four saves");
        Assert.Contains("Satz 3.", Text(previous, "projekte/digitalboard-owl/index.html"));
    }

    private void AssertSameAsFullBuild(BuildOptions options, BuildResult incremental, string what = "")
    {
        // Exports follow in the background; what the preview serves once they are done must equal a full build.
        incremental = rebuilder.Completion?.GetAwaiter().GetResult() ?? incremental;
        AssertSameFiles(new SiteBuilder().Build(options, write: false), incremental, what);
    }

    private static void AssertSameFiles(BuildResult full, BuildResult incremental, string what)
    {
        Assert.True(incremental.Succeeded, string.Join('\n', incremental.Diagnostics));
        Assert.Equal(full.Diagnostics, incremental.Diagnostics);
        Assert.Equal(full.Files.Select(f => f.RelativePath), incremental.Files.Select(f => f.RelativePath));
        Assert.All(full.Files.Zip(incremental.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), $"{what}: {pair.First.RelativePath}"));
    }

    private static string Text(BuildResult result, string path) =>
        System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.RelativePath == path).Content);
}
