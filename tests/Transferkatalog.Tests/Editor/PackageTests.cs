using System.Text.Json;
using System.Xml.Linq;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>The Transferkatalog.Tool package: metadata for NuGet, nothing shipped that only tests need, German resources only.</summary>
public sealed class PackageTests
{
    private static string Output(string file) => Path.Combine(AppContext.BaseDirectory, file);

    [Fact]
    public void The_tool_depends_on_no_AngleSharp_and_carries_only_German_satellites()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Output("Transferkatalog.Cli.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();
        Assert.Contains(libraries, l => l.StartsWith("System.CommandLine/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.StartsWith("AngleSharp", StringComparison.OrdinalIgnoreCase));

        var locales = deps.RootElement.GetProperty("targets").EnumerateObject().SelectMany(t => t.Value.EnumerateObject())
            .SelectMany(l => l.Value.TryGetProperty("resources", out var r) ? r.EnumerateObject().Select(x => x.Value.GetProperty("locale").GetString()) : [])
            .Distinct().ToList();
        Assert.Equal(["de"], locales);
    }

    [Fact]
    public void The_tool_rolls_forward_to_newer_runtimes()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Output("Transferkatalog.Cli.runtimeconfig.json")));
        Assert.Equal("Major", config.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString());
    }

    [Fact]
    public void The_package_describes_itself()
    {
        var project = XDocument.Load(Path.Combine(Repo.Root, "src", "Transferkatalog.Cli", "Transferkatalog.Cli.csproj"));
        string? Property(string name) => project.Descendants(name).FirstOrDefault()?.Value;

        Assert.Equal("Transferkatalog.Tool", Property("PackageId"));
        foreach (var name in new[] { "Description", "Authors", "PackageLicenseExpression", "PackageProjectUrl", "RepositoryUrl" })
        {
            Assert.False(string.IsNullOrWhiteSpace(Property(name)), name);
        }

        Assert.Equal("README.md", Property("PackageReadmeFile"));
        Assert.Contains(project.Descendants("None"), n => (string?)n.Attribute("Include") == @"..\..\README.md" && (string?)n.Attribute("Pack") == "true");
    }
}
