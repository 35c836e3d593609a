using System.Net;
using AngleSharp.Html.Parser;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>`serve` end to end: the real Kestrel server on a free loopback port, a temp copy of the content, and an HTTP client.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private PreviewUnderTest preview = null!;

    public async Task InitializeAsync() => preview = await PreviewUnderTest.StartAsync(TimeSpan.FromMilliseconds(100));

    public async Task DisposeAsync() => await preview.DisposeAsync();

    [Fact(Timeout = 240_000)]
    public async Task Serves_under_base_path_follows_edits_shows_errors_and_recovers()
    {
        // site.yml's basis_url is https://example.github.io/transferkatalog/, so the preview lives under /transferkatalog/.
        Assert.Equal(IPAddress.Loopback.ToString(), preview.Server.ServerAddress!.Host);
        Assert.Equal("/transferkatalog/", preview.Server.SiteAddress!.AbsolutePath);
        var root = await preview.Http.GetAsync(preview.Server.ServerAddress);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/transferkatalog/", root.Headers.Location!.OriginalString);

        var page = new Uri(preview.Server.SiteAddress, "projekte/digitalboard-owl/");
        var html = await preview.Http.GetStringAsync(page);
        Assert.Equal("Digitalboard OWL", Heading(html));
        Assert.Contains("__transferkatalog/livereload.js", html);

        var profile = preview.Catalog.Profile("digitalboard-owl");
        var original = await File.ReadAllTextAsync(profile);

        // Edit: the served page follows.
        await File.WriteAllTextAsync(profile, original.Replace("titel: Digitalboard OWL", "titel: Digitalboard Ostwestfalen-Lippe", StringComparison.Ordinal));
        var edited = await preview.WaitFor(page, r => r.StatusCode == HttpStatusCode.OK && Heading(r.Body) == "Digitalboard Ostwestfalen-Lippe");
        Assert.Contains("Digitalboard Ostwestfalen-Lippe", edited.Body);

        // Break: every page shows the diagnostics, HTML-encoded; the server keeps running.
        await File.WriteAllTextAsync(profile, original.Replace("status: laufend", "status: <b>laeuft</b>", StringComparison.Ordinal));
        var broken = await preview.WaitFor(page, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Contains("Build fehlgeschlagen", broken.Body);
        Assert.Contains("TK0106", broken.Body);
        Assert.Contains("digitalboard-owl.md", broken.Body);
        Assert.DoesNotContain("<b>laeuft</b>", broken.Body);
        Assert.Contains("&lt;b&gt;laeuft&lt;/b&gt;", broken.Body);
        Assert.Contains("__transferkatalog/livereload.js", broken.Body);
        Assert.Contains("TK0106", preview.Errors.ToString());

        // Fix: the site comes back.
        await File.WriteAllTextAsync(profile, original);
        var fixedPage = await preview.WaitFor(page, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal("Digitalboard OWL", Heading(fixedPage.Body));
        Assert.Contains("Neu gebaut", preview.Log.ToString());
    }

    [Fact(Timeout = 240_000)]
    public async Task Exports_follow_an_edit_and_a_warning_is_printed_once()
    {
        var profile = preview.Catalog.Profile("digitalboard-owl");
        var original = await File.ReadAllTextAsync(profile);
        var page = new Uri(preview.Server.SiteAddress!, "projekte/digitalboard-owl/");
        var data = new Uri(preview.Server.SiteAddress!, "daten/katalog.json");

        // A stale profile: the warning appears in the terminal.
        var stale = original.Replace("aktualisiert: 2026-11-21", "aktualisiert: 2019-01-01", StringComparison.Ordinal);
        await File.WriteAllTextAsync(profile, stale);
        await preview.WaitFor(page, r => r.Body.Contains("2019-01-01", StringComparison.Ordinal));
        Assert.Equal(1, Occurrences(preview.Errors.ToString(), "TK0501"));

        // Another edit of the same file: the page and, once they are done, the exports follow; the warning is not repeated.
        await File.WriteAllTextAsync(profile, stale.Replace("titel: Digitalboard OWL", "titel: Digitalboard Westfalen", StringComparison.Ordinal));
        await preview.WaitFor(page, r => Heading(r.Body) == "Digitalboard Westfalen");
        var json = await preview.Http.GetStringAsync(data);
        Assert.Contains("Digitalboard Westfalen", json);
        Assert.DoesNotContain("\"titel\":\"Digitalboard OWL\"", json);
        Assert.Equal(1, Occurrences(preview.Errors.ToString(), "TK0501"));
        Assert.Contains("schon gemeldet", preview.Log.ToString());
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact(Timeout = 120_000)]
    public async Task Live_reload_stream_announces_each_new_version()
    {
        using var timeout = new CancellationTokenSource(PreviewUnderTest.Patience);
        var events = new Uri(preview.Server.SiteAddress!, "__transferkatalog/livereload");
        using var response = await preview.Http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextVersion(reader, timeout.Token);
        Assert.Equal(preview.Server.Version, first);

        var rebuild = preview.Server.RebuildAsync([]);
        var second = await NextVersion(reader, timeout.Token);
        await rebuild;
        Assert.Equal(first + 1, second);

        var script = await preview.Http.GetStringAsync(new Uri(preview.Server.SiteAddress!, "__transferkatalog/livereload.js"), timeout.Token);
        Assert.Contains("EventSource(\"/transferkatalog/__transferkatalog/livereload\")", script);
    }

    [Fact(Timeout = 120_000)]
    public async Task Unknown_paths_get_the_sites_404_page_and_directories_redirect_to_their_slash()
    {
        var missing = await preview.Http.GetAsync(new Uri(preview.Server.SiteAddress!, "gibt-es-nicht/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Seite nicht gefunden", await missing.Content.ReadAsStringAsync());

        // ASP.NET Core's default-files middleware redirects like GitHub Pages: 301 to the absolute address with the slash.
        var noSlash = await preview.Http.GetAsync(new Uri(preview.Server.SiteAddress!, "projekte/digitalboard-owl"));
        Assert.Equal(HttpStatusCode.MovedPermanently, noSlash.StatusCode);
        Assert.Equal(new Uri(preview.Server.SiteAddress!, "projekte/digitalboard-owl/"), noSlash.Headers.Location);
        Assert.Contains("no-cache", noSlash.Headers.CacheControl!.ToString());

        var css = await preview.Http.GetAsync(new Uri(preview.Server.SiteAddress!, "assets/style.css"));
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("livereload", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Build_output_never_contains_the_live_reload_script()
    {
        var result = new SiteBuilder().Build(new BuildOptions(preview.Catalog.Content, Repo.Theme, preview.Catalog.Output));

        Assert.True(result.Succeeded);
        foreach (var file in Directory.EnumerateFiles(preview.Catalog.Output, "*", SearchOption.AllDirectories))
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
}
