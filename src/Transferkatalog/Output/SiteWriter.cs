using System.Buffers;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Output;

/// <summary>Pipeline stage 5: writes the site to a fresh folder and swaps it in, so a reader never sees half a site.</summary>
public sealed class SiteWriter
{
    public bool Write(IReadOnlyList<OutputFile> files, string outputDir, DiagnosticBag diagnostics)
    {
        using var staged = Stage(outputDir);
        Parallel.ForEach(files, Parallelism.Options, f => staged.Write(f.RelativePath, f.Content));
        return staged.Commit(diagnostics);
    }

    /// <summary>Opens a staging folder next to <paramref name="outputDir"/> that files can be written to while the build still runs.</summary>
    public static StagedOutput Stage(string outputDir) => new(outputDir);
}

/// <summary>A half-written site in a staging folder: swapped in by <see cref="Commit"/>, removed on dispose if never committed.</summary>
/// <remarks>Write failures are remembered rather than thrown, so a build that fails for other reasons reports only those,
/// as it did when nothing was written before the check.</remarks>
public sealed class StagedOutput : IDisposable
{
    private readonly string outputDir;
    private readonly string target;
    private readonly string staging;
    private readonly string retired;
    private readonly bool inPlace;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> written = new(StringComparer.Ordinal);
    private Exception? failure;
    private bool committed;

    internal StagedOutput(string outputDir)
    {
        this.outputDir = outputDir;

        // Resolved, so "out/" stages beside out rather than inside it, and a link to the output keeps pointing at the new site.
        target = OutputFolder.Resolve(outputDir);
        var parent = Path.GetDirectoryName(target) ?? ".";
        var name = Path.GetFileName(target);

        // A mount point cannot be renamed; its contents are swapped inside it instead, from a staging folder on the same volume.
        inPlace = OutputFolder.IsMountPoint(target);
        var home = inPlace ? target : parent;
        var prefix = inPlace ? string.Empty : name;
        staging = Path.Combine(home, $".{prefix}.neu-{Environment.ProcessId}");
        retired = Path.Combine(home, $".{prefix}.alt-{Environment.ProcessId}");
        Guard(() =>
        {
            Directory.CreateDirectory(parent);
            OutputFolder.Recover(target);

            DeleteIfExists(staging);
            Directory.CreateDirectory(staging);

            // Marked from the start, so a later build recognises this folder as ours if this process is killed.
            File.WriteAllText(Path.Combine(staging, OutputFolder.MarkerName), OutputFolder.MarkerHeader + "\n");
        });
    }

    /// <summary>Writes one file to the staging folder; safe to call from several threads.</summary>
    /// <returns>The file as it will be found in the output folder after <see cref="Commit"/>.</returns>
    public OutputFile Write(string relativePath, byte[] content) => Write(relativePath, content.AsSpan());

    /// <inheritdoc cref="Write(string, byte[])"/>
    public OutputFile Write(string relativePath, ReadOnlySpan<byte> content)
    {
        // Not through Guard: a span cannot be captured by a lambda.
        if (!Failed)
        {
            try
            {
                var path = Path.GetFullPath(Path.Combine(staging, relativePath));
                if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relativePath == OutputFolder.MarkerName)
                {
                    // Every name comes from checked slugs; this guards the folder against a bug letting "../" through.
                    throw new IOException($"Pfad '{Diagnostics.Suggestions.Shown(relativePath)}' liegt außerhalb des Ausgabeordners");
                }

                var dir = Path.GetDirectoryName(path);
                if (dir is not null)
                {
                    Directory.CreateDirectory(dir);
                }

                File.WriteAllBytes(path, content);
                written.TryAdd(relativePath.Replace('\\', '/'), 0);
            }
            catch (Exception ex) when (IsWriteFailure(ex))
            {
                Remember(ex);
            }
        }

        return OutputFile.OnDisk(relativePath, Path.Combine(target, relativePath));
    }

    /// <summary>Writes a page's HTML as UTF-8 through a pooled buffer, so a written page leaves no bytes behind for the collector.</summary>
    /// <inheritdoc cref="Write(string, byte[])"/>
    public OutputFile WriteHtml(string relativePath, ReadOnlySpan<char> html)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(OutputFile.Utf8.GetByteCount(html));
        try
        {
            var length = OutputFile.Utf8.GetBytes(html, buffer);
            return Write(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Swaps the staging folder in for the output folder; reports TK0404 and keeps the old folder when any write failed.</summary>
    public bool Commit(DiagnosticBag diagnostics)
    {
        Guard(() => File.WriteAllText(Path.Combine(staging, OutputFolder.MarkerName), OutputFolder.MarkerText(written.Keys)));
        Guard(() =>
        {
            if (inPlace)
            {
                SwapInPlace();
            }
            else
            {
                DeleteIfExists(retired);
                if (Directory.Exists(target))
                {
                    Directory.Move(target, retired);
                }

                try
                {
                    Directory.Move(staging, target);
                }
                catch (Exception ex) when (IsWriteFailure(ex))
                {
                    Directory.Move(retired, target);
                    throw;
                }
            }

            committed = true;
        });

        if (committed)
        {
            // The new site is in place; an old one that cannot be deleted (read-only files) is tidied by the next build.
            TryDelete(retired);
        }

        if (failure is null)
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.OutputNotWritable, $"Ausgabe konnte nicht geschrieben werden ({failure.Message}) — prüfen Sie Schreibrechte und freien Speicher; der bisherige Ausgabeordner bleibt unverändert", SourceSpan.OfFile(outputDir));
        if (!committed && !Directory.Exists(target) && Directory.Exists(retired))
        {
            Directory.Move(retired, target);
        }

        return false;
    }

    /// <summary>Replaces the contents of a mount point: old entries move into <see cref="retired"/>, new ones up from <see cref="staging"/>.</summary>
    private void SwapInPlace()
    {
        // The old marker goes last and the new one last: a folder holding a marker is always complete enough to be restored.
        Directory.CreateDirectory(retired);
        foreach (var entry in OutputFolder.TopLevel(target).OrderBy(e => Path.GetFileName(e) == OutputFolder.MarkerName))
        {
            OutputFolder.Move(entry, Path.Combine(retired, Path.GetFileName(entry)));
        }

        foreach (var entry in OutputFolder.TopLevel(staging).OrderBy(e => Path.GetFileName(e) == OutputFolder.MarkerName))
        {
            OutputFolder.Move(entry, Path.Combine(target, Path.GetFileName(entry)));
        }

        Directory.Delete(staging);
    }

    public void Dispose()
    {
        if (!committed)
        {
            TryDelete(staging);
        }
    }

    /// <summary>Runs a file-system step unless an earlier one failed, remembering the first failure.</summary>
    private void Guard(Action step)
    {
        if (Failed)
        {
            return;
        }

        try
        {
            step();
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            Remember(ex);
        }
    }

    private bool Failed => Volatile.Read(ref failure) is not null;

    private static bool IsWriteFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    private void Remember(Exception ex) => Interlocked.CompareExchange(ref failure, ex, null);

    private static void DeleteIfExists(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            DeleteIfExists(dir);
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            // A leftover staging folder is harmless; the next build removes it.
        }
    }
}
