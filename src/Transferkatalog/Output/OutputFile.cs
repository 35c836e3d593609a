namespace Transferkatalog.Output;

/// <summary>A file of the generated site: held in memory, or, once a build has streamed it to the output folder, read back from there.</summary>
public sealed class OutputFile
{
    /// <summary>UTF-8 without a byte order mark, as every page is written.</summary>
    internal static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly byte[]? content;
    private readonly string? writtenTo;

    public OutputFile(string relativePath, byte[] content)
    {
        RelativePath = relativePath;
        this.content = content;
    }

    private OutputFile(string relativePath, string writtenTo)
    {
        RelativePath = relativePath;
        this.writtenTo = writtenTo;
    }

    public string RelativePath { get; }

    /// <summary>The bytes of the file; for a written file they are read from the output folder on each access.</summary>
    /// <remarks>A written build keeps no bytes, so a large site does not sit in memory twice (once as pages, once on disk).</remarks>
    public byte[] Content => content ?? File.ReadAllBytes(writtenTo!);

    public bool IsHtml => RelativePath.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>A page's HTML, encoded as UTF-8 without a byte order mark.</summary>
    public static OutputFile FromHtml(string relativePath, ReadOnlySpan<char> html)
    {
        var bytes = new byte[Utf8.GetByteCount(html)];
        Utf8.GetBytes(html, bytes);
        return new(relativePath, bytes);
    }

    /// <summary>A file already written to <paramref name="fullPath"/>; its bytes are read back only when asked for.</summary>
    public static OutputFile OnDisk(string relativePath, string fullPath) => new(relativePath, fullPath);
}
