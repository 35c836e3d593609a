namespace Transferkatalog.Pipeline;

/// <summary>What to build from where; paths are relative to the working directory.</summary>
/// <remarks>MaxDegreeOfParallelism limits the threads of every stage (null: all cores); output is the same either way.
/// FallbackThemeDir (the bundled default theme) supplies every template, partial and asset ThemeDir does not have.</remarks>
public sealed record BuildOptions(
    string ContentDir = "content",
    string ThemeDir = "themes/default",
    string OutputDir = "_site",
    string? BaseUrl = null,
    DateOnly? ReferenceDate = null,
    int? MaxDegreeOfParallelism = null,
    string? FallbackThemeDir = null);
