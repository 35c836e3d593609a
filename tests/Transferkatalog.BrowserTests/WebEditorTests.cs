using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.BrowserTests;

/// <summary>The sample site with the web editor switched on (a `redaktion` entry in site.yml), served like the others.</summary>
public sealed class WebEditorSiteUnderTest : SiteUnderTest
{
    protected override TestCatalog CreateCatalog() => base.CreateCatalog()
        .WithEntry("site.yml", "redaktion:\n  repository: kreis-beispiel/transferkatalog\n  branch: main");
}

/// <summary>The web editor under /admin/ (Sveltia CMS), switched on in a copy of the sample content and opened in Chromium.</summary>
public sealed class WebEditorTests(WebEditorSiteUnderTest site) : IClassFixture<WebEditorSiteUnderTest>
{
    private string Origin => site.Origin;

    [Fact]
    public async Task Editor_page_loads_the_cms_from_the_site_itself_and_nothing_from_third_parties()
    {
        await using var tp = await OpenAsync(testRepository: true);
        var (page, requests) = (tp.Page, tp.Requests);

        var response = await page.GotoAsync(site.Url("admin/"), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        Assert.True(response is { Ok: true });
        var start = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new Regex("Test") });
        await start.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("redaktion-anmeldung.png") });
        await start.ClickAsync();
        await page.GetByText("Steckbriefe").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("redaktion-liste.png") });

        var foreign = requests.Where(u => !u.StartsWith(Origin + "/", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "Anfragen an fremde Server: " + string.Join(", ", foreign));
        Assert.Contains(requests, u => u.EndsWith("/admin/sveltia-cms.js", StringComparison.Ordinal));
        Assert.Contains(requests, u => u.Contains("/admin/config.yml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_profile_filled_in_the_editor_passes_check()
    {
        await using var tp = await OpenAsync(testRepository: true);
        var page = tp.Page;
        try
        {
            await page.GotoAsync(site.Url("admin/"), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new Regex("Test") }).ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Neuen Eintrag anlegen" }).First.ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
            var form = page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { NameRegex = new Regex("Inhalt bearbeiten") });
            var preview = page.GetByRole(AriaRole.Document, new PageGetByRoleOptions { Name = "Inhaltsvorschau" });

            // A value typed while the editor still sets up its draft can be reset (seen about one run in five):
            // type the title again until the preview shows it, which means the draft holds it.
            for (var attempt = 1; ; attempt++)
            {
                await Textbox(form, "Titel").FillAsync("Gemeinsame Poststelle Brakel");
                try
                {
                    await preview.GetByText("Gemeinsame Poststelle Brakel", new LocatorGetByTextOptions { Exact = true }).WaitForAsync(new LocatorWaitForOptions { Timeout = 3_000 });
                    break;
                }
                catch (TimeoutException) when (attempt < 5)
                {
                    Console.WriteLine($"Titel nach Versuch {attempt} nicht im Entwurf, neu eingegeben");
                }
            }

            await Textbox(form, "Kurzbeschreibung").FillAsync("Kreis und Stadt öffnen, scannen und verteilen ihre Eingangspost gemeinsam in einer Poststelle.");
            await ChooseAsync(page, form, "Handlungsfelder", "Verwaltung und E-Government");
            await ChooseAsync(page, form, "Kommunen", "Kreis Höxter");
            await ChooseAsync(page, form, "Kommunen", "Brakel (Kreis Höxter)");
            await ChooseAsync(page, form, "Federführung", "Kreis Höxter");
            await form.GetByRole(AriaRole.Radio, new LocatorGetByRoleOptions { Name = "Laufend", Exact = true }).CheckAsync();
            await (await RevealAsync(form, Textbox(form, "Organisation"))).FillAsync("Kreis Höxter, Poststelle");
            await Textbox(form, "E-Mail").FillAsync("post@kreis-hoexter.de");
            await Textbox(form, "Telefon").FillAsync("+49 5271 965-0");

            // aktualisiert keeps its default (today); the body is typed as Markdown over the default headings.
            var aktualisiert = await RevealAsync(form, Textbox(form, "Aktualisiert"));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", await aktualisiert.InputValueAsync());
            var text = await RevealAsync(form, form.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { NameRegex = new Regex("Feld „.?Text.?“") }));
            await text.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "In Markdown bearbeiten" }).ClickAsync();
            await Textbox(text, "Text").FillAsync("## Ziel\n\nDie Post erreicht die Sachbearbeitung am selben Tag.\n\n## Umsetzung\n\nEine gemeinsame Poststelle im Kreishaus.\n\n## Erfahrungen\n\nWeniger Wege, weniger Papier.\n");

            await Assertions.Expect(Textbox(form, "Titel")).ToHaveValueAsync("Gemeinsame Poststelle Brakel");
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Speichern", Exact = true }).ClickAsync();
            var files = await page.EvaluateAsync<Dictionary<string, string>?>(ReadTestRepositoryProfiles);
            Assert.True(files is not null, "Der Editor hat nichts gespeichert (ein Feld ungültig?), siehe " + Screenshot("redaktion-neuer-steckbrief-fehler.png"));
            var (name, markdown) = Assert.Single(files);
            Assert.Equal("gemeinsame-poststelle-brakel.md", name);
            foreach (var line in new[] { "titel: Gemeinsame Poststelle Brakel", "  - verwaltung", "  - kreis-hoexter", "  - brakel", "federfuehrung: kreis-hoexter", "status: laufend", "  email: post@kreis-hoexter.de", "## Erfahrungen" })
            {
                Assert.Contains("\n" + line + "\n", markdown.ReplaceLineEndings("\n"));
            }


            // The real validator on the sample catalogue plus the new file: it must load it and find nothing wrong.
            using var check = TestCatalog.CopyOf(site.ContentDir);
            var before = check.Check();
            var result = check.Write(Path.Combine("projekte", name), markdown).Check();
            Assert.True(result.ErrorCount == 0, "check lehnt den Steckbrief aus dem Editor ab:\n" + string.Join('\n', result.Diagnostics) + "\n---\n" + markdown);
            Assert.Equal(before.ProfileCount + 1, result.ProfileCount);
            var own = result.Diagnostics.Where(d => d.ToString().Contains(name, StringComparison.Ordinal)).ToList();
            Assert.True(own.Count == 0, "Meldungen zum Steckbrief aus dem Editor:\n" + string.Join('\n', own) + "\n---\n" + markdown);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("redaktion-neuer-steckbrief-fehler.png"), FullPage = true });
            throw;
        }
    }

    /// <summary>Sveltia's test-repo backend writes saved entries to the origin's private file system (folder sveltia-cms-test); waits up to about 30 s for them, ignoring its hidden temporary files.</summary>
    private const string ReadTestRepositoryProfiles = @"async () => {
        for (let i = 0; i < 120; i++) {
            try {
                const root = await navigator.storage.getDirectory();
                const repo = await root.getDirectoryHandle('sveltia-cms-test');
                const dir = await (await repo.getDirectoryHandle('content')).getDirectoryHandle('projekte');
                const out = {};
                // Sveltia writes a file as .sveltia-tmp-<uuid> and then renames it: a read between the two sees the temporary names.
                for await (const [name, h] of dir.entries()) if (h.kind === 'file' && !name.startsWith('.')) out[name] = await (await h.getFile()).text();
                if (Object.keys(out).length) return out;
            } catch { }
            await new Promise(r => setTimeout(r, 250));
        }
        return null;
    }";

    private static ILocator Textbox(ILocator scope, string label) => scope.GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = label, Exact = true });

    /// <summary>Picks an option of a select field and waits until the field shows it (a multiple select lists it under "Ausgewählte Optionen").</summary>
    private static async Task ChooseAsync(IPage page, ILocator form, string field, string option)
    {
        var group = form.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { Name = $"Feld „\u2068{field}\u2069“", Exact = true });
        await group.GetByRole(AriaRole.Combobox).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = option, Exact = true }).ClickAsync();
        await group.GetByRole(AriaRole.Combobox, new LocatorGetByRoleOptions { Expanded = false }).WaitForAsync();
        await group.GetByText(option, new LocatorGetByTextOptions { Exact = true }).First.WaitForAsync();
    }

    /// <summary>Sveltia renders the fields of a long form as they scroll into view: scrolls down until the target exists.</summary>
    private static async Task<ILocator> RevealAsync(ILocator form, ILocator target)
    {
        for (var i = 0; i < 40; i++)
        {
            try
            {
                await target.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 1500 });
                await target.ScrollIntoViewIfNeededAsync();
                return target;
            }
            catch (TimeoutException)
            {
                await form.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { NameRegex = new Regex("^Feld ") }).Last.ScrollIntoViewIfNeededAsync();
            }
        }

        throw new TimeoutException("Feld erscheint nicht beim Scrollen: " + target);
    }

    /// <summary>A page with the generated config.yml, whose backend (GitHub) is swapped for the CMS's in-memory test repository.</summary>
    private async Task<TestPage> OpenAsync(bool testRepository)
    {
        var tp = await site.OpenAsync();
        var context = tp.Context;
        context.SetDefaultTimeout(20_000);

        // Nothing may leave the machine, whatever the CMS tries: a request to another host fails here (and is still logged).
        await context.RouteAsync(url => !url.StartsWith(Origin + "/", StringComparison.Ordinal), route => route.AbortAsync());
        if (testRepository)
        {
            await context.RouteAsync(url => url.StartsWith(site.Url("admin/config.yml"), StringComparison.Ordinal), async route =>
            {
                var yaml = await File.ReadAllTextAsync(Path.Combine(site.SiteDir, "admin", "config.yml"));
                var start = yaml.IndexOf("backend:\n", StringComparison.Ordinal);
                var end = yaml.IndexOf("\nsite_url:", StringComparison.Ordinal);
                Assert.True(start >= 0 && end > start, "config.yml hat keinen backend-Block");
                var swapped = yaml[..start] + "backend:\n  name: test-repo" + yaml[end..];
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/yaml", Body = swapped });
            });
        }

        tp.Page.Console += (_, m) => Console.WriteLine($"console {m.Type}: {m.Text}");
        tp.Page.PageError += (_, e) => Console.WriteLine($"pageerror: {e}");
        return tp;
    }

    private string Screenshot(string name)
    {
        Directory.CreateDirectory(site.ScreenshotDir);
        return Path.Combine(site.ScreenshotDir, name);
    }
}
