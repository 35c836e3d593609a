namespace Transferkatalog.Diagnostics;

/// <summary>A position in a content file: display path plus 1-based line and column (0 when unknown).</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan OfFile(string file) => new(file, 0, 0);
}
