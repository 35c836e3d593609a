namespace Transferkatalog.Content;

/// <summary>Paths with symbolic links resolved, to tell whether a file really lies inside a folder.</summary>
public static class RealPaths
{
    /// <summary>An absolute path with every symbolic link along it resolved, as far as the path exists; no trailing separator.</summary>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            try
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } resolved)
                {
                    next = Of(resolved.FullName);
                }
            }
            catch (IOException)
            {
                // A link loop or unreadable link: keep the path as written; reading or writing it then fails with its own message.
            }

            current = next;
        }

        return current.Length == 0 ? full : Path.GetPathRoot(current) == current ? current : Path.TrimEndingDirectorySeparator(current);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both already resolved).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

/// <summary>
/// Real paths for one read of the content folder: each folder is resolved once, and of each file only its own name is
/// looked at, instead of every folder on the way for every file (two to three system calls per folder and file).
/// </summary>
/// <remarks>Made afresh for every read, so a folder replaced by a link between two saves in the preview is seen.</remarks>
public sealed class RealPathCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> folders = new(StringComparer.Ordinal);

    /// <summary>The real path of a folder, resolved once.</summary>
    public string Folder(string path) => folders.GetOrAdd(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)), RealPaths.Of);

    /// <summary>The same as <see cref="RealPaths.Of"/>, with the folder the path lies in resolved once.</summary>
    public string Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is not { } parent || IsLink(full))
        {
            return RealPaths.Of(full);
        }

        return Path.Combine(Folder(parent), Path.GetFileName(full));
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return true;
        }
    }
}

