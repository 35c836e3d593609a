namespace Transferkatalog.Output;

/// <summary>A file of the generated site, held in memory until the whole build has been checked.</summary>
public sealed record OutputFile(string RelativePath, byte[] Content)
{
    public bool IsHtml => RelativePath.EndsWith(".html", StringComparison.Ordinal);
}
