using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Transferkatalog.BrowserTests;

/// <summary>What the page does to the eye: no layout shift, reflow at 320 px, a header that holds, contact in view, one printed page.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class LayoutTests(SiteUnderTest site, ITestOutputHelper output)
{
    // Sums every layout shift not caused by input, from the first paint on (an upper bound of Chrome's CLS, which
    // takes the worst 5-second window).
    private const string ObserveShifts = """
        window.__shifts = [];
        new PerformanceObserver(list => {
          for (const e of list.getEntries()) {
            if (!e.hadRecentInput) {
              window.__shifts.push({ value: e.value, nodes: (e.sources || []).map(s => s.node ? (s.node.nodeName + '.' + (s.node.className || '') + '#' + (s.node.id || '')) : '?') });
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
        """;

    public static TheoryData<int, int, bool> ShiftCases => new()
    {
        { 1280, 900, false }, { 1280, 900, true }, { 360, 740, false }, { 360, 740, true },
    };

    [Theory]
    [MemberData(nameof(ShiftCases))]
    public async Task The_catalogue_does_not_shift_while_it_loads(int width, int height, bool throttled)
    {
        await using var tp = await site.OpenAsync(width, height);
        await tp.Page.AddInitScriptAsync(ObserveShifts);
        if (throttled)
        {
            // Lighthouse's mobile profile: slow 4G (150 ms, 1.6 Mbit/s down) and a CPU four times slower.
            var cdp = await tp.Context.NewCDPSessionAsync(tp.Page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = 1.6 * 1024 * 1024 / 8, ["uploadThroughput"] = 750 * 1024 / 8,
            });
            await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        }

        var response = await tp.Page.GotoAsync(site.Url(""), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
        Assert.True(response is { Ok: true });
        await tp.Page.WaitForTimeoutAsync(1000);
        var shifts = await tp.Page.EvaluateAsync<Shift[]>("() => window.__shifts");
        var total = shifts.Sum(s => s.Value);
        output.WriteLine($"{width}x{height}{(throttled ? " throttled" : "")}: layout shift {total:0.0000} from {shifts.Length} shifts");
        Assert.True(total < 0.1, $"layout shift {total:0.000} at {width} px{(throttled ? ", throttled" : "")}: " + string.Join("; ", shifts.Select(s => $"{s.Value:0.000} {string.Join(",", s.Nodes)}")));

        // The filters and the search box are there, in their final place, once the script has run.
        await Assertions.Expect(tp.Page.Locator("#filter")).ToBeVisibleAsync();
        await Assertions.Expect(tp.Page.Locator("#suchfeld")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(320)]
    [InlineData(360)]
    public async Task Nothing_overflows_horizontally_on_any_page(int width)
    {
        await using var tp = await site.OpenAsync(width: width, height: 740);
        var failures = new List<string>();
        foreach (var path in PageTypes.All(site))
        {
            await tp.GotoAsync(path);
            if (path.Length == 0)
            {
                // Open every filter group too: the longest labels live in the collapsed ones.
                await tp.Page.EvalOnSelectorAllAsync("#filter details", "ds => ds.forEach(d => d.open = true)");
                await new CatalogPage(tp.Page).OptionsReadyAsync();
            }

            var scroll = await tp.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scroll > width)
            {
                var culprits = await tp.Page.EvaluateAsync<string[]>(
                    $"() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {width}.5).slice(-5).map(e => e.tagName + '.' + e.className)");
                failures.Add($"{Show(path)}: scrollWidth {scroll} ({string.Join(", ", culprits)})");
            }
        }

        Assert.True(failures.Count == 0, $"horizontal overflow at {width} px:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData(320)]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Header_keeps_its_shape_and_main_keeps_its_distance_on_every_page_kind(int width)
    {
        await using var tp = await site.OpenAsync(width: width, height: 740);
        var failures = new List<string>();
        double? headerHeight = null;
        foreach (var path in PageTypes.Representative(site))
        {
            await tp.GotoAsync(path);
            var m = await tp.Page.EvaluateAsync<HeaderMetrics>("""
                () => {
                  const tops = [...document.querySelectorAll('.hauptnavigation li')].map(li => Math.round(li.getBoundingClientRect().top));
                  const brand = document.querySelector('.marke');
                  const range = document.createRange();
                  range.selectNodeContents(brand);
                  const main = document.querySelector('main');
                  const first = main.firstElementChild.getBoundingClientRect();
                  const lastChild = [...main.querySelectorAll('*')].filter(e => e.getClientRects().length).pop().getBoundingClientRect();
                  return {
                    navRows: new Set(tops).size,
                    brandLines: new Set([...range.getClientRects()].map(r => Math.round(r.top))).size,
                    header: document.querySelector('header.kopf').getBoundingClientRect().height,
                    gapTop: first.top - document.querySelector('header.kopf').getBoundingClientRect().bottom,
                    gapBottom: document.querySelector('footer.fuss').getBoundingClientRect().top - lastChild.bottom
                  };
                }
                """);
            if (m.NavRows != 1)
            {
                failures.Add($"{Show(path)}: main navigation on {m.NavRows} lines");
            }

            if (m.BrandLines != 1)
            {
                failures.Add($"{Show(path)}: site name on {m.BrandLines} lines");
            }

            headerHeight ??= m.Header;
            if (Math.Abs(m.Header - headerHeight.Value) > 0.5)
            {
                failures.Add($"{Show(path)}: header {m.Header:0} px high, {headerHeight:0} px on the catalogue");
            }

            if (m.GapTop < 16 || m.GapBottom < 16)
            {
                failures.Add($"{Show(path)}: main content {m.GapTop:0} px below the header, {m.GapBottom:0} px above the footer (at least 16)");
            }
        }

        Assert.True(failures.Count == 0, $"at {width} px:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task No_request_fails_on_any_page_and_no_favicon_is_asked_for_outside_the_site()
    {
        var paths = PageTypes.All(site);
        const int workers = 3;
        var logs = await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var found = new List<string>();
            var outside = new List<string>();
            await using var tp = await site.OpenAsync();
            for (var i = worker; i < paths.Count; i += workers)
            {
                tp.Requests.Clear();
                await tp.GotoAsync(paths[i]);
                await tp.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                found.AddRange(tp.Failures.Select(f => $"{Show(paths[i])}: {f}"));
                tp.Failures.Clear();
                outside.AddRange(tp.Requests.Where(u => !u.StartsWith(site.BaseUrl, StringComparison.Ordinal)).Select(u => $"{Show(paths[i])}: {u}"));
            }

            return (found, outside);
        }));
        var failures = logs.SelectMany(l => l.found).ToList();
        var outsideBase = logs.SelectMany(l => l.outside).ToList();
        Assert.True(failures.Count == 0, "failed requests:\n" + string.Join("\n", failures));
        Assert.True(outsideBase.Count == 0, "requests outside the site's path:\n" + string.Join("\n", outsideBase));

        await using var icon = await site.OpenAsync();
        await icon.GotoAsync("");
        var href = await icon.Page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.StartsWith(SiteUnderTest.SubPath, href);
        var response = await icon.Page.APIRequest.GetAsync(site.Origin + href);
        Assert.True(response.Ok, $"favicon {href}: HTTP {response.Status}");
    }

    [Fact]
    public async Task On_a_phone_the_contact_of_every_profile_is_on_the_first_screen()
    {
        await using var tp = await site.OpenAsync(width: 360, height: 740);
        var failures = new List<string>();
        foreach (var p in site.Catalog.Profiles)
        {
            await tp.GotoAsync($"projekte/{p.Slug}/");
            var contact = tp.Page.Locator("section.kontakt");
            await Assertions.Expect(contact).ToContainTextAsync(p.Kontakt.Organisation);
            var box = await contact.BoundingBoxAsync();
            // The heading, the office and the first way to reach it must be on the first screen without scrolling.
            var firstAction = contact.Locator(".kontakt-wege a").First;
            var lastNeeded = await firstAction.CountAsync() > 0 ? await firstAction.BoundingBoxAsync() : await contact.Locator(".kontakt-stelle").BoundingBoxAsync();
            if (box is null || lastNeeded is null || lastNeeded.Y + lastNeeded.Height > 740)
            {
                failures.Add($"{p.Slug}: contact starts at {box?.Y:0} px, its first action ends at {lastNeeded?.Y + lastNeeded?.Height:0} px (screen 740)");
            }

            if (p.Kontakt.Telefon is { } phone)
            {
                await Assertions.Expect(contact.Locator("a[href^='tel:']")).ToContainTextAsync(phone);
            }

            if (p.Kontakt.Email is { } mail)
            {
                await Assertions.Expect(contact.Locator($"a[href='mailto:{mail}']")).ToBeVisibleAsync();
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_printed_profile_fits_one_A4_page_with_catalogue_name_date_and_address_at_the_top()
    {
        await using var tp = await site.OpenAsync();
        await tp.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var counts = new List<(string Slug, int Pages)>();
        foreach (var p in site.Catalog.Profiles)
        {
            await tp.GotoAsync($"projekte/{p.Slug}/");
            var head = tp.Page.Locator(".druck-kopf");
            await Assertions.Expect(head).ToBeVisibleAsync();
            await Assertions.Expect(head).ToContainTextAsync(site.Catalog.Site.Titel);
            await Assertions.Expect(head).ToContainTextAsync($"Stand: {p.Aktualisiert:dd.MM.yyyy}");
            await Assertions.Expect(head).ToContainTextAsync(site.Url($"projekte/{p.Slug}/"));
            var headBox = await head.BoundingBoxAsync();
            var titleBox = await tp.Page.Locator("h1").BoundingBoxAsync();
            Assert.True(headBox!.Y < titleBox!.Y, $"{p.Slug}: the print header is not above the title");

            // Every source address printed once, after its title; the host in brackets that the screen shows is gone.
            if (p.Links.Count > 0)
            {
                var printed = await tp.Page.EvalOnSelectorAllAsync<string[]>(
                    ".links li", "lis => lis.map(li => li.innerText + getComputedStyle(li.querySelector('a'), '::after').content)");
                Assert.Equal(p.Links.Count, printed.Length);
                for (var i = 0; i < printed.Length; i++)
                {
                    Assert.Single(Regex.Matches(printed[i], Regex.Escape(p.Links[i].Url)));
                    Assert.DoesNotContain($"({new Uri(p.Links[i].Url).Host})", printed[i], StringComparison.Ordinal);
                }
            }

            var pdf = await tp.Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
            counts.Add((p.Slug, PdfPages(pdf)));
        }

        output.WriteLine("printed pages: " + string.Join(", ", counts.Select(c => $"{c.Slug} {c.Pages}")));
        var onePage = counts.Count(c => c.Pages == 1);
        // A typical profile is one page; a profile with a long body may take a second one, never more.
        Assert.True(onePage * 2 > counts.Count, $"only {onePage} of {counts.Count} profiles print on one page: " + string.Join(", ", counts.Select(c => $"{c.Slug} {c.Pages}")));
        Assert.All(counts, c => Assert.True(c.Pages <= 2, $"{c.Slug} prints on {c.Pages} pages"));
    }

    [Fact]
    public async Task Screenshots_of_every_page_kind_at_1280_360_and_320_px()
    {
        Directory.CreateDirectory(site.ScreenshotDir);
        var kinds = PageTypes.Representative(site);
        foreach (var width in new[] { 1280, 360, 320 })
        {
            await using var tp = await site.OpenAsync(width: width, height: width > 400 ? 900 : 740);
            foreach (var path in kinds)
            {
                await tp.GotoAsync(path);
                await tp.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var name = $"{Name(path)}-{width}.png";
                var bytes = await tp.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, name), FullPage = true });
                Assert.True(bytes.Length > 5_000, $"{name} is suspiciously small");
            }
        }

        output.WriteLine($"{kinds.Count * 3} screenshots in {site.ScreenshotDir}");
    }

    /// <summary>Pages of a Chromium PDF: its page objects, each a dictionary of type /Page.</summary>
    internal static int PdfPages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return PageObject().Matches(text).Count;
    }

    private static string Name(string path) => path switch
    {
        "" => "katalog",
        _ when path.StartsWith('?') => "katalog-gefiltert",
        "404.html" => "404",
        _ => path.TrimEnd('/').Replace('/', '-'),
    };

    private static string Show(string path) => path.Length == 0 ? "/" : path;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    // Classes with setters: Playwright fills the results of page scripts through a parameterless constructor.
    private sealed class Shift
    {
        public double Value { get; set; }

        public string[] Nodes { get; set; } = [];
    }

    private sealed class HeaderMetrics
    {
        public int NavRows { get; set; }

        public int BrandLines { get; set; }

        public double Header { get; set; }

        public double GapTop { get; set; }

        public double GapBottom { get; set; }
    }
}
