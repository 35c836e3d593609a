using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>How `serve` delivers files through ASP.NET Core's static-file middleware: HEAD, types, redirects, 404, revalidation, exports.</summary>
public sealed class ServeFilesTests : IAsyncLifetime
{
    private readonly HeldExports rebuilder = new();
    private PreviewUnderTest preview = null!;

    public async Task InitializeAsync()
    {
        // Rebuilds happen only when a test calls RebuildAsync: the watcher's debounce outlasts every test.
        preview = await PreviewUnderTest.StartAsync(TimeSpan.FromHours(1), rebuilder, httpTimeout: TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        rebuilder.Release();
        await preview.DisposeAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Get_and_head_send_each_type_with_its_charset_length_and_no_cache()
    {
        var site = preview.Server.SiteAddress!;
        var expected = new Dictionary<string, string>
        {
            [""] = "text/html; charset=utf-8",
            ["assets/style.css"] = "text/css; charset=utf-8",
            ["assets/katalog.js"] = "text/javascript; charset=utf-8",
            ["daten/katalog.json"] = "application/json; charset=utf-8",
            ["daten/katalog.csv"] = "text/csv; charset=utf-8",
            ["feed.xml"] = "text/xml; charset=utf-8",
            ["robots.txt"] = "text/plain; charset=utf-8",
        };
        foreach (var (path, type) in expected)
        {
            using var get = await preview.Http.GetAsync(new Uri(site, path));
            var body = await get.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(type, get.Content.Headers.ContentType!.ToString());
            Assert.Equal(body.Length, get.Content.Headers.ContentLength);
            Assert.Contains("no-cache", get.Headers.CacheControl!.ToString());

            // HEAD: the same headers, no body.
            using var head = await preview.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(site, path)));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(type, head.Content.Headers.ContentType!.ToString());
            Assert.Equal(body.Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Live_reload_tag_goes_into_pages_only_and_dotfiles_are_served()
    {
        var site = preview.Server.SiteAddress!;

        // The live-reload tag goes into pages only; build's .nojekyll and other dotfiles are served as they are.
        Assert.Contains("__transferkatalog/livereload.js", await preview.Http.GetStringAsync(site));
        Assert.DoesNotContain("livereload", await preview.Http.GetStringAsync(new Uri(site, "daten/katalog.json")));
        using var nojekyll = await preview.Http.GetAsync(new Uri(site, ".nojekyll"));
        Assert.Equal(HttpStatusCode.OK, nojekyll.StatusCode);
        Assert.Equal("application/octet-stream", nojekyll.Content.Headers.ContentType!.MediaType);
    }

    [Fact(Timeout = 120_000)]
    public async Task Base_path_and_folders_without_their_slash_redirect_to_it()
    {
        var site = preview.Server.SiteAddress!;

        // The base path without its slash and folders without theirs redirect; the server root goes to the base path.
        using var bare = await preview.Http.GetAsync(new Uri(preview.Server.ServerAddress!, "transferkatalog"));
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal(site, bare.Headers.Location);
        using var folder = await preview.Http.GetAsync(new Uri(site, "handlungsfelder"));
        Assert.Equal(HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.Equal(new Uri(site, "handlungsfelder/"), folder.Headers.Location);
    }

    [Fact(Timeout = 120_000)]
    public async Task Unknown_paths_get_the_sites_404_page_without_validators_also_for_head()
    {
        var site = preview.Server.SiteAddress!;

        // Unknown paths, inside and outside the base path, get the site's 404 page with status 404, also for HEAD,
        // and no validator, so a browser never turns it into a 304.
        foreach (var missing in new[] { new Uri(site, "projekte/gibt-es-nicht/"), new Uri(site, "gibt-es-nicht.json"), new Uri(preview.Server.ServerAddress!, "favicon.ico") })
        {
            using var get = await preview.Http.GetAsync(missing);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            var html = await get.Content.ReadAsStringAsync();
            Assert.Equal("text/html", get.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Seite nicht gefunden", html);
            Assert.Contains("__transferkatalog/livereload.js", html);
            Assert.Null(get.Headers.ETag);
            using var head = await preview.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, missing));
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Only_get_and_head_from_loopback_hosts_are_answered()
    {
        var site = preview.Server.SiteAddress!;

        // Only GET and HEAD.
        using var post = await preview.Http.PostAsync(site, new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var foreign = new HttpRequestMessage(HttpMethod.Head, new Uri(site, "assets/style.css"));
        foreign.Headers.Host = "evil.example";
        using var rebound = await preview.Http.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, rebound.StatusCode);
    }

    [Theory]
    [InlineData("x.json", "application/json; charset=utf-8")]
    [InlineData("x.xml", "text/xml; charset=utf-8")]
    [InlineData("x.csv", "text/csv; charset=utf-8")]
    [InlineData("x.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("x.rdf", "application/rdf+xml; charset=utf-8")]
    [InlineData("x.svg", "image/svg+xml; charset=utf-8")]
    [InlineData("x.woff2", "font/woff2")]
    [InlineData("x.webmanifest", "application/manifest+json; charset=utf-8")]
    [InlineData("x.ttl", "text/turtle; charset=utf-8")]
    [InlineData("x.jsonld", "application/ld+json; charset=utf-8")]
    [InlineData("x.png", "image/png")]
    public void Content_types_name_utf8_for_text(string file, string type)
    {
        Assert.True(PreviewServer.ContentTypes.TryGetContentType(file, out var actual));
        Assert.Equal(type, actual);
    }

    [Fact(Timeout = 180_000)]
    public async Task Revalidation_and_exports_in_progress_never_serve_an_old_version()
    {
        var site = preview.Server.SiteAddress!;
        var page = new Uri(site, "projekte/digitalboard-owl/");
        var data = new Uri(site, "daten/katalog.json");

        // Unchanged content is revalidated with a 304, by ETag and by Last-Modified.
        using var first = await preview.Http.GetAsync(page);
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;
        using (var again = await Conditional(page, etag, null))
        {
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        using (var since = await Conditional(page, null, modified))
        {
            Assert.Equal(HttpStatusCode.NotModified, since.StatusCode);
        }

        using var firstData = await preview.Http.GetAsync(data);
        var dataEtag = firstData.Headers.ETag!;

        // An edit whose exports are held back: the page is new at once, in the same second as before.
        rebuilder.Hold();
        var profile = preview.Catalog.Profile("digitalboard-owl");
        await File.WriteAllTextAsync(profile, (await File.ReadAllTextAsync(profile)).Replace("titel: Digitalboard OWL", "titel: Digitalboard Lippe", StringComparison.Ordinal));
        var result = await preview.Server.RebuildAsync([profile]);
        Assert.True(result.Succeeded);
        using (var fresh = await Conditional(page, etag, modified))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.Equal("Digitalboard Lippe", Heading(await fresh.Content.ReadAsStringAsync()));
            Assert.NotEqual(etag, fresh.Headers.ETag);
        }

        // The export waits for the background work instead of answering with the old file (or a 304 for it).
        var pending = Conditional(data, dataEtag, null);
        await Task.Delay(500);
        Assert.False(pending.IsCompleted, "the export was served before the background work finished");
        rebuilder.Release();
        using var exported = await pending;
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var json = await exported.Content.ReadAsStringAsync();
        Assert.Contains("Digitalboard Lippe", json);
        Assert.DoesNotContain("\"titel\":\"Digitalboard OWL\"", json);
    }

    private async Task<HttpResponseMessage> Conditional(Uri url, EntityTagHeaderValue? etag, DateTimeOffset? since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = since;
        return await preview.Http.SendAsync(request);
    }

    private static string? Heading(string html) => new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();

    /// <summary>The real incremental rebuilder, whose background exports a test can hold back to see what is served meanwhile.</summary>
    private sealed class HeldExports : IRebuilder
    {
        private readonly IncrementalRebuilder inner = new();
        private volatile TaskCompletionSource gate = Released();

        public string? LastSummary => inner.LastSummary;

        public Task<BuildResult>? Completion => inner.Completion is { } work ? After(gate.Task, work) : null;

        public BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, BuildResult? previous) =>
            inner.Rebuild(options, changedFiles, previous);

        public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate.TrySetResult();

        private static async Task<BuildResult> After(Task gate, Task<BuildResult> work)
        {
            await gate;
            return await work;
        }

        private static TaskCompletionSource Released()
        {
            var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            released.SetResult();
            return released;
        }
    }
}
