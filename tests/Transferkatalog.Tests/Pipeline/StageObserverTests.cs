using Transferkatalog.Pipeline;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Pipeline;

/// <summary>The orchestrator reports its stages to an <see cref="IStageObserver"/>, in order, for check, build and the preview's rebuild alike.</summary>
public sealed class StageObserverTests
{
    [Fact]
    public void Check_build_and_rebuild_report_their_stages_in_order()
    {
        using var catalog = TestCatalog.Minimal();
        var options = new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, ReferenceDate: TestCatalog.ReferenceDate);

        Assert.Equal(["katalog", "veraltet"], Stages(builder => builder.Check(options)));
        Assert.Equal(["katalog", "veraltet", "modell", "verwandt", "plan", "rendern", "schreiben"], Stages(builder => builder.Build(options)));
        Assert.True(File.Exists(Path.Combine(catalog.Output, "index.html")));

        var cache = new BuildCache();
        string[] cached = ["katalog", "veraltet", "modell", "verwandt", "plan", "rendern", "links", "dateien"];
        Assert.Equal(cached, Stages(builder => builder.Rebuild(options, cache, []).Result));
        Assert.Equal(cached, Stages(builder => builder.Rebuild(options, cache, [Path.Combine(catalog.Content, "projekte", "gemeinsames-rechenzentrum.md")]).Result));
        Assert.Equal(0, cache.LastRendered);
    }

    [Fact]
    public void A_failed_build_reports_the_stages_it_ran()
    {
        using var catalog = TestCatalog.Minimal();
        File.WriteAllText(Path.Combine(catalog.Content, "site.yml"), "titel: [kaputt\n");
        var options = new BuildOptions(catalog.Content, Repo.Theme, catalog.Output, ReferenceDate: TestCatalog.ReferenceDate);
        BuildResult? result = null;
        Assert.Equal(["katalog", "veraltet"], Stages(builder => result = builder.Build(options)));
        Assert.False(result!.Succeeded);
        Assert.False(Directory.Exists(catalog.Output));
    }

    private static List<string> Stages(Func<SiteBuilder, BuildResult> run)
    {
        var observer = new Recorder();
        run(new SiteBuilder { Observer = observer });
        Assert.All(observer.Times, t => Assert.True(t >= TimeSpan.Zero));
        return observer.Names;
    }

    private sealed class Recorder : IStageObserver
    {
        public List<string> Names { get; } = [];

        public List<TimeSpan> Times { get; } = [];

        public void StageDone(string stage, TimeSpan wall, TimeSpan cpu)
        {
            Names.Add(stage);
            Times.Add(wall);
        }
    }
}
