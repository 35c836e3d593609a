using System.Text;
using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Theming;

/// <summary>
/// The sample catalogue's pages, byte for byte, against checked-in copies (first written by the Handlebars theme, so
/// the Scriban port is proven to change nothing). After a deliberate change to a template, rewrite them with
/// TK_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GoldenPageTests
{
    private static readonly string GoldenDir = Path.Combine(Repo.Root, "tests", "Transferkatalog.Tests", "Theming", "Golden");

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Site = new(() =>
    {
        var result = new SiteBuilder().Build(new BuildOptions(Repo.Content, Repo.Theme, "unused", null, new DateOnly(2026, 11, 18)), write: false);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Files.ToDictionary(f => f.RelativePath, f => f.Content);
    });

    [Theory]
    [InlineData("index.html", "katalog.html")]
    [InlineData("projekte/digitalboard-owl/index.html", "projekte-digitalboard-owl.html")]
    [InlineData("handlungsfelder/verwaltung/index.html", "handlungsfelder-verwaltung.html")]
    [InlineData("kommunen/kreis-hoexter/index.html", "kommunen-kreis-hoexter.html")]
    [InlineData("seiten/mitmachen/index.html", "seiten-mitmachen.html")]
    [InlineData("404.html", "404.html")]
    public void A_page_of_the_sample_catalogue_is_byte_identical_to_its_golden_copy(string page, string golden)
    {
        var actual = Site.Value[page];
        var path = Path.Combine(GoldenDir, golden);
        if (Environment.GetEnvironmentVariable("TK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, actual);
        }

        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
            var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
            var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
                .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
            Assert.Fail($"{page} differs from {golden} from line {first + 1}:\n- {expectedLines.ElementAtOrDefault(first)}\n+ {actualLines.ElementAtOrDefault(first)}\n(TK_UPDATE_GOLDEN=1 rewrites the golden pages)");
        }
    }
}
