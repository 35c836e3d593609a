using System.Net;
using System.Text;
using Transferkatalog.Output;
using Transferkatalog.Rendering;
using Transferkatalog.SiteModel;

namespace Transferkatalog.WebEditor;

/// <summary>The optional web editor under /admin/: Sveltia CMS from the theme's cms/ folder, its page and its generated config.yml.</summary>
/// <remarks>
/// Sveltia CMS rather than Decap CMS: one 2.1 MB script instead of 5.2 MB plus chunks, sign-in with a personal access
/// token (which needs no OAuth server, so it works on plain GitHub Pages), optional fields left out of the file instead
/// of written as empty strings (which check rejects), a JSON Schema for its configuration in the package, and a
/// test-repo backend for offline tests.
/// </remarks>
public static class WebEditorFiles
{
    /// <summary>The vendored Sveltia CMS version (themes/default/cms/HERKUNFT.md says how to update it).</summary>
    public const string Version = "0.221.1";

    public const string Folder = "admin";

    /// <summary>Nothing when the editor is off; otherwise the page, config.yml and the CMS files.</summary>
    public static IReadOnlyList<OutputFile> Build(Site site, ThemeSource? theme)
    {
        if (site.Config.Redaktion is not { } redaktion || theme is null)
        {
            return [];
        }

        var files = new List<OutputFile>
        {
            new(Routes.OutputPath($"{Folder}/"), Encoding.UTF8.GetBytes(Page(site, redaktion.OAuthUrl))),
            new($"{Folder}/config.yml", Encoding.UTF8.GetBytes(SveltiaConfig.Build(site))),
        };
        foreach (var file in theme.EditorFiles.Where(f => !f.RelativePath.EndsWith(".md", StringComparison.Ordinal)))
        {
            files.Add(new OutputFile($"{Folder}/{file.RelativePath}", File.ReadAllBytes(file.FullPath)));
        }

        return files;
    }

    /// <summary>The editor's page: the script from this site only, and a policy that lets it talk to GitHub and nobody else.</summary>
    /// <remarks>
    /// Sveltia CMS would fetch optional helpers from unpkg.com (image conversion, SVG optimisation, code highlighting);
    /// the policy blocks them, so the editor never loads code from a third party, and those extras stay off.
    /// </remarks>
    private static string Page(Site site, string? oauthUrl)
    {
        var connect = "'self' https://api.github.com https://www.githubstatus.com";
        var frames = "'none'";
        if (oauthUrl is not null && Uri.TryCreate(oauthUrl, UriKind.Absolute, out var oauth))
        {
            connect += " " + oauth.GetLeftPart(UriPartial.Authority);
            frames = oauth.GetLeftPart(UriPartial.Authority);
        }

        var policy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com; font-src 'self' data:; connect-src {connect} blob: data:; frame-src {frames}; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'none'";
        var title = WebUtility.HtmlEncode($"Redaktion – {site.Config.Titel}");
        var help = site.Pages.FirstOrDefault(p => p.Page.Slug == "mitmachen") is { } mitmachen
            ? $"wie auf der Seite <a href=\"{WebUtility.HtmlEncode(mitmachen.Url)}\">{WebUtility.HtmlEncode(mitmachen.Page.Titel)}</a> beschrieben"
            : $"wie im <a href=\"{WebUtility.HtmlEncode(site.Urls.Home)}\">Katalog</a> beschrieben";
        return $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(site.Config.Sprache)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <meta http-equiv="Content-Security-Policy" content="{WebUtility.HtmlEncode(policy)}">
            <title>{title}</title>
            </head>
            <body>
            <noscript><p>Der Web-Editor braucht JavaScript. Steckbriefe lassen sich auch ohne ihn bearbeiten: als Textdateien in <code>content/projekte/</code>, {help}.</p></noscript>
            <script src="sveltia-cms.js"></script>
            </body>
            </html>

            """;
    }
}
