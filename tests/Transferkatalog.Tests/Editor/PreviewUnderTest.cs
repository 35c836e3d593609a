using System.Net;
using Transferkatalog.Pipeline;
using Transferkatalog.Serving;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>`serve` for a test: the real Kestrel server on a free loopback port over a copy of the sample content, with its log and an HTTP client.</summary>
public sealed class PreviewUnderTest : IAsyncDisposable
{
    /// <summary>How long a test waits for the server to start or a rebuild to show.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private PreviewUnderTest(TimeSpan httpTimeout) =>
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = httpTimeout };

    public TestCatalog Catalog { get; } = TestCatalog.FromRepository();

    public StringWriter Log { get; } = new();

    public StringWriter Errors { get; } = new();

    public HttpClient Http { get; }

    public PreviewServer Server { get; private set; } = null!;

    /// <summary>Starts the preview; <paramref name="debounce"/> is how long the watcher waits after a change before it rebuilds.</summary>
    public static async Task<PreviewUnderTest> StartAsync(TimeSpan debounce, IRebuilder? rebuilder = null, TimeSpan? httpTimeout = null)
    {
        var preview = new PreviewUnderTest(httpTimeout ?? TimeSpan.FromSeconds(15));
        var options = new BuildOptions(preview.Catalog.Content, Repo.Theme);
        preview.Server = new PreviewServer(options, port: 0, preview.Log, preview.Errors, rebuilder) { Debounce = debounce };
        using var startup = new CancellationTokenSource(Patience);
        await preview.Server.StartAsync(startup.Token);
        return preview;
    }

    /// <summary>Polls until the response satisfies the condition; fails after <see cref="Patience"/> with the last response and the server log.</summary>
    public async Task<(HttpStatusCode StatusCode, string Body)> WaitFor(Uri url, Func<(HttpStatusCode StatusCode, string Body), bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        (HttpStatusCode, string) last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync(url);
            last = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no matching response from {url} within {Patience.TotalSeconds} s; last status {last.Item1}; server log:\n{Log}\n{Errors}");
        return last;
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Http.Dispose();
        Catalog.Dispose();
    }
}
