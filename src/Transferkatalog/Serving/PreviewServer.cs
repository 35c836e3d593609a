using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Pipeline;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Serving;

/// <summary>Local preview for editors: builds in memory, serves on 127.0.0.1 under the base path, rebuilds on change and reloads open tabs.</summary>
/// <remarks>
/// The live-reload script is added to HTML responses here, at serving time, so it can never leak into `build` output.
/// After a failed rebuild the last good site stays in memory for assets, and every page shows the diagnostics instead.
/// </remarks>
public sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>Folder under the base path for the server's own endpoints; '_' cannot start a slug, so no page collides.</summary>
    public const string InternalPrefix = "__transferkatalog/";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    /// <summary>Content types by file extension, as the preview sends them.</summary>
    internal static readonly FileExtensionContentTypeProvider ContentTypes = Utf8Types(new FileExtensionContentTypeProvider());

    private readonly BuildOptions options;
    private readonly int port;
    private readonly TextWriter log;
    private readonly TextWriter errors;
    private readonly IRebuilder rebuilder;
    private readonly IncrementalRebuilder? ownRebuilder;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim buildGate = new(1, 1);
    private readonly Lock stateGate = new();
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Dictionary<string, FileSystemWatcher> trees = new(StringComparer.Ordinal);
    private readonly HashSet<string> changedPaths = new(StringComparer.Ordinal);
    private Timer? debounce;
    private WebApplication? app;
    private volatile State state = new(0, new Dictionary<string, OutputFile>(StringComparer.Ordinal), "/", null, null);
    private TaskCompletionSource changed = NewSignal();
    private HashSet<Diagnostic> reportedWarnings = [];

    public PreviewServer(BuildOptions options, int port, TextWriter log, TextWriter errors, IRebuilder? rebuilder = null)
    {
        this.options = options;
        this.port = port;
        this.log = TextWriter.Synchronized(log);
        this.errors = TextWriter.Synchronized(errors);
        this.rebuilder = rebuilder ?? (ownRebuilder = new IncrementalRebuilder());
    }

    /// <summary>How long to wait after the last file event before rebuilding: one save (temp file, rename, attributes) is a burst of events a few milliseconds long.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Root of the server, e.g. http://127.0.0.1:8080/, known after <see cref="StartAsync"/>.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>Address of the site's home page under the base path.</summary>
    public Uri? SiteAddress => ServerAddress is null ? null : new Uri(ServerAddress, state.BasePath);

    /// <summary>Incremented after every build, good or bad; open tabs reload when it changes.</summary>
    public int Version => state.Version;

    /// <summary>The most recent build, or null before the first one.</summary>
    public BuildResult? LastBuild => state.Last;

    /// <summary>Raised after every build with its result.</summary>
    public event Action<BuildResult>? Rebuilt;

    /// <summary>Builds once, starts Kestrel on the loopback interface (port 0 picks a free one) and starts watching.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await RebuildAsync([]).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        app = builder.Build();
        Configure(app);

        // Open event streams would otherwise hold Ctrl+C up until the host's shutdown timeout.
        app.Lifetime.ApplicationStopping.Register(stopping.Cancel);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Urls.First();
        ServerAddress = new Uri(bound.EndsWith('/') ? bound : bound + "/");

        Watch(options.ContentDir);
        Watch(options.ThemeDir);
    }

    /// <summary>Completes when the host shuts down (Ctrl+C in the terminal).</summary>
    public Task WaitForShutdownAsync() => app?.WaitForShutdownAsync() ?? Task.CompletedTask;

    /// <summary>Rebuilds now; changed paths (full paths) let an incremental rebuilder limit its work, empty means everything.</summary>
    public async Task<BuildResult> RebuildAsync(IReadOnlyCollection<string> changedFiles)
    {
        await buildGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var previous = state;
            var (result, completion) = await Task.Run(() => (rebuilder.Rebuild(options, changedFiles, previous.Last), rebuilder.Completion)).ConfigureAwait(false);
            var files = result.Succeeded
                ? result.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal)
                : previous.Files;
            var basePath = result.Succeeded ? result.BasePath : previous.BasePath;
            var complete = result.Succeeded && completion is not null ? FollowUp(completion, previous.Version + 1) : null;
            TaskCompletionSource signal;
            lock (stateGate)
            {
                state = new State(previous.Version + 1, files, basePath, result, complete);
                signal = changed;
                changed = NewSignal();
            }

            signal.TrySetResult();
            ReportBuild(result, previous.Last is null);
            Rebuilt?.Invoke(result);
            return result;
        }
        finally
        {
            buildGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        List<FileSystemWatcher> all;
        lock (stateGate)
        {
            all = [.. watchers];
        }

        foreach (var watcher in all)
        {
            watcher.Dispose();
        }

        if (debounce is not null)
        {
            await debounce.DisposeAsync().ConfigureAwait(false);
        }

        if (app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(timeout.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        ownRebuilder?.Dispose();
        stopping.Dispose();
        buildGate.Dispose();
    }

    /// <summary>Waits for the exports a rebuild left for the background, then serves them; open tabs need no reload for that.</summary>
    private async Task<IReadOnlyDictionary<string, OutputFile>?> FollowUp(Task<BuildResult> completion, int version)
    {
        try
        {
            var done = await completion.ConfigureAwait(false);
            var files = done.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
            lock (stateGate)
            {
                if (state.Version == version)
                {
                    state = state with { Files = files };
                }
            }

            log.WriteLine($"Suchindex und offene Daten aktualisiert nach {(int)done.Elapsed.TotalMilliseconds} ms");
            return files;
        }
        catch (OperationCanceledException)
        {
            // A newer save superseded these exports; its own run follows and is served once done.
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The pages are up to date; stale exports are better than a dead preview.
            errors.WriteLine(ConsoleText.Line($"interner Fehler beim Erzeugen der Exporte: {ex.GetType().Name}: {ex.Message}"));
            return null;
        }
    }

    /// <summary>ASP.NET Core's table of types, with the charset of every text type named: all our text is UTF-8.</summary>
    private static FileExtensionContentTypeProvider Utf8Types(FileExtensionContentTypeProvider types)
    {
        // Linked-data formats open data may come in, missing from ASP.NET Core's table.
        types.Mappings.TryAdd(".rdf", "application/rdf+xml");
        types.Mappings.TryAdd(".ttl", "text/turtle");
        types.Mappings.TryAdd(".jsonld", "application/ld+json");
        foreach (var (extension, type) in types.Mappings.ToList())
        {
            if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("+json", StringComparison.Ordinal)
                || type is "application/json" or "application/javascript" or "application/xml")
            {
                types.Mappings[extension] = type + "; charset=utf-8";
            }
        }

        return types;
    }

    private static bool IsLocalHost(string host) =>
        host.Equals("127.0.0.1", StringComparison.Ordinal) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void ReportBuild(BuildResult result, bool first)
    {
        // Errors every time, since they block the preview; a warning once, or hundreds of stale-profile notes would
        // scroll the one that matters out of view after every save.
        var known = reportedWarnings;
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error || !known.Contains(d)))
        {
            errors.WriteLine(d.ToString());
        }

        reportedWarnings = result.Diagnostics.Where(d => d.Severity == Severity.Warning).ToHashSet();

        var ms = (int)result.Elapsed.TotalMilliseconds;
        var what = first ? "Gebaut" : "Neu gebaut";
        var work = rebuilder.LastSummary is { } summary ? $" ({summary})" : string.Empty;
        var repeated = result.Diagnostics.Count(d => d.Severity == Severity.Warning && known.Contains(d));
        var warnings = first || repeated == 0 ? $"{result.WarningCount} Warnungen" : $"{result.WarningCount} Warnungen ({repeated} schon gemeldet)";
        log.WriteLine(result.Succeeded
            ? $"{what} in {ms} ms: {result.ProfileCount} Steckbriefe, {result.PageCount} Seiten, {warnings}{work}"
            : $"Build fehlgeschlagen ({ms} ms): {result.ErrorCount} Fehler, {result.WarningCount} Warnungen — die Vorschau zeigt die Fehler, bis die Datei korrigiert ist");
    }

    private void Watch(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        WatchTree(full);

        // A folder that is deleted and made again (git checkout, restoring a backup) is a new inode the old watcher never
        // sees; the parent's watcher notices it and starts a new one, so the preview recovers instead of failing forever.
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        var name = Path.GetFileName(full);
        var parentWatcher = new FileSystemWatcher(parent, name) { NotifyFilter = NotifyFilters.DirectoryName };
        FileSystemEventHandler recreated = (_, _) =>
        {
            WatchTree(full);
            Schedule(string.Empty);
        };
        parentWatcher.Created += recreated;
        parentWatcher.Deleted += (_, _) => Schedule(string.Empty);
        parentWatcher.Renamed += (_, e) => recreated(parentWatcher, e);
        parentWatcher.EnableRaisingEvents = true;
        lock (stateGate)
        {
            watchers.Add(parentWatcher);
        }
    }

    /// <summary>Watches a folder and everything below it, replacing an earlier watcher of the same folder.</summary>
    private void WatchTree(string full)
    {
        if (!Directory.Exists(full) || stopping.IsCancellationRequested)
        {
            return;
        }

        var watcher = new FileSystemWatcher(full)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += OnFileEvent;
        watcher.Created += OnFileEvent;
        watcher.Deleted += OnFileEvent;
        watcher.Renamed += (s, e) =>
        {
            OnFileEvent(s, new FileSystemEventArgs(WatcherChangeTypes.Deleted, Path.GetDirectoryName(e.OldFullPath) ?? full, Path.GetFileName(e.OldFullPath)));
            OnFileEvent(s, e);
        };

        // Lost events (buffer overflow) must not leave the preview stale: rebuild everything.
        watcher.Error += (_, _) => Schedule(string.Empty);
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Gone again before the watch started; the parent's watcher will report it once it is back.
            watcher.Dispose();
            return;
        }

        lock (stateGate)
        {
            if (trees.Remove(full, out var old))
            {
                watchers.Remove(old);
                old.Dispose();
            }

            trees[full] = watcher;
            watchers.Add(watcher);
        }
    }

    private void OnFileEvent(object? sender, FileSystemEventArgs e)
    {
        var name = Path.GetFileName(e.FullPath);

        // Editors' swap and backup files are not content.
        if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        Schedule(e.FullPath);
    }

    private void Schedule(string path)
    {
        lock (stateGate)
        {
            changedPaths.Add(path);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            debounce ??= new Timer(_ => _ = RebuildChangedAsync());
            debounce.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RebuildChangedAsync()
    {
        string[] paths;
        lock (stateGate)
        {
            paths = [.. changedPaths];
            changedPaths.Clear();
        }

        if (paths.Length == 0 || stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            // An empty path stands for "unknown change"; let the rebuilder do everything then.
            await RebuildAsync(paths.Contains(string.Empty) ? [] : paths).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The server must survive anything a half-saved file can do to the pipeline.
            errors.WriteLine(ConsoleText.Line($"interner Fehler beim Neubau: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    /// <summary>The request pipeline: the preview's own checks and endpoints, then ASP.NET Core's static-file middleware over the in-memory site.</summary>
    private void Configure(WebApplication web)
    {
        var files = new SiteFileProvider(() =>
        {
            var current = state;
            return new PreviewSite(current.Files, current.BasePath, current.Version);
        });
        web.Use(GuardAsync);
        web.Use(InternalEndpointsAsync);
        web.Use(BasePathAsync);
        web.Use(BrokenBuildAsync);
        web.Use(CompleteExportsAsync);

        // A folder URL without its slash gets a redirect (301, as on GitHub Pages), a folder its index.html; every output
        // file is served, whatever its type, as the build would publish it.
        web.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = [Routes.IndexFile] });
        web.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        web.Run(context => NotFoundAsync(context, files));
    }

    /// <summary>Answers only loopback host names (DNS rebinding), only GET and HEAD, and makes browsers revalidate every response.</summary>
    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;

        // Revalidated by ETag on every use: the preview changes under the browser's feet, a cached copy must never show.
        response.Headers.CacheControl = "no-cache";

        // DNS rebinding: a web page on evil.example that resolves its name to 127.0.0.1 could otherwise read the preview.
        if (!IsLocalHost(context.Request.Host.Host))
        {
            response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("Die Vorschau antwortet nur unter http://127.0.0.1 oder http://localhost.").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>The live-reload stream and script, matched by suffix so they keep working when basis_url changes between builds.</summary>
    private Task InternalEndpointsAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.EndsWith("/" + InternalPrefix + "livereload", StringComparison.Ordinal))
        {
            return StreamVersionsAsync(context);
        }

        if (path.EndsWith("/" + InternalPrefix + "livereload.js", StringComparison.Ordinal))
        {
            return WriteAsync(context.Response, StatusCodes.Status200OK, "text/javascript; charset=utf-8", Utf8.GetBytes(LiveReload.Script(state.BasePath)));
        }

        return next(context);
    }

    /// <summary>Serves the site under the base path of the current build; the server root redirects there.</summary>
    /// <remarks>Not <c>UsePathBase</c>: that is fixed when the pipeline is built, while basis_url may change with any save of site.yml.</remarks>
    private async Task BasePathAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var basePath = new PathString(state.BasePath.TrimEnd('/'));
        if (request.Path == "/" && basePath.HasValue)
        {
            context.Response.Redirect(state.BasePath);
            return;
        }

        if (!request.Path.StartsWithSegments(basePath, out var rest))
        {
            // Outside the site: its own 404 page, found under the base path at a name no output file can have.
            rest = "/" + InternalPrefix + "nicht-gefunden";
        }

        var (originalBase, originalPath) = (request.PathBase, request.Path);
        request.PathBase = originalBase.Add(basePath);
        request.Path = rest;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            (request.PathBase, request.Path) = (originalBase, originalPath);
        }
    }

    /// <summary>While the latest build has errors, every page (and every file the good build lacked) is the error page.</summary>
    private Task BrokenBuildAsync(HttpContext context, RequestDelegate next)
    {
        var current = state;
        if (current.Last is not { Succeeded: false } failed)
        {
            return next(context);
        }

        var relative = SitePath(context.Request.Path);
        if (relative.EndsWith(".html", StringComparison.Ordinal) || !current.Files.ContainsKey(relative))
        {
            var page = ErrorPage.Render(failed, LiveReload.Tag(current.BasePath, current.Version));
            return WriteAsync(context.Response, StatusCodes.Status500InternalServerError, "text/html; charset=utf-8", Utf8.GetBytes(page));
        }

        return next(context);
    }

    /// <summary>Exports and the search index may still be on their way after an edit: wait for them rather than serve old ones.</summary>
    private async Task CompleteExportsAsync(HttpContext context, RequestDelegate next)
    {
        var relative = SitePath(context.Request.Path);
        if (!relative.EndsWith(".html", StringComparison.Ordinal) && !relative.StartsWith("assets/", StringComparison.Ordinal))
        {
            // A newer build may have started its own exports meanwhile; the file served is the newest finished one.
            while (state.Complete is { IsCompleted: false } pending)
            {
                await pending.ConfigureAwait(false);
            }
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>The output file a path under the base path names (folder URLs name their index.html).</summary>
    private static string SitePath(PathString path)
    {
        return Routes.OutputPath((path.Value ?? "/").TrimStart('/'));
    }

    /// <summary>The site's own 404 page, with status 404 and without validators (a 404 is never answered with 304).</summary>
    private static async Task NotFoundAsync(HttpContext context, SiteFileProvider files)
    {
        var page = files.GetFileInfo("404.html");
        if (!page.Exists)
        {
            await WriteAsync(context.Response, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", Utf8.GetBytes("Seite nicht gefunden")).ConfigureAwait(false);
            return;
        }

        await using var body = page.CreateReadStream();
        var bytes = new byte[page.Length];
        await body.ReadExactlyAsync(bytes).ConfigureAwait(false);
        await WriteAsync(context.Response, StatusCodes.Status404NotFound, "text/html; charset=utf-8", bytes).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(response.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, response.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Server-sent events: the current build version now and after every build, until the tab closes or the server stops.</summary>
    private async Task StreamVersionsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        var token = linked.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                Task signal;
                int version;
                lock (stateGate)
                {
                    signal = changed.Task;
                    version = state.Version;
                }

                await response.WriteAsync($"event: version\ndata: {version}\n\n", token).ConfigureAwait(false);
                await response.Body.FlushAsync(token).ConfigureAwait(false);

                // The periodic comment keeps proxies and idle timeouts from closing a quiet stream.
                var heartbeat = Task.Delay(TimeSpan.FromSeconds(20), token);
                while (await Task.WhenAny(signal, heartbeat).ConfigureAwait(false) == heartbeat && !token.IsCancellationRequested)
                {
                    await response.WriteAsync(": ping\n\n", token).ConfigureAwait(false);
                    await response.Body.FlushAsync(token).ConfigureAwait(false);
                    heartbeat = Task.Delay(TimeSpan.FromSeconds(20), token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Tab closed or server stopping: nothing to clean up.
        }
        catch (IOException)
        {
            // Connection dropped mid-write.
        }
    }

    private sealed record State(int Version, IReadOnlyDictionary<string, OutputFile> Files, string BasePath, BuildResult? Last, Task<IReadOnlyDictionary<string, OutputFile>?>? Complete);
}
