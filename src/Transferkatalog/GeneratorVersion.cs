using System.Reflection;

namespace Transferkatalog;

/// <summary>The generator's version, as shown by --version and the build summary and recorded in the output folder.</summary>
public static class GeneratorVersion
{
    /// <summary>The file in the output folder that names the version that built it; served like .nojekyll, linked from nowhere.</summary>
    public const string RecordPath = ".transferkatalog-version";

    /// <summary>The package version (Directory.Build.props), without build metadata, e.g. "0.1.0".</summary>
    public static string Current { get; } = Read();

    /// <summary>"Transferkatalog 0.1.0" plus a newline: the content of <see cref="RecordPath"/>.</summary>
    public static string RecordText => $"Transferkatalog {Current}\n";

    private static string Read()
    {
        var informational = typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(GeneratorVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
