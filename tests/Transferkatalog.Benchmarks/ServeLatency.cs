using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Benchmarks;

/// <summary>
/// Times `serve` as an editor feels it: from saving a profile to the preview serving the changed page over HTTP. Runs
/// the real CLI as a child process on a copy of the catalogue, saves like editors do (the whole file in place, or a
/// temp file renamed over it) and polls the page until the new text is there.
/// </summary>
public static partial class ServeLatency
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>How often the page is asked for while waiting: the resolution of the measurement.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private enum SaveKind
    {
        /// <summary>The file is truncated and written again (VS Code, nano, vim with backupcopy=yes).</summary>
        InPlace,

        /// <summary>A temp file beside it is written and renamed over it (gedit, JetBrains, Emacs, many "atomic save" settings).</summary>
        Rename,
    }

    public static int Run(Options options)
    {
        var source = Path.GetFullPath(options.Require("content"));
        var saves = Math.Max(1, options.Int("saves", 10));
        var cli = options.Get("cli") ?? Path.Combine(AppContext.BaseDirectory, "Transferkatalog.Cli.dll");
        var theme = options.Get("theme") ?? Repo.Theme;
        var scenarios = options.Get("scenarios") ?? "abc";
        if (!Directory.Exists(Path.Combine(source, "projekte")))
        {
            throw new UsageException($"{source} hat keinen Ordner projekte/");
        }

        var content = Path.Combine(Path.GetTempPath(), $"tk-serve-{Environment.ProcessId}");
        CopyFolder(source, content);
        using var server = new ServerProcess(cli, content, theme);
        try
        {
            Console.WriteLine($"serve-latency · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} Kerne · Last {LoadAverage()} · CLI {cli}");
            var started = Stopwatch.StartNew();
            var site = server.Start();
            Console.WriteLine(string.Create(Inv, $"Vorschau bereit nach {started.Elapsed.TotalSeconds:0.0} s: {site}"));
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
            var session = new Session(server, http, site, Directory.GetFiles(Path.Combine(content, "projekte"), "*.md").Order(StringComparer.Ordinal).ToList());

            // Warm-up: the first save after start compiles the rebuild's code paths (the CLI runs without tiered JIT).
            for (var i = 0; i < 2; i++)
            {
                session.WaitForIdle();
                var ms = session.SaveAndWait(SaveKind.InPlace);
                Console.WriteLine(string.Create(Inv, $"  Aufwärmen {i + 1} (nicht gezählt): {ms:0} ms (Neubau {server.LastRebuild} ms)"));
            }

            var report = new List<string>();
            foreach (var kind in scenarios.Contains('a', StringComparison.Ordinal) ? new[] { SaveKind.InPlace, SaveKind.Rename } : [])
            {
                var times = new List<double>();
                for (var i = 0; i < saves; i++)
                {
                    session.WaitForIdle();
                    times.Add(session.SaveAndWait(kind));
                    Console.WriteLine(string.Create(Inv, $"  ruhend, {Label(kind)} {i + 1}: {times[^1]:0} ms (Neubau {server.LastRebuild} ms)"));
                }

                report.Add(Line($"(a) ruhend, {Label(kind)}", times));
            }

            foreach (var gap in scenarios.Contains('b', StringComparison.Ordinal) ? new[] { 1.0, 2.0 } : [])
            {
                // A series of saves gap seconds apart (counted from each save): from the second on, the exports of the
                // one before are still running (they take several seconds at 10,000 profiles).
                session.WaitForIdle();
                var times = new List<double>();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i <= saves; i++)
                {
                    var due = TimeSpan.FromSeconds(gap * i);
                    if (clock.Elapsed < due)
                    {
                        Thread.Sleep(due - clock.Elapsed);
                    }

                    var kind = i % 2 == 0 ? SaveKind.InPlace : SaveKind.Rename;
                    var ms = session.SaveAndWait(kind);
                    if (i > 0)
                    {
                        times.Add(ms);
                    }

                    Console.WriteLine(string.Create(Inv, $"  alle {gap:0} s, {Label(kind)} {i + 1}: {ms:0} ms (Neubau {server.LastRebuild} ms)"));
                }

                report.Add(Line(string.Create(Inv, $"(b) alle {gap:0} s, ab der zweiten"), times));
            }

            if (scenarios.Contains('c', StringComparison.Ordinal))
            {
                var firsts = new List<double>();
                var seconds = new List<double>();
                for (var i = 0; i < saves; i++)
                {
                    session.WaitForIdle();
                    var kind = i % 2 == 0 ? SaveKind.InPlace : SaveKind.Rename;
                    var (first, second) = session.TwoSaves(kind, TimeSpan.FromMilliseconds(200));
                    firsts.Add(first);
                    seconds.Add(second);
                    Console.WriteLine(string.Create(Inv, $"  zwei im Abstand von 200 ms, {Label(kind)} {i + 1}: erste {first:0} ms, zweite {second:0} ms (Neubau {server.LastRebuild} ms)"));
                }

                report.Add(Line("(c) 200 ms Abstand, erste", firsts));
                report.Add(Line("(c) 200 ms Abstand, zweite", seconds));
            }

            Console.WriteLine(string.Create(Inv, $"\nVom Speichern bis die geänderte Seite ausgeliefert wird ({saves} Speicherungen je Zeile, Abfrage alle {PollInterval.TotalMilliseconds:0} ms; Last am Ende {LoadAverage()}):"));
            foreach (var line in report)
            {
                Console.WriteLine(line);
            }

            if (options.Has("log"))
            {
                Console.WriteLine($"\nAusgabe von serve:\n{server.Output}");
            }

            return 0;
        }
        catch (TimeoutException ex)
        {
            Console.Error.WriteLine($"Fehler: {ex.Message}\n{server.Output}");
            return 1;
        }
        finally
        {
            server.Dispose();
            Directory.Delete(content, recursive: true);
        }
    }

    private static string Label(SaveKind kind) => kind == SaveKind.InPlace ? "ganze Datei geschrieben" : "temporäre Datei umbenannt";

    private static string Line(string name, List<double> times)
    {
        var sorted = times.Order().ToList();
        return string.Create(Inv, $"  {name,-50} Median {sorted[sorted.Count / 2],5:0} ms, min {sorted[0],5:0} ms, max {sorted[^1],5:0} ms");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"Vorschau läuft: (http://\S+)")]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"^Neu gebaut in (\d+) ms")]
    private static partial Regex RebuiltLine();

    /// <summary>The saves of one run: each edits a different profile, spread over the catalogue, with a marker word of its own.</summary>
    private sealed class Session(ServerProcess server, HttpClient http, Uri site, List<string> profiles)
    {
        private int count;

        /// <summary>Waits until the server has used almost no CPU for half a second: the exports of earlier saves are done.</summary>
        public void WaitForIdle()
        {
            var deadline = Stopwatch.StartNew();
            var quiet = 0;
            var before = server.CpuTime;
            while (quiet < 5)
            {
                if (deadline.Elapsed > Patience)
                {
                    throw new TimeoutException("serve kam nicht zur Ruhe");
                }

                Thread.Sleep(100);
                var now = server.CpuTime;
                quiet = now - before <= TimeSpan.FromMilliseconds(10) ? quiet + 1 : 0;
                before = now;
            }
        }

        /// <summary>Saves one profile and returns the milliseconds until its page shows the change.</summary>
        public double SaveAndWait(SaveKind kind)
        {
            var (url, marker) = Save(kind, out var clock);
            return Poll(url, marker, clock).GetAwaiter().GetResult();
        }

        /// <summary>Saves two profiles <paramref name="gap"/> apart and returns each one's save-to-page milliseconds.</summary>
        public (double First, double Second) TwoSaves(SaveKind kind, TimeSpan gap)
        {
            var (url1, marker1) = Save(kind, out var clock1);
            var first = Poll(url1, marker1, clock1);
            var rest = gap - clock1.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                Thread.Sleep(rest);
            }

            var (url2, marker2) = Save(kind, out var clock2);
            var second = Poll(url2, marker2, clock2);
            return (first.GetAwaiter().GetResult(), second.GetAwaiter().GetResult());
        }

        private (Uri Url, string Marker) Save(SaveKind kind, out Stopwatch clock)
        {
            var n = ++count;
            var file = profiles[(int)((n * 7919L + 104729) % profiles.Count)];
            var marker = string.Create(Inv, $"Messmarke{n}x{Environment.ProcessId}");
            var text = File.ReadAllText(file) + $"\n{marker}: Die Projektgruppe hat ihre Erfahrungen erneut ausgewertet.\n";
            var url = new Uri(site, $"projekte/{Path.GetFileNameWithoutExtension(file)}/");
            clock = Stopwatch.StartNew();
            if (kind == SaveKind.InPlace)
            {
                File.WriteAllText(file, text);
            }
            else
            {
                var temp = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{n}.tmp");
                File.WriteAllText(temp, text);
                File.Move(temp, file, overwrite: true);
            }

            return (url, marker);
        }

        private async Task<double> Poll(Uri url, string marker, Stopwatch clock)
        {
            while (clock.Elapsed < Patience)
            {
                using var response = await http.GetAsync(url).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK && body.Contains(marker, StringComparison.Ordinal))
                {
                    return clock.Elapsed.TotalMilliseconds;
                }

                await Task.Delay(PollInterval).ConfigureAwait(false);
            }

            throw new TimeoutException($"{url} zeigte '{marker}' nicht nach {Patience.TotalSeconds:0} s");
        }
    }

    /// <summary>`serve` as a child process on a free loopback port, with its output collected.</summary>
    private sealed class ServerProcess(string cli, string content, string theme) : IDisposable
    {
        private readonly Lock gate = new();
        private readonly System.Text.StringBuilder output = new();
        private readonly TaskCompletionSource<Uri> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Process? process;

        /// <summary>Milliseconds of the server's last rebuild, as its log line says.</summary>
        public string LastRebuild { get; private set; } = "?";

        public string Output
        {
            get
            {
                lock (gate)
                {
                    return output.ToString();
                }
            }
        }

        /// <summary>CPU time the server has used so far (user + system), from /proc.</summary>
        public TimeSpan CpuTime
        {
            get
            {
                var stat = File.ReadAllText($"/proc/{process!.Id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv);
                return TimeSpan.FromSeconds(ticks / 100.0);
            }
        }

        public Uri Start()
        {
            var port = FreePort();
            var start = new ProcessStartInfo(cli.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : cli)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (cli.EndsWith(".dll", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(cli);
            }

            foreach (var arg in new[] { "serve", "--content", content, "--theme", theme, "--port", port.ToString(Inv) })
            {
                start.ArgumentList.Add(arg);
            }

            process = Process.Start(start) ?? throw new InvalidOperationException("serve did not start");
            process.OutputDataReceived += (_, e) => Received(e.Data);
            process.ErrorDataReceived += (_, e) => Received(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!ready.Task.Wait(TimeSpan.FromMinutes(5)))
            {
                throw new TimeoutException($"serve meldete sich nicht bereit:\n{Output}");
            }

            return ready.Task.Result;
        }

        public void Dispose()
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process?.Dispose();
            process = null;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private void Received(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(line);
                if (RebuiltLine().Match(line) is { Success: true } rebuilt)
                {
                    LastRebuild = rebuilt.Groups[1].Value;
                }
            }

            if (ReadyLine().Match(line) is { Success: true } match)
            {
                ready.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }
}
