using System.Net;
using AngleSharp.Html.Parser;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>`serve` end to end: the real Kestrel server on a free loopback port, a temp copy of the content, and an HTTP client.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TestCatalog catalog = TestCatalog.FromRepository();
    private readonly StringWriter log = new();
    private readonly StringWriter errors = new();
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(15) };
    private PreviewServer server = null!;

    public async Task InitializeAsync()
    {
        server = new PreviewServer(new BuildOptions(catalog.Content, Repo.Theme), port: 0, log, errors) { Debounce = TimeSpan.FromMilliseconds(100) };
        using var startup = new CancellationTokenSource(Patience);
        await server.StartAsync(startup.Token);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        http.Dispose();
        catalog.Dispose();
    }

    [Fact(Timeout = 240_000)]
    public async Task Serves_under_base_path_follows_edits_shows_errors_and_recovers()
    {
        // site.yml's basis_url is https://example.github.io/transferkatalog/, so the preview lives under /transferkatalog/.
        Assert.Equal(IPAddress.Loopback.ToString(), server.ServerAddress!.Host);
        Assert.Equal("/transferkatalog/", server.SiteAddress!.AbsolutePath);
        var root = await http.GetAsync(server.ServerAddress);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/transferkatalog/", root.Headers.Location!.OriginalString);

        var page = new Uri(server.SiteAddress, "projekte/digitalboard-owl/");
        var html = await http.GetStringAsync(page);
        Assert.Equal("Digitalboard OWL", Heading(html));
        Assert.Contains("__transferkatalog/livereload.js", html);

        var profile = catalog.Profile("digitalboard-owl");
        var original = await File.ReadAllTextAsync(profile);

        // Edit: the served page follows.
        await File.WriteAllTextAsync(profile, original.Replace("titel: Digitalboard OWL", "titel: Digitalboard Ostwestfalen-Lippe", StringComparison.Ordinal));
        var edited = await WaitFor(page, r => r.StatusCode == HttpStatusCode.OK && Heading(r.Body) == "Digitalboard Ostwestfalen-Lippe");
        Assert.Contains("Digitalboard Ostwestfalen-Lippe", edited.Body);

        // Break: every page shows the diagnostics, HTML-encoded; the server keeps running.
        await File.WriteAllTextAsync(profile, original.Replace("status: laufend", "status: <b>laeuft</b>", StringComparison.Ordinal));
        var broken = await WaitFor(page, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Contains("Build fehlgeschlagen", broken.Body);
        Assert.Contains("TK0106", broken.Body);
        Assert.Contains("digitalboard-owl.md", broken.Body);
        Assert.DoesNotContain("<b>laeuft</b>", broken.Body);
        Assert.Contains("&lt;b&gt;laeuft&lt;/b&gt;", broken.Body);
        Assert.Contains("__transferkatalog/livereload.js", broken.Body);
        Assert.Contains("TK0106", errors.ToString());

        // Fix: the site comes back.
        await File.WriteAllTextAsync(profile, original);
        var fixedPage = await WaitFor(page, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal("Digitalboard OWL", Heading(fixedPage.Body));
        Assert.Contains("Neu gebaut", log.ToString());
    }

    [Fact(Timeout = 240_000)]
    public async Task Exports_follow_an_edit_and_a_warning_is_printed_once()
    {
        var profile = catalog.Profile("digitalboard-owl");
        var original = await File.ReadAllTextAsync(profile);
        var page = new Uri(server.SiteAddress!, "projekte/digitalboard-owl/");
        var data = new Uri(server.SiteAddress!, "daten/katalog.json");

        // A stale profile: the warning appears in the terminal.
        var stale = original.Replace("aktualisiert: 2026-11-21", "aktualisiert: 2019-01-01", StringComparison.Ordinal);
        await File.WriteAllTextAsync(profile, stale);
        await WaitFor(page, r => r.Body.Contains("2019-01-01", StringComparison.Ordinal));
        Assert.Equal(1, Occurrences(errors.ToString(), "TK0501"));

        // Another edit of the same file: the page and, once they are done, the exports follow; the warning is not repeated.
        await File.WriteAllTextAsync(profile, stale.Replace("titel: Digitalboard OWL", "titel: Digitalboard Westfalen", StringComparison.Ordinal));
        await WaitFor(page, r => Heading(r.Body) == "Digitalboard Westfalen");
        var json = await http.GetStringAsync(data);
        Assert.Contains("Digitalboard Westfalen", json);
        Assert.DoesNotContain("\"titel\":\"Digitalboard OWL\"", json);
        Assert.Equal(1, Occurrences(errors.ToString(), "TK0501"));
        Assert.Contains("schon gemeldet", log.ToString());
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact(Timeout = 120_000)]
    public async Task Live_reload_stream_announces_each_new_version()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var events = new Uri(server.SiteAddress!, "__transferkatalog/livereload");
        using var response = await http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextVersion(reader, timeout.Token);
        Assert.Equal(server.Version, first);

        var rebuild = server.RebuildAsync([]);
        var second = await NextVersion(reader, timeout.Token);
        await rebuild;
        Assert.Equal(first + 1, second);

        var script = await http.GetStringAsync(new Uri(server.SiteAddress!, "__transferkatalog/livereload.js"), timeout.Token);
        Assert.Contains("EventSource(\"/transferkatalog/__transferkatalog/livereload\")", script);
    }

    [Fact(Timeout = 120_000)]
    public async Task Unknown_paths_get_the_sites_404_page_and_directories_redirect_to_their_slash()
    {
        var missing = await http.GetAsync(new Uri(server.SiteAddress!, "gibt-es-nicht/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Seite nicht gefunden", await missing.Content.ReadAsStringAsync());

        // ASP.NET Core's default-files middleware redirects like GitHub Pages: 301 to the absolute address with the slash.
        var noSlash = await http.GetAsync(new Uri(server.SiteAddress!, "projekte/digitalboard-owl"));
        Assert.Equal(HttpStatusCode.MovedPermanently, noSlash.StatusCode);
        Assert.Equal(new Uri(server.SiteAddress!, "projekte/digitalboard-owl/"), noSlash.Headers.Location);
        Assert.Contains("no-cache", noSlash.Headers.CacheControl!.ToString());

        var css = await http.GetAsync(new Uri(server.SiteAddress!, "assets/style.css"));
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("livereload", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Build_output_never_contains_the_live_reload_script()
    {
        var result = new SiteBuilder().Build(new BuildOptions(catalog.Content, Repo.Theme, catalog.Output));

        Assert.True(result.Succeeded);
        foreach (var file in Directory.EnumerateFiles(catalog.Output, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(PreviewServer.InternalPrefix, await File.ReadAllTextAsync(file));
        }
    }

    private static async Task<int> NextVersion(StreamReader reader, CancellationToken token)
    {
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return int.Parse(line["data: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new EndOfStreamException("event stream ended");
    }

    private static string? Heading(string html) => new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();

    /// <summary>Polls until the response satisfies the condition; fails after <see cref="Patience"/> with the last response.</summary>
    private async Task<(HttpStatusCode StatusCode, string Body)> WaitFor(Uri url, Func<(HttpStatusCode StatusCode, string Body), bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        (HttpStatusCode, string) last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(url);
            last = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no matching response from {url} within {Patience.TotalSeconds} s; last status {last.Item1}; server log:\n{log}\n{errors}");
        return last;
    }
}
