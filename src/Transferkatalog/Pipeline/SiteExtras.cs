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
    /// <remarks>
    /// <paramref name="cancellation"/> is looked at between the larger exports (each takes up to a second at 10,000
    /// profiles): the preview drops a run that a newer save has superseded instead of finishing it.
    /// </remarks>
    public static IReadOnlyList<OutputFile> Build(Site site, IEnumerable<string> pagePaths, ThemeSource? theme = null, CancellationToken cancellation = default)
    {
        var urls = site.Urls;
        var extraFiles = new List<OutputFile>();

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
        return extraFiles;
    }

}
