using System.Collections;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Transferkatalog.Output;

namespace Transferkatalog.Serving;

/// <summary>What the preview serves at one moment: the in-memory site, its base path and the build version.</summary>
internal sealed record PreviewSite(IReadOnlyDictionary<string, OutputFile> Files, string BasePath, int Version);

/// <summary>The preview's in-memory site as an <see cref="IFileProvider"/> for ASP.NET Core's static-file middleware; HTML pages get the live-reload tag.</summary>
/// <remarks>
/// The provider reads the current site on every lookup, so a rebuild never needs a new pipeline. The middleware derives
/// its ETag from Last-Modified (whole seconds) and length, so Last-Modified here moves forward by at least a second
/// whenever the bytes served for a path change: a browser revalidating with an old ETag never gets a 304 for new content.
/// </remarks>
internal sealed class SiteFileProvider(Func<PreviewSite> current) : IFileProvider
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (byte[] Hash, DateTimeOffset Modified)> stamps = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<IReadOnlyDictionary<string, OutputFile>, HashSet<string>> folders = new();

    public IFileInfo GetFileInfo(string subpath)
    {
        var site = current();
        var relative = subpath.TrimStart('/');
        if (!site.Files.TryGetValue(relative, out var file))
        {
            return new NotFoundFileInfo(subpath);
        }

        // The tag carries the build version; it is added here, at serving time, so it can never reach `build` output.
        var bytes = file.IsHtml
            ? Utf8.GetBytes(LiveReload.Inject(Utf8.GetString(file.Content), LiveReload.Tag(site.BasePath, site.Version)))
            : file.Content;
        return new SiteFile(Path.GetFileName(relative), bytes, Stamp(relative, bytes));
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var site = current();
        var relative = subpath.Trim('/');
        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        if (!Folders(site.Files).Contains(prefix))
        {
            return NotFoundDirectoryContents.Singleton;
        }

        return new SiteFolder([.. site.Files.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k.AsSpan(prefix.Length).Contains('/'))
            .Order(StringComparer.Ordinal)
            .Select(k => GetFileInfo(k))]);
    }

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    /// <summary>Every folder of the site as "a/b/" ("" for the root), computed once per set of files.</summary>
    private HashSet<string> Folders(IReadOnlyDictionary<string, OutputFile> files) =>
        folders.GetValue(files, static all =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
            foreach (var path in all.Keys)
            {
                for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                {
                    set.Add(path[..(slash + 1)]);
                }
            }

            return set;
        });

    private DateTimeOffset Stamp(string path, byte[] bytes)
    {
        var hash = SHA256.HashData(bytes);
        var now = DateTimeOffset.UtcNow;
        var second = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        lock (gate)
        {
            if (stamps.TryGetValue(path, out var known))
            {
                if (known.Hash.AsSpan().SequenceEqual(hash))
                {
                    return known.Modified;
                }

                if (second <= known.Modified)
                {
                    second = known.Modified.AddSeconds(1);
                }
            }

            stamps[path] = (hash, second);
            return second;
        }
    }

    private sealed class SiteFile(string name, byte[] bytes, DateTimeOffset modified) : IFileInfo
    {
        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => modified;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }

    private sealed class SiteFolder(IReadOnlyList<IFileInfo> files) : IDirectoryContents
    {
        public bool Exists => true;

        public IEnumerator<IFileInfo> GetEnumerator() => files.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
