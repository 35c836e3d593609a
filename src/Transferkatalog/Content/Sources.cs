namespace Transferkatalog.Content;

/// <summary>A text file read from the content folder: BOM removed, line endings normalised to LF.</summary>
public sealed record SourceFile(string FullPath, string DisplayPath, string Text);

/// <summary>A Markdown file split into its YAML front matter and body, with the line each part starts on.</summary>
public sealed record MarkdownSource(string Slug, SourceFile File, string FrontMatter, int FrontMatterLine, string Body, int BodyLine);

/// <summary>What the slug checks need of a Markdown file: its slug and where it is, without its text.</summary>
public readonly record struct SlugSource(string Slug, string DisplayPath)
{
    /// <summary>The slug and path of <paramref name="source"/>.</summary>
    public static SlugSource Of(MarkdownSource source) => new(source.Slug, source.File.DisplayPath);
}

/// <summary>Everything read from disk, before any validation.</summary>
public sealed record RawContent(
    string ContentRoot,
    SourceFile? Site,
    SourceFile? Handlungsfelder,
    SourceFile? Kommunen,
    IReadOnlyList<MarkdownSource> Profiles,
    IReadOnlyList<MarkdownSource> Pages);
