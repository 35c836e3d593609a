using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Transferkatalog.Benchmarks.Generator;
using Transferkatalog.Checking;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;
using Transferkatalog.Validation;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmarks of the hot pipeline stages, on a generated catalogue.</summary>
public static class StageBenchmarks
{
    /// <summary>Catalogue size for the stage benchmarks; set from --profiles/--kommunen before BenchmarkDotNet starts.</summary>
    internal static (int Profiles, int Kommunen) Size = (1000, 400);

    public static int Run(Options options, string[] args)
    {
        var profiles = options.Int("profiles", 1000);
        Size = (profiles, options.Int("kommunen", Math.Max(4, profiles * 2 / 5)));

        // In-process: BenchmarkDotNet 0.14 cannot generate a project for .NET 10, and one process keeps the generated catalogue.
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(5);
        // Reports go to the temp folder, never into the working tree.
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "tk-benchmarkdotnet"));
        var rest = args.Where((a, i) => !IsOurs(args, i)).ToArray();
        BenchmarkRunner.Run<PipelineStages>(config, rest);
        return 0;
    }

    private static bool IsOurs(string[] args, int i) =>
        args[i] is "--profiles" or "--kommunen" || (i > 0 && args[i - 1] is "--profiles" or "--kommunen");
}

/// <summary>Each benchmark runs one stage over the whole generated catalogue, single-threaded unless the stage itself parallelises.</summary>
[MemoryDiagnoser]
public class PipelineStages
{
    private string contentDir = string.Empty;
    private RawContent raw = null!;
    private Catalog catalog = null!;
    private Site site = null!;
    private ThemeSource themeSource = null!;
    private ICompiledTheme theme = null!;
    private IReadOnlyList<OutputFile> files = null!;
    private List<string> bodiesHtml = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (profiles, kommunen) = StageBenchmarks.Size;
        contentDir = Path.Combine(Path.GetTempPath(), $"tk-stages-{profiles}-{Environment.ProcessId}");
        new CatalogGenerator(profiles, kommunen).Write(contentDir);
        var diagnostics = new DiagnosticBag();
        raw = new ContentLoader().Load(contentDir, diagnostics);
        catalog = new CatalogValidator().Validate(raw, diagnostics) ?? throw new InvalidOperationException("generated catalogue is invalid");
        site = new SiteModelBuilder().Build(catalog, null, new DateOnly(2026, 11, 21));
        themeSource = ThemeLoader.Load(Repo.Theme, new ScribanTemplateEngine().TemplateExtension, diagnostics) ?? throw new InvalidOperationException("theme missing");
        theme = new ScribanTemplateEngine().Compile(themeSource, diagnostics) ?? throw new InvalidOperationException("theme does not compile");
        files = new Pipeline.SiteBuilder().Build(new Pipeline.BuildOptions(contentDir, Repo.Theme, ReferenceDate: new DateOnly(2026, 11, 21)), write: false).Files;
        var markdown = new MarkdownRenderer(site.Urls.BasePath);
        bodiesHtml = catalog.Profiles.Select(p => markdown.Render(p.ParsedBody).Html).ToList();
        if (diagnostics.HasErrors)
        {
            throw new InvalidOperationException(string.Join('\n', diagnostics.ToSortedList().Take(5)));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(contentDir, recursive: true);

    /// <summary>Reading all files and splitting front matter from body.</summary>
    [Benchmark]
    public int LoadAndSplit() => new ContentLoader().Load(contentDir, new DiagnosticBag()).Profiles.Count;

    /// <summary>YAML parsing of every front matter plus schema validation and reference checks.</summary>
    [Benchmark]
    public int FrontMatterParseAndValidate() => new CatalogValidator().Validate(raw, new DiagnosticBag())!.Profiles.Count;

    [Benchmark]
    public int SiteModel() => new SiteModelBuilder().Build(catalog, null, new DateOnly(2026, 11, 21)).Kommunen.Count;

    /// <summary>The one parse of every profile body (safe pipeline, links with positions), one thread, as the validator does it.</summary>
    [Benchmark]
    public int MarkdownParsing() => raw.Profiles.Sum(p => SafeMarkdown.MarkdownBody.Parse(p.Body, p.File.DisplayPath, p.BodyLine).Links.Count);

    /// <summary>HTML from every profile's parsed body, one thread, as the pages get it.</summary>
    [Benchmark]
    public int MarkdownRendering()
    {
        var markdown = new MarkdownRenderer(site.Urls.BasePath);
        var total = 0;
        foreach (var p in catalog.Profiles)
        {
            total += markdown.Render(p.ParsedBody).Html.Length;
        }

        return total;
    }

    /// <summary>Templates only: the plain-page template and layout around each profile's pre-rendered body.</summary>
    [Benchmark]
    public int Templating()
    {
        var total = 0;
        foreach (var html in bodiesHtml)
        {
            total += theme.Render("seite", new PlainPageView("Titel", TrustedHtml.FromGenerator(html))).Length;
        }

        return total;
    }

    /// <summary>The whole render stage (view models, Markdown, templates, every page; not the exports), parallel as in a build.</summary>
    [Benchmark]
    public int RenderAllPages() => new SiteRenderer(theme, themeSource).Render(site).Count;

    /// <summary>Parsing every page and resolving every link, parallel as in a build.</summary>
    [Benchmark]
    public bool LinkCheck()
    {
        var diagnostics = new DiagnosticBag();
        new OutputChecker().Check(files, site.Urls, diagnostics);
        return diagnostics.HasErrors;
    }
}
