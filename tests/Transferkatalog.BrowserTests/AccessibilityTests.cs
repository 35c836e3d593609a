using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Transferkatalog.BrowserTests;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules, the network log and the Nu Html Checker over every generated page.</summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteUnderTest site, ITestOutputHelper output)
{
    internal const string RunAxe = """
        async () => {
          const r = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations']
          });
          return {
            passes: r.passes.length,
            incomplete: r.incomplete.length,
            violations: r.violations.map(v => v.id + ' [' + v.impact + '] ' + v.help + ': ' +
              v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join(' | '))
          };
        }
        """;

    [Fact]
    public async Task Axe_finds_no_wcag_a_or_aa_violation_on_any_page()
    {
        var failures = new List<string>();
        int pages = 0, rules = 0;
        var states = PageTypes.All(site).Select(p => (Path: p, OpenFilters: false)).Append(("", true)).ToList();

        // Two pages at a time: axe is CPU-bound and this machine has two cores.
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async worker =>
        {
            var found = new List<(string Failure, int Passes)>();
            await using var tp = await site.OpenAsync();
            for (var i = worker; i < states.Count; i += 2)
            {
                var (path, openFilters) = states[i];
                await tp.GotoAsync(path);
                if (openFilters)
                {
                    // Collapsed groups hide most options from axe; open them so every label and its contrast is checked.
                    await tp.Page.EvalOnSelectorAllAsync("#filter details", "ds => ds.forEach(d => d.open = true)");
                    var catalog = new CatalogPage(tp.Page);
                    await catalog.OptionsReadyAsync();

                    // One group narrowed to nothing, so the hint under its search box is checked as well.
                    await catalog.Narrowing("kreis").FillAsync("zzzz");
                    await Assertions.Expect(tp.Page.Locator("#filter-kreis-hinweis")).ToContainTextAsync("zzzz");
                }

                var result = await AxeAsync(tp.Page);
                found.Add((string.Join("\n", result.Violations.Select(v => $"{Describe(path, openFilters)}: {v}")), result.Passes));
            }

            return found;
        }));
        foreach (var (failure, passes) in results.SelectMany(r => r))
        {
            pages++;
            rules += passes;
            if (failure.Length > 0)
            {
                failures.Add(failure);
            }
        }

        // The catalogue when its script fails to load (JavaScript on, katalog.js blocked): every card shown, the
        // filters inert. axe needs script, so this is the state it can check; with JavaScript off the style sheet
        // hides the filters (PageTests checks that in a browser without JavaScript).
        await using (var noScript = await site.OpenAsync())
        {
            await noScript.Page.RouteAsync("**/katalog.js", route => route.AbortAsync());
            await noScript.GotoAsync("");
            var result = await AxeAsync(noScript.Page);
            pages++;
            rules += result.Passes;
            failures.AddRange(result.Violations.Select(v => $"Katalog ohne Skript: {v}"));
        }

        output.WriteLine($"axe-core {AxeVersion()}: {pages} page states, {rules} rule passes in total, {failures.Count} violations");
        Assert.True(failures.Count == 0, "axe violations:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_requests_only_its_own_origin()
    {
        var paths = PageTypes.All(site);

        // With script, wait for the network to go quiet so requests made after load (e.g. by a script) count too;
        // that wait is idle time, so four pages share it.
        const int workers = 4;
        var logs = await Task.WhenAll(Enumerable.Range(0, workers * 2).Select(async slot =>
        {
            var javaScript = slot < workers;
            var worker = slot % workers;
            var log = new List<(string Path, string Url)>();
            await using var tp = await site.OpenAsync(javaScript: javaScript);
            for (var i = worker; i < paths.Count; i += workers)
            {
                tp.Requests.Clear();
                await tp.GotoAsync(paths[i]);
                if (javaScript)
                {
                    await tp.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                }

                Assert.NotEmpty(tp.Requests);
                log.AddRange(tp.Requests.ToList().Select(u => (paths[i], u)));
            }

            return log;
        }));
        var all = logs.SelectMany(l => l).ToList();
        var foreign = all.Where(r => !r.Url.StartsWith(site.Origin + "/", StringComparison.Ordinal)).Select(r => $"{r.Path}: {r.Url}").ToList();
        output.WriteLine($"{all.Count} requests from {paths.Count} pages (with and without script), {foreign.Count} to another origin");
        Assert.True(foreign.Count == 0, "requests to other origins:\n" + string.Join("\n", foreign));
    }

    [Fact]
    public async Task Every_generated_page_passes_the_Nu_Html_Checker()
    {
        var jar = Path.Combine(site.ToolsDirectory, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"vnu.jar fehlt ({jar}): 'npm ci' in {site.ToolsDirectory} ausführen (das erledigt bash tests/run-all.sh).");
        var files = Directory.EnumerateFiles(site.SiteDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(site.HtmlPages.Count, files.Count);

        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])["-jar", jar, "--errors-only", "--format", "json", .. files])
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("Java fehlt: 'apt-get install -y default-jre-headless' (das erledigt bash tests/run-all.sh).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the Nu Html Checker took longer than 3 minutes");
            }

            // vnu writes its JSON report to stderr.
            var report = await stderr;
            _ = await stdout;
            using var json = JsonDocument.Parse(report);
            var messages = json.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => $"{Rel(m, "url")}:{Prop(m, "lastLine")}:{Prop(m, "firstColumn")} [{Prop(m, "type")}] {Prop(m, "message")}")
                .ToList();
            output.WriteLine($"Nu Html Checker: {files.Count} files, {messages.Count} errors (exit code {process.ExitCode})");
            Assert.True(messages.Count == 0, "Nu Html Checker errors:\n" + string.Join("\n", messages));
            Assert.Equal(0, process.ExitCode);
        }

        string Rel(JsonElement m, string name) =>
            m.TryGetProperty(name, out var v) && v.GetString() is { } url
                ? Path.GetRelativePath(site.SiteDir, "/" + url.Replace("file:", "", StringComparison.Ordinal).TrimStart('/'))
                : "?";
    }

    private async Task<AxeResult> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = site.AxeSource });
        var json = await page.EvaluateAsync<JsonElement>(RunAxe);
        return json.Deserialize<AxeResult>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private string AxeVersion() => System.Text.RegularExpressions.Regex.Match(site.AxeSource, @"axe v([0-9.]+)").Groups[1].Value;

    private static string Describe(string path, bool openFilters) =>
        (path.Length == 0 ? "Katalog" : path.StartsWith('?') ? "Katalog" + path : path) + (openFilters ? " (alle Filtergruppen offen)" : "");

    private static string Prop(JsonElement m, string name) => m.TryGetProperty(name, out var v) ? v.ToString() : "";

    private sealed record AxeResult(int Passes, int Incomplete, string[] Violations);
}
