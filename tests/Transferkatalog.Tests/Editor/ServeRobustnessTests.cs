using System.Net;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>`serve` against hostile callers and a content folder that disappears: DNS rebinding, script injection, recovery.</summary>
public sealed class ServeRobustnessTests : IAsyncLifetime
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

    private async Task<HttpResponseMessage> Get(Uri url, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await http.SendAsync(request);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("evil.example")]
    [InlineData("evil.example:8080")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    public async Task OnlyLoopbackHostNamesAreAnswered(string host)
    {
        // A page on evil.example whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host header.
        using var response = await Get(server.SiteAddress!, host);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 120_000)]
    public async Task LoopbackNamesAreAnswered()
    {
        using var byAddress = await Get(server.SiteAddress!);
        Assert.Equal(HttpStatusCode.OK, byAddress.StatusCode);
        using var byName = await Get(server.SiteAddress!, $"localhost:{server.ServerAddress!.Port}");
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
    }

    [Fact]
    public void LiveReloadScriptCannotBeBrokenOutOfByTheBasePath()
    {
        var script = LiveReload.Script("/a\"</script><script>alert(1)//\\");
        Assert.DoesNotContain("</script>", script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"</", script, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", script, StringComparison.Ordinal);
        Assert.Contains("alert(1)//\\\\", script, StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task ContentFolderRemovedAndRecreatedIsFollowedAgain()
    {
        // The watcher of the removed folder never fires again; the preview stayed "Build fehlgeschlagen" for good.
        var page = new Uri(server.SiteAddress!, "projekte/digitalboard-owl/");
        var saved = Path.Combine(catalog.Root, "gesichert");
        Directory.Move(catalog.Content, saved);
        await WaitFor(page, HttpStatusCode.InternalServerError);

        TestCatalog.CopyFolder(saved, catalog.Content);
        await WaitFor(page, HttpStatusCode.OK);

        // And edits inside the new folder are followed too.
        var profile = catalog.Profile("digitalboard-owl");
        await File.WriteAllTextAsync(profile, (await File.ReadAllTextAsync(profile)).Replace("titel: Digitalboard OWL", "titel: Digitalboard Neu", StringComparison.Ordinal));
        var body = await WaitFor(page, HttpStatusCode.OK, "Digitalboard Neu");
        Assert.Contains("Digitalboard Neu", body);
    }

    private async Task<string> WaitFor(Uri url, HttpStatusCode status, string? text = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = string.Empty;
        HttpStatusCode lastStatus = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(url);
            (lastStatus, last) = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (lastStatus == status && (text is null || last.Contains(text, StringComparison.Ordinal)))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no {status} from {url} within {Patience.TotalSeconds} s; last {lastStatus}; server log:\n{log}\n{errors}");
        return last;
    }
}
