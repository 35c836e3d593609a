namespace Transferkatalog.Pipeline;

/// <summary>What to build from where; paths are relative to the working directory.</summary>
public sealed record BuildOptions(
    string ContentDir = "content",
    string ThemeDir = "themes/default",
    string OutputDir = "_site",
    string? BaseUrl = null,
    DateOnly? ReferenceDate = null);
