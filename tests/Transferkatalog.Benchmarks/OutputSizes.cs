using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Transferkatalog.Benchmarks;

/// <summary>Where the bytes of a built site go: bytes per page kind, export, search index and assets, and inside the HTML pages per part (head, JSON-LD, cards); deterministic, so the figures mean something on a loaded machine.</summary>
public static partial class OutputSizes
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The parts of a page counted separately, so a cut shows where it landed.</summary>
    private sealed class Tally
    {
        public int Files;
        public long Bytes;
        public long MaxBytes;
        public long Gzip;
        public long Head;
        public long JsonLd;
        public long Cards;
        public long CardCount;
        public long CardData;
    }

    public static int Run(Options options)
    {
        var site = options.Get("site");
        if (site is null)
        {
            var content = options.Get("content") ?? throw new UsageException("--content oder --site fehlt");
            site = options.Get("out") ?? Path.Combine(Path.GetTempPath(), $"tk-sizes-{Environment.ProcessId}");
            Build(content, site, options.Get("theme") ?? Transferkatalog.Tests.Support.Repo.Theme, options.Get("cli"));
        }

        if (!Directory.Exists(site))
        {
            throw new UsageException($"Ausgabeordner '{site}' fehlt");
        }

        var withGzip = options.Has("gzip");
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        long tarBytes = 1024;
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        // What actions/upload-pages-artifact uploads: one tar, which upload-artifact zips at level 6; deploy-pages warns
        // above 1 GiB of that stored size.
        var artifact = new CountingStream();
        using var gzip = withGzip ? new GZipStream(artifact, CompressionLevel.Optimal, leaveOpen: true) : null;
        using var tar = gzip is null ? null : new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(site, file).Replace('\\', '/');
            var bytes = File.ReadAllBytes(file);
            tarBytes += 512 + ((bytes.Length + 511) / 512 * 512);
            var kind = Kind(relative, bytes);
            if (!tallies.TryGetValue(kind, out var tally))
            {
                tally = new Tally();
                tallies[kind] = tally;
            }

            tally.Files++;
            tally.Bytes += bytes.Length;
            tally.MaxBytes = Math.Max(tally.MaxBytes, bytes.Length);
            if (tar is not null)
            {
                tally.Gzip += GzipLength(bytes);
                using var data = new MemoryStream(bytes, writable: false);
                tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, "./" + relative) { DataStream = data });
            }

            if (relative.EndsWith(".html", StringComparison.Ordinal))
            {
                CountParts(Encoding.UTF8.GetString(bytes), tally);
            }
        }

        tar?.Dispose();
        gzip?.Dispose();
        // Every folder is an inode too (a page is a folder with index.html); on ext4 new inodes cost kernel time.
        var folders = Directory.EnumerateDirectories(site, "*", SearchOption.AllDirectories).Count();
        tarBytes += folders * 512L;
        Print(tallies, files.Count, folders, tarBytes, withGzip ? artifact.Length : null);
        return 0;
    }

    private static void Build(string content, string output, string theme, string? cli)
    {
        cli ??= Path.Combine(AppContext.BaseDirectory, "Transferkatalog.Cli.dll");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "build", "--content", content, "--theme", theme, "--output", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("build did not start");

        // The generated catalogue has thousands of warnings by design; only the summary line matters here.
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var last = process.StandardOutput.ReadToEnd().TrimEnd().Split('\n')[^1];
        process.WaitForExit();
        Console.WriteLine(last);
        if (process.ExitCode != 0)
        {
            throw new UsageException($"Bau fehlgeschlagen (Exit-Code {process.ExitCode})");
        }
    }

    /// <summary>The kind of page or file, from its path (and for Kommune pages from the page: a Kreis lists its members).</summary>
    private static string Kind(string path, byte[] bytes)
    {
        static bool Under(string path, string folder) => path.StartsWith(folder, StringComparison.Ordinal);
        var depth = path.Count(c => c == '/');
        return path switch
        {
            "index.html" => "Seite: Katalog, Seite 1",
            _ when Under(path, "katalog/") && path.EndsWith("/index.html", StringComparison.Ordinal) => "Seite: Katalog, Folgeseiten",
            _ when Under(path, "projekte/") => "Seite: Steckbriefe",
            "kommunen/index.html" => "Seite: Kommunen (Übersicht)",
            _ when Under(path, "kommunen/") && IsKreis(bytes) => "Seite: Kreise",
            _ when Under(path, "kommunen/") => "Seite: Kommunen",
            "handlungsfelder/index.html" => "Seite: Handlungsfelder (Übersicht)",
            _ when Under(path, "handlungsfelder/") => "Seite: Handlungsfelder",
            _ when Under(path, "partnersuche/") => "Seite: Partnersuche",
            _ when Under(path, "seiten/") || path == "404.html" => "Seite: sonstige",
            "daten/katalog.json" or "daten/katalog.csv" or "daten/katalog.xlsx" or "daten/dcat.rdf" or "daten/katalog.csv-metadata.json" => "Daten: " + path["daten/".Length..],
            "feed.xml" or "sitemap.xml" or "robots.txt" => "Daten: " + path,
            _ when Under(path, "suche/karten/") => "Suche: Karten (JS-Katalog)",
            _ when Under(path, "suche/filter/") => "Suche: Filterlisten",
            _ when Under(path, "suche/optionen/") => "Suche: Filteroptionen",
            _ when Under(path, "suche/t") && depth == 1 => "Suche: Wort-Shards",
            _ when Under(path, "suche/") => "Suche: " + path["suche/".Length..],
            _ when Under(path, "assets/") => "Assets",
            _ when Under(path, "schema/") => "Schema",
            _ => "sonstige: " + path,
        };
    }

    private static bool IsKreis(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 16384));
        return text.Contains("<p class=\"einleitung\">Kreis", StringComparison.Ordinal);
    }

    private static void CountParts(string html, Tally tally)
    {
        static long Utf8(string s) => Encoding.UTF8.GetByteCount(s);
        var head = html.IndexOf("</head>", StringComparison.Ordinal);
        if (head > 0)
        {
            tally.Head += Utf8(html[..head]);
        }

        foreach (Match m in JsonLd().Matches(html))
        {
            tally.JsonLd += Utf8(m.Value);
        }

        foreach (Match m in Card().Matches(html))
        {
            tally.CardCount++;
            tally.Cards += Utf8(m.Value);
            foreach (Match d in CardData().Matches(m.Groups[1].Value))
            {
                tally.CardData += Utf8(d.Value);
            }
        }
    }

    private static long GzipLength(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }

    private static void Print(SortedDictionary<string, Tally> tallies, int fileCount, int folderCount, long tarBytes, long? artifactBytes)
    {
        var withGzip = artifactBytes is not null;
        var total = tallies.Values.Sum(t => t.Bytes);
        var pages = tallies.Where(t => t.Key.StartsWith("Seite:", StringComparison.Ordinal)).Sum(t => t.Value.Files);
        Console.WriteLine($"\n{De(fileCount, "N0")} Dateien, {De(folderCount, "N0")} Ordner, {De(pages, "N0")} Seiten, {MiB(total)} MiB (tar {MiB(tarBytes)} MiB{(withGzip ? $", gzip je Datei {MiB(tallies.Values.Sum(t => t.Gzip))} MiB, Pages-Artefakt (tar.gz) {MiB(artifactBytes!.Value)} MiB" : "")})\n");
        Console.WriteLine($"| Art | Dateien | MiB | Anteil | KiB je Datei | größte KiB |{(withGzip ? " gzip MiB |" : "")} davon Kopf | davon JSON-LD | Karten | davon Karten | davon data-Attribute |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|{(withGzip ? "---:|" : "")}---:|---:|---:|---:|---:|");
        foreach (var (kind, t) in tallies.OrderByDescending(t => t.Value.Bytes))
        {
            var html = t.Head > 0;
            Console.WriteLine(string.Create(Inv,
                $"| {kind} | {De(t.Files, "N0")} | {MiB(t.Bytes)} | {De(100.0 * t.Bytes / total, "0.0")} % | {De(t.Bytes / 1024.0 / t.Files, "0.0")} | {De(t.MaxBytes / 1024.0, "0")} |{(withGzip ? $" {MiB(t.Gzip)} |" : "")} {(html ? MiB(t.Head) : "")} | {(html ? MiB(t.JsonLd) : "")} | {(t.CardCount > 0 ? De(t.CardCount, "N0") : "")} | {(t.CardCount > 0 ? MiB(t.Cards) : "")} | {(t.CardCount > 0 ? MiB(t.CardData) : "")} |"));
        }

        Console.WriteLine(string.Create(Inv, $"| **zusammen** | {De(fileCount, "N0")} | {MiB(total)} | 100 % | | |{(withGzip ? $" {MiB(tallies.Values.Sum(t => t.Gzip))} |" : "")} | | | | |"));
    }

    private static string MiB(long bytes) => De(bytes / 1048576.0, "0.0");

    private static string De(double value, string format) =>
        value.ToString(format, Inv).Replace(",", "\u0001", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal).Replace("\u0001", ".", StringComparison.Ordinal);

    [GeneratedRegex("<script type=\"application/ld\\+json\">.*?</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    /// <summary>A card from its opening tag to the end of its article; group 1 is the opening tag.</summary>
    [GeneratedRegex("(<li class=\"karte\"[^>]*>).*?</article>\\s*</li>", RegexOptions.Singleline)]
    private static partial Regex Card();

    [GeneratedRegex(" data-(?!karte[ >])[a-z-]+(=\"[^\"]*\")?")]
    private static partial Regex CardData();

    /// <summary>Counts what is written and keeps nothing: the compressed artifact is only measured.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }
}
