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
