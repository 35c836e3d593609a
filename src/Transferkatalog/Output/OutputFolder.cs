using System.Diagnostics;

namespace Transferkatalog.Output;

/// <summary>Decides whether a build may replace a folder, and tidies what killed builds left next to it.</summary>
/// <remarks>
/// A build replaces a folder only when it is absent, empty, or holds exactly the files an earlier build listed in its
/// <see cref="MarkerName"/> file; it never replaces the content, the theme, a repository, a home folder or a root.
/// </remarks>
public static class OutputFolder
{
    /// <summary>The file every build writes into its output: a first line naming the tool, then every file written, one per line.</summary>
    public const string MarkerName = ".transferkatalog-ausgabe";

    internal const string MarkerHeader = "# Von transferkatalog geschrieben; diese Dateien ersetzt der nächste Build. Nicht löschen.";

    /// <summary>The folder the build really writes to: absolute, without trailing separator, with symbolic links resolved.</summary>
    /// <remarks>Resolving a link to the output folder lets the build replace the folder it points to and keep the link.</remarks>
    public static string Resolve(string outputDir) => RealPath(Path.GetFullPath(outputDir));

    /// <summary>Why <paramref name="outputDir"/> must not be replaced by a build, in German for the editor; null when it may.</summary>
    public static string? Problem(string outputDir, string contentDir, string themeDir)
    {
        if (string.IsNullOrWhiteSpace(outputDir))
        {
            return "kein Ausgabeordner angegeben — nennen Sie ihn mit --output, z. B. --output _site";
        }

        var target = Resolve(outputDir);
        var content = RealPath(Path.GetFullPath(contentDir));
        var theme = RealPath(Path.GetFullPath(themeDir));
        var cwd = RealPath(Path.GetFullPath(Environment.CurrentDirectory));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var why = target switch
        {
            _ when IsRoot(target) => "ist die Wurzel des Dateisystems",
            _ when home.Length > 0 && IsSameOrInside(RealPath(home), target) => "ist ein persönlicher Ordner oder enthält ihn",
            _ when IsSameOrInside(content, target) => "ist der Inhaltsordner oder enthält ihn",
            _ when IsSameOrInside(target, content) => "liegt im Inhaltsordner",
            _ when IsSameOrInside(theme, target) => "ist der Theme-Ordner oder enthält ihn",
            _ when IsSameOrInside(target, theme) => "liegt im Theme-Ordner",
            _ when IsSameOrInside(cwd, target) => "ist der Arbeitsordner oder enthält ihn",
            _ when RepositoryRoot(cwd) is { } repo && IsSameOrInside(repo, target) => "ist das Repository oder enthält es",
            _ when target.Split(Path.DirectorySeparatorChar).Contains(".git") => "liegt im Ordner .git eines Repositorys",
            _ => null,
        };
        if (why is not null)
        {
            return $"der Ausgabeordner '{Display(outputDir)}' {why} und wird nicht ersetzt — wählen Sie einen eigenen, neuen Ordner, z. B. --output _site";
        }

        if (File.Exists(target))
        {
            return $"'{Display(outputDir)}' ist eine Datei, kein Ordner — wählen Sie einen anderen Ausgabeordner, z. B. --output _site";
        }

        try
        {
            Recover(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // What cannot be tidied now stays for the next build; the checks below still protect the folder.
        }

        return Directory.Exists(target) ? ForeignFiles(target, outputDir) : null;
    }

    /// <summary>Names files in an existing output folder that no earlier build listed, or null when it is empty or all its own.</summary>
    private static string? ForeignFiles(string target, string outputDir)
    {
        var entries = TopLevel(target);
        if (entries.Count == 0)
        {
            return null;
        }

        var marker = Path.Combine(target, MarkerName);
        var listed = ReadMarker(marker);
        var advice = "wählen Sie einen leeren oder neuen Ordner, oder verschieben Sie die Dateien von Hand";
        if (listed is null && File.Exists(Path.Combine(target, GeneratorVersion.RecordPath)))
        {
            // Built before outputs carried a list of their files: which of them are ours cannot be told any more.
            return $"der Ausgabeordner '{Display(outputDir)}' stammt von einer älteren Version von transferkatalog, die noch nicht festhielt, welche Dateien sie schrieb, und wird nicht ersetzt — löschen Sie ihn einmal von Hand (nachdem Sie eigene Dateien daraus gesichert haben)";
        }

        if (listed is null)
        {
            var names = string.Join(", ", entries.Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(3).Select(n => $"'{Diagnostics.Suggestions.Shown(n!)}'"));
            return $"der Ausgabeordner '{Display(outputDir)}' enthält Dateien, die nicht von transferkatalog stammen ({names}{(entries.Count > 3 ? ", …" : string.Empty)}), und wird nicht ersetzt — {advice}";
        }

        var foreign = new List<string>();
        var pending = new Stack<string>();
        pending.Push(target);
        while (pending.Count > 0 && foreign.Count < 3)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(target, entry.FullName).Replace('\\', '/');
                if (relative.StartsWith("..neu-", StringComparison.Ordinal) || relative.StartsWith("..alt-", StringComparison.Ordinal))
                {
                    continue;
                }

                if (entry is DirectoryInfo { LinkTarget: null })
                {
                    pending.Push(entry.FullName);
                }
                else if (relative != MarkerName && !listed.Contains(relative))
                {
                    foreign.Add(relative);
                }
            }
        }

        if (foreign.Count == 0)
        {
            return null;
        }

        var shown = string.Join(", ", foreign.Order(StringComparer.Ordinal).Select(n => $"'{Diagnostics.Suggestions.Shown(n)}'"));
        return $"der Ausgabeordner '{Display(outputDir)}' enthält Dateien, die der letzte Build nicht geschrieben hat ({shown}), und wird nicht ersetzt — {advice}";
    }

    /// <summary>The files a build listed in its marker, or null when the file is missing or not ours.</summary>
    internal static HashSet<string>? ReadMarker(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length > 64 * 1024 * 1024)
            {
                return null;
            }

            var lines = File.ReadAllLines(path);
            return lines.Length > 0 && lines[0] == MarkerHeader ? lines.Skip(1).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The marker's text for the given files, in ordinal order so equal builds write equal bytes.</summary>
    internal static string MarkerText(IEnumerable<string> relativePaths) =>
        MarkerHeader + "\n" + string.Concat(relativePaths.Order(StringComparer.Ordinal).Select(p => p + "\n"));

    /// <summary>Puts back what a killed build left beside (or, for a mount point, inside) <paramref name="target"/>: restores the old site if the swap was cut off, removes stale staging folders.</summary>
    /// <remarks>Only folders named like ours, carrying our marker and left by a process that no longer runs, are touched.</remarks>
    internal static void Recover(string target)
    {
        if (IsMountPoint(target))
        {
            RecoverInPlace(target);
            return;
        }

        var parent = Path.GetDirectoryName(target);
        var name = Path.GetFileName(target);
        if (parent is null)
        {
            return;
        }

        if (!Directory.Exists(parent))
        {
            return;
        }

        // Matched by exact prefix, not by search pattern: an output named "a*" must not adopt the leftovers of "ab".
        var prefix = $".{name}.";
        foreach (var dir in Directory.EnumerateDirectories(parent).Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal)))
        {
            var suffix = Path.GetFileName(dir)[prefix.Length..];
            var dash = suffix.LastIndexOf('-');
            if (dash < 0 || suffix[..dash] is not ("neu" or "alt") || !int.TryParse(suffix[(dash + 1)..], out var pid) || IsRunning(pid)
                || !File.Exists(Path.Combine(dir, MarkerName)))
            {
                continue;
            }

            if (suffix.StartsWith("alt", StringComparison.Ordinal) && !Directory.Exists(target) && !File.Exists(target))
            {
                // Killed between moving the old site away and moving the new one in: the old one is the last good site.
                Directory.Move(dir, target);
            }
            else
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>Undoes a swap inside a mount point that a killed build left half done, and removes its staging folders.</summary>
    private static void RecoverInPlace(string target)
    {
        foreach (var dir in Directory.EnumerateDirectories(target))
        {
            var name = Path.GetFileName(dir);
            var kind = name.Length > 6 ? name[..6] : string.Empty;
            if (kind is not ("..neu-" or "..alt-") || !int.TryParse(name[6..], out var pid) || IsRunning(pid))
            {
                continue;
            }

            if (kind == "..alt-")
            {
                // With its marker (moved last) the old site was moved aside completely, and whatever stands beside it came from
                // the new one; without, the swap stopped while moving the old site aside, and its entries simply go back.
                if (File.Exists(Path.Combine(dir, MarkerName)))
                {
                    foreach (var entry in TopLevel(target))
                    {
                        DeletePath(entry);
                    }
                }

                foreach (var entry in TopLevel(dir).OrderBy(e => Path.GetFileName(e) == MarkerName))
                {
                    Move(entry, Path.Combine(target, Path.GetFileName(entry)));
                }
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Entries of a folder except the staging and retired folders of an in-place swap.</summary>
    internal static List<string> TopLevel(string dir) =>
        Directory.EnumerateFileSystemEntries(dir)
            .Where(e => Path.GetFileName(e) is var n && !n.StartsWith("..neu-", StringComparison.Ordinal) && !n.StartsWith("..alt-", StringComparison.Ordinal))
            .ToList();

    internal static void Move(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else if (File.Exists(from))
        {
            File.Move(from, to, overwrite: true);
        }
    }

    private static void DeletePath(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Whether another live process has this id; our own id counts as dead, since in a container every run may get the same one.</summary>
    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="path"/> is a mount point (a container volume, a tmpfs): it cannot be renamed, only its contents replaced.</summary>
    internal static bool IsMountPoint(string path)
    {
        const string mountInfo = "/proc/self/mountinfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(mountInfo))
        {
            return false;
        }

        try
        {
            foreach (var line in File.ReadLines(mountInfo))
            {
                // Fields: id parent major:minor root mount-point …; spaces in paths are written as \040.
                var fields = line.Split(' ');
                if (fields.Length > 4 && Unescape(fields[4]) == path)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return false;
        }

        return false;
    }

    private static string Unescape(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

    private static bool IsRoot(string path) =>
        Path.GetPathRoot(path) is { Length: > 0 } root && (path == root || path == Path.TrimEndingDirectorySeparator(root));

    private static bool IsSameOrInside(string path, string folder) => Content.RealPaths.IsSameOrInside(path, folder);

    /// <summary>The nearest folder at or above <paramref name="dir"/> that holds a .git entry.</summary>
    private static string? RepositoryRoot(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git")))
            {
                return d.FullName;
            }
        }

        return null;
    }

    private static string RealPath(string full) => Content.RealPaths.Of(full);

    private static string Display(string outputDir) => Diagnostics.Suggestions.Shown(outputDir);
}
