namespace Transferkatalog.Output;

/// <summary>Receives the site's files while they are produced, so a build can check and write each page as soon as it exists.</summary>
public interface IOutputSink
{
    /// <summary>Called once before any page is rendered, with the paths of every page and asset.</summary>
    void Planned(IEnumerable<string> paths);

    /// <summary>Takes a rendered page, whose characters are valid only during the call; called from several threads at once.</summary>
    /// <returns>The file to list in the build result.</returns>
    OutputFile AddPage(string relativePath, ReadOnlySpan<char> html);

    /// <summary>Takes an asset or generated export after all pages; called from several threads at once.</summary>
    /// <returns>The file to list in the build result.</returns>
    OutputFile Add(OutputFile file);
}

/// <summary>Keeps every file in memory, as the preview and the tests need them.</summary>
public sealed class InMemoryOutput : IOutputSink
{
    public static readonly InMemoryOutput Instance = new();

    public void Planned(IEnumerable<string> paths)
    {
    }

    public OutputFile AddPage(string relativePath, ReadOnlySpan<char> html) => OutputFile.FromHtml(relativePath, html);

    public OutputFile Add(OutputFile file) => file;
}
