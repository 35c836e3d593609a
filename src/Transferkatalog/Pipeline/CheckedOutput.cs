using System.Collections.Concurrent;
using Transferkatalog.Checking;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Pipeline;

/// <summary>Link-checks each page as it is rendered and either keeps it in memory or writes it to the staging folder at once.</summary>
/// <remarks>Writing right away means a build never holds the whole site (290 MiB at 10,000 profiles, twice that as text) in memory.</remarks>
internal sealed class CheckedOutput(UrlScheme urls, DiagnosticBag diagnostics, StagedOutput? staged, Func<IReadOnlyDictionary<string, PageBody>?>? bodies = null) : IOutputSink
{
    private readonly OutputChecker.Session check = new(urls, diagnostics, bodies);
    private readonly ConcurrentQueue<OutputFile> laterFiles = new();

    public void Planned(IEnumerable<string> paths) => check.Know(paths);

    public OutputFile AddPage(string relativePath, ReadOnlySpan<char> html)
    {
        check.CheckPage(relativePath, html);
        return staged?.WriteHtml(relativePath, html) ?? OutputFile.FromHtml(relativePath, html);
    }

    public OutputFile Add(OutputFile file)
    {
        // Only pages are read again (their links); an export's bytes need not outlive its writing.
        laterFiles.Enqueue(file.IsHtml || staged is null ? file : new OutputFile(file.RelativePath, []));
        return staged?.Write(file.RelativePath, file.Content) ?? file;
    }

    /// <summary>Checks what could not be checked before every file was known; call after rendering.</summary>
    public void Complete()
    {
        var later = laterFiles.ToList();
        check.Know(later.Select(f => f.RelativePath));
        foreach (var file in later.Where(f => f.IsHtml))
        {
            check.CheckPage(file.RelativePath, System.Text.Encoding.UTF8.GetString(file.Content));
        }

        check.Complete();
    }
}
