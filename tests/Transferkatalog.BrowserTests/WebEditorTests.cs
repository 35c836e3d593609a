using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Transferkatalog.Pipeline;

namespace Transferkatalog.BrowserTests;

/// <summary>The web editor under /admin/ (Sveltia CMS), switched on in a copy of the sample content and opened in Chromium.</summary>
public sealed class WebEditorTests : IAsyncLifetime
{
    private const string SubPath = "/transferkatalog/";

    private readonly string workDir = Path.Combine(Path.GetTempPath(), "tk-webeditor-" + Guid.NewGuid().ToString("N"));
    private WebApplication? server;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string origin = "";

    private string SiteDir => Path.Combine(workDir, "site");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("TK_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium fehlt unter {chromium}: 'apt-get install -y chromium' (das erledigt .ci/run).");
        var root = typeof(WebEditorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var content = Path.Combine(workDir, "content");
        CopyDirectory(Path.Combine(root, "content"), content);
        File.AppendAllText(Path.Combine(content, "site.yml"), "redaktion:\n  repository: kreis-beispiel/transferkatalog\n  branch: main\n");

        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            origin = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        var result = new SiteBuilder().Build(new BuildOptions(content, Path.Combine(root, "themes", "default"), SiteDir, BaseUrl: origin + SubPath));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = workDir });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(origin);
        server = builder.Build();
        var files = new PhysicalFileProvider(SiteDir);
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".yml"] = "application/yaml";
        server.Map(SubPath.TrimEnd('/'), site =>
        {
            site.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            site.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
        });
        await server.StartAsync();

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            Timeout = 60_000,
        });
    }

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

        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Editor_page_loads_the_cms_from_the_site_itself_and_nothing_from_third_parties()
    {
        var (context, page, requests) = await OpenAsync(testRepository: true);
        await using var _ = context;

        var response = await page.GotoAsync(origin + SubPath + "admin/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        Assert.True(response is { Ok: true });
        var start = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("Test") });
        await start.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("redaktion-anmeldung.png") });
        await start.ClickAsync();
        await page.GetByText("Steckbriefe").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("redaktion-liste.png") });

        var foreign = requests.Where(u => !u.StartsWith(origin + "/", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "Anfragen an fremde Server: " + string.Join(", ", foreign));
        Assert.Contains(requests, u => u.EndsWith("/admin/sveltia-cms.js", StringComparison.Ordinal));
        Assert.Contains(requests, u => u.Contains("/admin/config.yml", StringComparison.Ordinal));
    }

    /// <summary>A page with the generated config.yml, whose backend (GitHub) is swapped for the CMS's in-memory test repository.</summary>
    private async Task<(IBrowserContext Context, IPage Page, List<string> Requests)> OpenAsync(bool testRepository)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "de-DE",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(20_000);
        var requests = new List<string>();
        context.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };

        // Nothing may leave the machine, whatever the CMS tries: a request to another host fails here (and is still logged).
        await context.RouteAsync(url => !url.StartsWith(origin + "/", StringComparison.Ordinal), route => route.AbortAsync());
        if (testRepository)
        {
            await context.RouteAsync(url => url.StartsWith(origin + SubPath + "admin/config.yml", StringComparison.Ordinal), async route =>
            {
                var yaml = await File.ReadAllTextAsync(Path.Combine(SiteDir, "admin", "config.yml"));
                var start = yaml.IndexOf("backend:\n", StringComparison.Ordinal);
                var end = yaml.IndexOf("\nsite_url:", StringComparison.Ordinal);
                Assert.True(start >= 0 && end > start, "config.yml hat keinen backend-Block");
                var swapped = yaml[..start] + "backend:\n  name: test-repo" + yaml[end..];
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/yaml", Body = swapped });
            });
        }

        var page = await context.NewPageAsync();
        page.Console += (_, m) => Console.WriteLine($"console {m.Type}: {m.Text}");
        page.PageError += (_, e) => Console.WriteLine($"pageerror: {e}");
        return (context, page, requests);
    }

    private static string Screenshot(string name)
    {
        var dir = Environment.GetEnvironmentVariable("TK_SCREENSHOT_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "transferkatalog-screens");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
