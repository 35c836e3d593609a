using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Transferkatalog.BrowserTests;

/// <summary>The page skeleton BITV asks for, on every generated page: language, skip link, landmarks, one h1, labels.</summary>
[Collection(SiteCollection.Name)]
public sealed class StructureTests(SiteUnderTest site)
{
    [Fact]
    public void Every_page_has_language_de_skip_link_landmarks_one_h1_and_labelled_controls()
    {
        var parser = new HtmlParser();
        var failures = new List<string>();
        foreach (var path in site.HtmlPages)
        {
            var file = Path.Combine(site.SiteDir, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
            using var doc = parser.ParseDocument(File.ReadAllText(file));
            void Check(bool ok, string what)
            {
                if (!ok)
                {
                    failures.Add($"{(path.Length == 0 ? "/" : path)}: {what}");
                }
            }

            Check(doc.DocumentElement.GetAttribute("lang") == "de", "html lang is not \"de\"");
            Check(doc.QuerySelectorAll("h1").Length == 1, $"{doc.QuerySelectorAll("h1").Length} h1 elements");
            var skip = doc.QuerySelector("body > a[href^='#']");
            Check(skip is not null && doc.Body!.FirstElementChild == skip, "the first element of body is not a skip link");
            var target = skip?.GetAttribute("href")?[1..];
            Check(target is not null && doc.GetElementById(target)?.LocalName == "main", "the skip link does not lead to main");
            Check(doc.QuerySelectorAll("main").Length == 1, "not exactly one main");
            Check(doc.QuerySelector("body > header") is not null, "no page header (banner)");
            Check(doc.QuerySelector("body > footer") is not null, "no page footer (contentinfo)");
            Check(doc.QuerySelectorAll("nav").All(n => n.HasAttribute("aria-label") || n.HasAttribute("aria-labelledby")), "a nav without a name");
            foreach (var control in doc.QuerySelectorAll("input:not([type=hidden]), select, textarea").Cast<IHtmlElement>())
            {
                var id = control.Id;
                var labelled = (id is { Length: > 0 } && doc.QuerySelector($"label[for='{id}']") is not null)
                    || control.Closest("label") is not null
                    || control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby");
                Check(labelled, $"form control {control.OuterHtml[..Math.Min(80, control.OuterHtml.Length)]} has no label");
            }
        }

        Assert.NotEmpty(site.HtmlPages);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
