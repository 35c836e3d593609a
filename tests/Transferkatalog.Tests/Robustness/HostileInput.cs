using Transferkatalog.Diagnostics;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Robustness;

/// <summary>A sample catalogue plus one extra profile, checked the way `check` does; shared by the robustness tests.</summary>
public sealed class HostileInput : IDisposable
{
    /// <summary>Front matter of a valid profile, to which tests add or in which they replace one line.</summary>
    public const string ValidFrontMatter = "titel: T\nkurzbeschreibung: K\nhandlungsfelder: [verwaltung]\nkommunen: [brakel]\nstatus: laufend\nkontakt:\n  organisation: O\naktualisiert: 2026-01-01\n";

    public TestCatalog Sample { get; } = TestCatalog.Minimal();

    public void Dispose() => Sample.Dispose();

    public IReadOnlyList<Diagnostic> Check() => Sample.Check().Diagnostics;

    /// <summary>Writes projekte/x.md with the given front matter and body, then checks.</summary>
    public IReadOnlyList<Diagnostic> CheckProfile(string frontMatter, string body = "Text.\n")
    {
        return Sample.WithProfile("x", "---\n" + frontMatter + "---\n" + body).Check().Diagnostics;
    }

    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {string.Join(Environment.NewLine, diagnostics)}");
        return matching[0];
    }
}
