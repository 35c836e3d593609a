using Transferkatalog.Exports;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.Schema;
using Transferkatalog.Search;
using Transferkatalog.SiteModel;

namespace Transferkatalog.Pipeline;

/// <summary>The pipeline's export step: every file generated besides the pages and the theme's assets.</summary>
/// <remarks>Here rather than in Rendering, so that rendering the pages does not depend on the exports, search index and web editor.</remarks>
internal static class SiteExtras
{
    /// <summary>Open data, feed, sitemap, search index, card data, JSON Schema and the web editor: everything generated besides the pages.</summary>
    /// <param name="emit">Takes each file as soon as it is built (a cold build writes it right away, so the exports' bytes do not all stay in memory until the pages are done) and returns what to keep of it.</param>
    /// <param name="cancellation">Looked at between the larger exports (each takes up to a second at 10,000 profiles): the preview drops a run that a newer save has superseded instead of finishing it.</param>
    public static IReadOnlyList<OutputFile> Build(Site site, IEnumerable<string> pagePaths, ThemeSource? theme = null, Func<OutputFile, OutputFile>? emit = null, CancellationToken cancellation = default)
    {
        var urls = site.Urls;
        var extraFiles = new EmittingList(emit ?? (file => file));

        // JSON Schema for editors' YAML tooling, generated from ContentSchema with this site's registry keys.
        foreach (var schema in JsonSchemaGenerator.All(SiteRenderer.RegistryKeysOf(site), urls.Absolute(urls.Local("schema/"))))
        {
            extraFiles.Add(new OutputFile($"schema/{schema.FileName}", schema.Content));
        }

        extraFiles.Add(new OutputFile(CatalogJsonExport.Path, CatalogJsonExport.Build(site)));
        extraFiles.Add(new OutputFile(CatalogCsvExport.Path, CatalogCsvExport.Build(site)));
        extraFiles.Add(new OutputFile(CsvMetadataExport.Path, CsvMetadataExport.Build(site)));
        cancellation.ThrowIfCancellationRequested();
        extraFiles.Add(new OutputFile(CatalogXlsxExport.Path, CatalogXlsxExport.Build(site)));
        cancellation.ThrowIfCancellationRequested();
        extraFiles.Add(new OutputFile(Dcat.Path, Dcat.Build(site)));
        extraFiles.Add(new OutputFile(FeedExport.Path, FeedExport.Build(site)));
        extraFiles.Add(new OutputFile(FeedExport.PartnerPath, FeedExport.BuildPartnersuche(site)));
        extraFiles.AddRange(SitemapExport.Build(site, pagePaths));
        extraFiles.Add(new OutputFile(SitemapExport.RobotsPath, SitemapExport.Robots(site)));
        cancellation.ThrowIfCancellationRequested();
        extraFiles.AddRange(new SearchIndexBuilder().Build(site));
        cancellation.ThrowIfCancellationRequested();
        extraFiles.AddRange(CatalogDataBuilder.Build(site));
        cancellation.ThrowIfCancellationRequested();

        extraFiles.AddRange(WebEditor.WebEditorFiles.Build(site, theme));

        // GitHub Pages would otherwise run Jekyll over the artifact and hide folders starting with '_'.
        extraFiles.Add(new OutputFile(".nojekyll", []));
        extraFiles.Add(new OutputFile(GeneratorVersion.RecordPath, OutputFile.Utf8.GetBytes(GeneratorVersion.RecordText)));
        return extraFiles.Kept;
    }

    private sealed class EmittingList(Func<OutputFile, OutputFile> emit)
    {
        public List<OutputFile> Kept { get; } = [];

        public void Add(OutputFile file) => Kept.Add(emit(file));

        public void AddRange(IEnumerable<OutputFile> files)
        {
            foreach (var file in files)
            {
                Add(file);
            }
        }
    }
}
