using Transferkatalog.Diagnostics;

namespace Transferkatalog.Output;

/// <summary>Pipeline stage 5: writes the site to a fresh folder and swaps it in, so a reader never sees half a site.</summary>
public sealed class SiteWriter
{
    public bool Write(IReadOnlyList<OutputFile> files, string outputDir, DiagnosticBag diagnostics)
    {
        var target = Path.GetFullPath(outputDir);
        var parent = Path.GetDirectoryName(target) ?? ".";
        var name = Path.GetFileName(target);
        var staging = Path.Combine(parent, $".{name}.neu-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{name}.alt-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(parent);
            DeleteIfExists(staging);
            Directory.CreateDirectory(staging);
            foreach (var dir in files.Select(f => Path.GetDirectoryName(f.RelativePath)).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(Path.Combine(staging, dir!));
            }

            Parallel.ForEach(files, Pipeline.Parallelism.Options, f => File.WriteAllBytes(Path.Combine(staging, f.RelativePath), f.Content));

            DeleteIfExists(retired);
            if (Directory.Exists(target))
            {
                Directory.Move(target, retired);
            }

            Directory.Move(staging, target);
            DeleteIfExists(retired);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error("TK0404", $"Ausgabe konnte nicht geschrieben werden ({ex.Message}) — prüfen Sie Schreibrechte und freien Speicher; der bisherige Ausgabeordner bleibt unverändert", SourceSpan.OfFile(outputDir));
            if (!Directory.Exists(target) && Directory.Exists(retired))
            {
                Directory.Move(retired, target);
            }

            TryDelete(staging);
            return false;
        }
    }

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
        catch (IOException)
        {
            // A leftover staging folder is harmless; the next build removes it.
        }
    }
}
