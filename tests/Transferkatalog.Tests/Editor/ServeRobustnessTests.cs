using System.Net;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>`serve` against hostile callers and a content folder that disappears: DNS rebinding, script injection, recovery.</summary>
public sealed class ServeRobustnessTests : IAsyncLifetime
{
    private PreviewUnderTest preview = null!;

    public async Task InitializeAsync() => preview = await PreviewUnderTest.StartAsync(TimeSpan.FromMilliseconds(100));

    public async Task DisposeAsync() => await preview.DisposeAsync();

    private async Task<HttpResponseMessage> Get(Uri url, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await preview.Http.SendAsync(request);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("evil.example")]
    [InlineData("evil.example:8080")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    public async Task Only_loopback_host_names_are_answered(string host)
    {
        // A page on evil.example whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host header.
        using var response = await Get(preview.Server.SiteAddress!, host);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 120_000)]
    public async Task Loopback_names_are_answered()
    {
        using var byAddress = await Get(preview.Server.SiteAddress!);
        Assert.Equal(HttpStatusCode.OK, byAddress.StatusCode);
        using var byName = await Get(preview.Server.SiteAddress!, $"localhost:{preview.Server.ServerAddress!.Port}");
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
    }

    [Fact]
    public void Live_reload_script_cannot_be_broken_out_of_by_the_base_path()
    {
        var script = LiveReload.Script("/a\"</script><script>alert(1)//\\");
        Assert.DoesNotContain("</script>", script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"</", script, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", script, StringComparison.Ordinal);
        Assert.Contains("alert(1)//\\\\", script, StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Content_folder_removed_and_recreated_is_followed_again()
    {
        // The watcher of the removed folder never fires again; the preview stayed "Build fehlgeschlagen" for good.
        var page = new Uri(preview.Server.SiteAddress!, "projekte/digitalboard-owl/");
        var saved = Path.Combine(preview.Catalog.Root, "gesichert");
        Directory.Move(preview.Catalog.Content, saved);
        await WaitFor(page, HttpStatusCode.InternalServerError);

        TestCatalog.CopyFolder(saved, preview.Catalog.Content);
        await WaitFor(page, HttpStatusCode.OK);

        // And edits inside the new folder are followed too.
        var profile = preview.Catalog.Profile("digitalboard-owl");
        await File.WriteAllTextAsync(profile, (await File.ReadAllTextAsync(profile)).Replace("titel: Digitalboard OWL", "titel: Digitalboard Neu", StringComparison.Ordinal));
        var body = await WaitFor(page, HttpStatusCode.OK, "Digitalboard Neu");
        Assert.Contains("Digitalboard Neu", body);
    }

    private async Task<string> WaitFor(Uri url, HttpStatusCode status, string? text = null) =>
        (await preview.WaitFor(url, r => r.StatusCode == status && (text is null || r.Body.Contains(text, StringComparison.Ordinal)))).Body;
}
