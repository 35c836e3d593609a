using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Pipeline;
using Transferkatalog.Validation;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.BrowserTests;

/// <summary>The real sample site, built into a temp folder, served under a sub-path on loopback, with one headless Chromium.</summary>
public class SiteUnderTest : IAsyncLifetime
{
    /// <summary>The sub-path the site lives under, as on GitHub Pages.</summary>
    public const string SubPath = "/transferkatalog/";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private TestCatalog? workspace;
    private WebApplication? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string ToolsDirectory { get; } = Metadata("BrowserTestsDirectory");

    /// <summary>The content folder the site was built from: a copy, so a variant may change it.</summary>
    public string ContentDir => Workspace.Content;

    public string SiteDir => Workspace.Output;

    /// <summary>Scheme, host and port, e.g. http://127.0.0.1:41234.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Absolute URL of the site's home, ending in '/'.</summary>
    public string BaseUrl => Origin + SubPath;

    /// <summary>The content as the validator reads it: the independent source of truth for expected results.</summary>
    public Catalog Catalog { get; private set; } = null!;

    /// <summary>Site-relative path (under the base, no leading slash) of every generated HTML page, ordinal order.</summary>
    public IReadOnlyList<string> HtmlPages { get; private set; } = [];

    /// <summary>
    /// Kommunen the Kommune filter offers, in register order: towns and municipalities taking part in a profile.
    /// Kreise have a group of their own, and a choice without any project is never offered.
    /// </summary>
    public IReadOnlyList<Kommune> OfferedKommunen => [.. Catalog.Kommunen.Where(k => !k.IsKreis && Catalog.Profiles.Any(p => p.Kommunen.Contains(k.Key)))];

    /// <summary>Kreise the Kreis filter offers: those where the Kreis itself or one of its towns takes part in a profile.</summary>
    public IReadOnlyList<Kommune> OfferedKreise => [.. Catalog.Kommunen.Where(k => k.IsKreis && ExpectedFilter.Slugs(Catalog, [new Choice("kreis", k.Key)]).Count > 0)];

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Browser not started");

    private TestCatalog Workspace => workspace ?? throw new InvalidOperationException("Site not built");

    public string AxeSource { get; private set; } = "";

    public string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("TK_SCREENSHOT_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "transferkatalog-screens");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("TK_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        Require(File.Exists(chromium), $"Chromium fehlt unter {chromium}: 'apt-get install -y chromium' (das erledigt bash tests/run-all.sh) oder TK_CHROMIUM setzen.");
        var axePath = Path.Combine(ToolsDirectory, "node_modules", "axe-core", "axe.min.js");
        Require(File.Exists(axePath), $"axe-core fehlt ({axePath}): 'npm ci' in {ToolsDirectory} ausführen (das erledigt bash tests/run-all.sh).");
        AxeSource = await File.ReadAllTextAsync(axePath);

        workspace = CreateCatalog();
        var content = workspace.Content;
        var diagnostics = new DiagnosticBag();
        var raw = new ContentLoader().Load(content, diagnostics);
        Catalog = new CatalogValidator().Validate(raw, diagnostics)
            ?? throw new InvalidOperationException("Beispielinhalt ist ungültig: " + string.Join("; ", diagnostics.ToSortedList()));

        var port = FreeLoopbackPort();
        Origin = $"http://127.0.0.1:{port}";
        var result = new SiteBuilder().Build(new BuildOptions(
            ContentDir: content,
            ThemeDir: Repo.Theme,
            OutputDir: SiteDir,
            BaseUrl: BaseUrl));
        Require(result.Succeeded && result.Written, "Beispielseite ließ sich nicht bauen: " + string.Join("; ", result.Diagnostics));
        HtmlPages = Directory.EnumerateFiles(SiteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SiteDir, f).Replace('\\', '/'))
            .Select(f => f.EndsWith("index.html", StringComparison.Ordinal) ? f[..^"index.html".Length] : f)
            .Order(StringComparer.Ordinal)
            .ToList();

        server = StartServer();
        await server.StartAsync();

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>The catalogue to build: a copy of the repository's content/, which a variant may change.</summary>
    protected virtual TestCatalog CreateCatalog() => TestCatalog.FromRepository();

    /// <summary>A fresh browser context and page; every request the page makes is recorded in <see cref="TestPage.Requests"/>.</summary>
    public async Task<TestPage> OpenAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "de-DE",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        // Bounded in time: no single browser step may hang the run.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        var page = await context.NewPageAsync();
        var testPage = new TestPage(context, page, this);
        // On the context, not the page: that also catches workers and popups the page starts.
        context.Request += (_, request) => testPage.Requests.Enqueue(request.Url);
        context.RequestFailed += (_, request) => testPage.Failures.Enqueue($"{request.Url}: {request.Failure}");
        context.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                testPage.Failures.Enqueue($"{response.Url}: HTTP {response.Status}");
            }
        };
        return testPage;
    }

    public string Url(string sitePath) => BaseUrl + sitePath.TrimStart('/');

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }

        workspace?.Dispose();
    }

    private WebApplication StartServer()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Workspace.Root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Origin);
        var app = builder.Build();
        var files = new PhysicalFileProvider(SiteDir);
        // GitHub Pages serves YAML too (the web editor's admin/config.yml).
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".yml"] = "application/yaml";
        // Like GitHub Pages: the site exists only under its sub-path; a directory serves its index.html.
        app.Map(SubPath.TrimEnd('/'), site =>
        {
            site.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            site.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
        });
        return app;
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static string Metadata(string key) =>
        typeof(SiteUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} missing");
}

/// <summary>One browser page with its context and the log of every URL it requested.</summary>
public sealed class TestPage(IBrowserContext context, IPage page, SiteUnderTest site) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Requests that failed or were answered with an HTTP error, e.g. a favicon outside the site's path.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Failures { get; } = new();

    public IBrowserContext Context => context;

    public async Task GotoAsync(string sitePath)
    {
        var response = await Page.GotoAsync(site.Url(sitePath), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"{sitePath}: HTTP {response?.Status}");
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>All browser tests share one built site, one server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteUnderTest>
{
    public const string Name = "site";
}
