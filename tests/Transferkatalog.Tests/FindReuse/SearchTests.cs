using System.Text.Json;
using Transferkatalog.Language;
using Transferkatalog.Search;
using Transferkatalog.SiteModel;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>Full-text search: folding rules, the generated index, and the real suche.js answering queries over it.</summary>
public sealed class SearchTests : IClassFixture<SearchTests.BuiltSite>
{
    private readonly BuiltSite site;

    public SearchTests(BuiltSite site) => this.site = site;

    /// <summary>The fixture catalogue, built once for all search tests.</summary>
    public sealed class BuiltSite : IDisposable
    {
        public BuiltSite()
        {
            Site = FindReuseSite.Create();
            Result = Site.Build();
            // Profile number → slug, read back from the card data the page script uses.
            var slugs = new SortedDictionary<int, string>();
            foreach (var file in Result.Files.Where(f => f.RelativePath.StartsWith("suche/karten/", StringComparison.Ordinal)))
            {
                var chunk = int.Parse(Path.GetFileNameWithoutExtension(file.RelativePath), System.Globalization.CultureInfo.InvariantCulture);
                using var doc = JsonDocument.Parse(file.Content);
                var i = 0;
                foreach (var card in doc.RootElement.EnumerateArray())
                {
                    var url = card.GetProperty("u").GetString()!;
                    slugs[(chunk * CatalogDataBuilder.CardsPerChunk) + i++] = url.TrimEnd('/').Split('/')[^1];
                }
            }

            Slugs = slugs;
        }

        public TestCatalog Site { get; }

        public Transferkatalog.Pipeline.BuildResult Result { get; }

        public IReadOnlyDictionary<int, string> Slugs { get; }

        public void Dispose() => Site.Dispose();
    }

    [Theory]
    [InlineData("Müll", "mull")]
    [InlineData("muell", "mull")]
    [InlineData("MÜLL", "mull")]
    [InlineData("Straße", "strase")]
    [InlineData("STRASSE", "strase")]
    [InlineData("Öffnungszeiten", "offnungszeiten")]
    [InlineData("oeffnungszeiten", "offnungszeiten")]
    [InlineData("Café", "cafe")]
    [InlineData("sss", "ss")]
    [InlineData("aee", "ae")]
    [InlineData("Quelle", "qulle")]
    [InlineData("MÜEller", "muller")]
    [InlineData("Ssßs", "ss")]
    public void Fold_treats_umlauts_their_spellings_and_case_alike(string input, string expected) =>
        Assert.Equal(expected, SearchText.Fold(input));

    [Fact]
    public void Tokens_split_at_punctuation_and_drop_stop_words_and_single_letters()
    {
        Assert.Equal(["dorfladen", "ratsinformation", "lorawan", "2024"], SearchText.Tokens("Der Dorfladen und die Ratsinformation, LoRaWAN (2024) – a"));
    }

    [Fact]
    public void Every_ascii_and_latin1_character_splits_and_folds_by_the_unicode_definition()
    {
        // The tokenizer decides ASCII without the Unicode tables; this is the definition it must agree with.
        for (var c = '\0'; c <= '\u00FF'; c++)
        {
            var expected = char.IsLetterOrDigit(c) ? [SearchText.Fold("zz" + char.ToLowerInvariant(c) + "zz")] : new[] { "zz", "zz" };

            Assert.True(expected.SequenceEqual(SearchText.Tokens($"zz{c}zz")), $"U+{(int)c:X4}: {string.Join(",", SearchText.Tokens($"zz{c}zz"))}");
        }
    }

    [Fact]
    public void Distinct_tokens_are_the_tokens_without_repeats_in_order_of_first_appearance()
    {
        // Short distinct words, more than the set has room for at first, between repeated ones, umlaut spellings that fold alike, stop words.
        var random = new Random(7);
        var words = Enumerable.Range(0, 20_000).Select(i => $"w{i} " + (random.Next(3) switch
        {
            0 => $"Wort{random.Next(50)}",
            1 => $"Müll{random.Next(40)} muell{random.Next(40)}",
            _ => "und die Straße",
        }));
        var text = string.Join(" ", words);

        Assert.Equal(string.Join(' ', SearchText.Tokens(text).Distinct(StringComparer.Ordinal)), SearchText.DistinctTokens(text));
    }

    [Fact]
    public void Suche_js_folds_exactly_like_the_generator()
    {
        string[] words = ["Müll", "muell", "MÜLL", "Straße", "Strasse", "Maßstab", "Öko", "Über", "Quelle", "Äußere", "naïve", "Crème", "ẞ", "Lüdenscheid", "Höxter", "Coesfeld", "Soest", "Aaa", "sss"];
        var js = JsonSerializer.Deserialize<string[]>(NodeSearch.Eval($"{JsonSerializer.Serialize(words)}.map(window.TransferkatalogSuche.fold)"));
        Assert.Equal(words.Select(SearchText.Fold), js);
    }

    [Fact]
    public void Index_manifest_lists_every_shard_with_its_real_size()
    {
        using var manifest = JsonDocument.Parse(TestCatalog.FileOf(site.Result, "suche/index.json").Content);
        var parts = manifest.RootElement.GetProperty("teile").EnumerateArray().ToList();
        Assert.NotEmpty(parts);
        for (var i = 0; i < parts.Count; i++)
        {
            var shard = TestCatalog.FileOf(site.Result, $"suche/t{i}.json");
            Assert.Equal(shard.Content.Length, parts[i][1].GetInt32());
            using var parsed = JsonDocument.Parse(shard.Content);
            Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
        }

        Assert.Equal(4, manifest.RootElement.GetProperty("profile").GetInt32());
    }

    [Fact]
    public void Muell_MUELL_and_Muell_with_umlaut_find_the_same_profiles()
    {
        var results = Search("Müll", "muell", "MÜLL", "müll");
        var first = results[0].Ids!;
        Assert.All(results, r => Assert.Equal(first, r.Ids));

        // "Müll" as a keyword, and as the beginning of MUELLABFUHR in another profile's body text.
        Assert.Equal(["abfall-app", "lorawan-sensoren"], Slugs(first));
    }

    [Theory]
    [InlineData("Dorfläden", "dorfladen-netz")]
    [InlineData("dorfladen", "dorfladen-netz")]
    [InlineData("Ratsinformation", "ratsinformation")]
    [InlineData("lorawan", "lorawan-sensoren")]
    [InlineData("Genossenschaft", "dorfladen-netz")]
    [InlineData("Lieferdienst", "dorfladen-netz")]
    [InlineData("Supermarkt", "dorfladen-netz")]
    [InlineData("Detmold", "abfall-app ratsinformation")]
    [InlineData("glätte", "lorawan-sensoren")]
    [InlineData("LoRaWAN Nieheim", "lorawan-sensoren")]
    [InlineData("Abholtermine", "abfall-app")]
    public void Finds_profiles_by_title_summary_keyword_partner_municipality_and_body(string query, string expected)
    {
        var result = Search(query).Single();
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), Slugs(result.Ids!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Words_must_all_match_and_unknown_words_find_nothing()
    {
        var results = Search("Dorfladen LoRaWAN", "xyzzy", "und die", "a");
        Assert.Empty(results[0].Ids!);
        Assert.Empty(results[1].Ids!);
        Assert.Null(results[2].Ids);
        Assert.Null(results[3].Ids);
    }

    [Fact]
    public void Title_hits_rank_before_body_hits()
    {
        // "Müll" is a keyword of the Abfall-App but only part of a word in the LoRaWAN body.
        var ids = Search("müll").Single().Ids!;
        Assert.Equal("abfall-app", site.Slugs[ids[0]]);
    }

    [Fact]
    public void Search_combines_with_filters_by_intersection()
    {
        // What katalog.js does: search hits AND (OR within a filter group) AND (next group).
        var hits = Search("müll").Single().Ids!;
        Assert.Equal(["abfall-app"], Slugs(hits.Where(FilterSet("handlungsfeld", "verwaltung").Contains)));
        Assert.Equal(["abfall-app", "lorawan-sensoren"], Slugs(hits.Where(FilterSet("handlungsfeld", "verwaltung", "umwelt").Contains)));
        Assert.Equal(["lorawan-sensoren"], Slugs(hits.Where(id => FilterSet("handlungsfeld", "umwelt").Contains(id) && FilterSet("kommune", "nieheim").Contains(id))));
        Assert.Equal(["abfall-app"], Slugs(hits.Where(FilterSet("nachnutzung", "ja").Contains)));
    }

    [Fact]
    public void Filter_data_matches_the_cards_data_attributes()
    {
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(TestCatalog.TextOf(site.Result, "index.html"));
        foreach (var group in CatalogFilters.FilterGroups.Where(g => g != "nachnutzung"))
        {
            var values = html.QuerySelectorAll($"input[name='{group}']").Select(i => i.GetAttribute("value")!).ToList();
            if (group == "sucht")
            {
                // No partner search runs in this sample: the group is left out (PartnersucheTests covers a running one).
                Assert.Empty(values);
                Assert.Null(html.QuerySelector("#filter-sucht"));
                continue;
            }

            if (values.Count == 0)
            {
                // Kreis and Kommune: options from the file the script fetches when the group opens.
                using var options = System.Text.Json.JsonDocument.Parse(TestCatalog.TextOf(site.Result, CatalogFilters.OptionsPath(group)));
                values = options.RootElement.EnumerateArray().Select(o => o[0].GetString()!).ToList();
            }

            Assert.NotEmpty(values);
            foreach (var value in values)
            {
                var expected = html.QuerySelectorAll("[data-karte]")
                    .Where(c => (c.GetAttribute("data-" + group) ?? string.Empty).Split(' ').Contains(value))
                    .Select(c => int.Parse(c.GetAttribute("data-nr")!, System.Globalization.CultureInfo.InvariantCulture))
                    .ToHashSet();
                Assert.Equal(expected.Order(), FilterSet(group, value).Order());
            }
        }
    }

    [Fact]
    public void Without_javascript_the_search_box_is_hidden_and_every_card_is_listed()
    {
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(TestCatalog.TextOf(site.Result, "index.html"));
        var search = html.QuerySelector("form[role='search']")!;
        // Hidden by the style sheet when there is no script (@media (scripting: none)), never shown late by the script.
        Assert.Contains("nur-mit-skript", search.ClassList);
        Assert.False(search.HasAttribute("hidden"));
        Assert.NotNull(search.QuerySelector("label[for='suchfeld']"));
        Assert.Equal(4, html.QuerySelectorAll("#karten [data-karte]").Length);
        Assert.True(html.QuerySelector("#karten")!.HasAttribute("data-vollstaendig"));

        // The page itself loads no index: only style sheets, fonts, the icon and katalog.js.
        Assert.DoesNotContain("suche/", string.Join(' ', html.QuerySelectorAll("script[src], link[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href"))));
    }

    private HashSet<int> FilterSet(string group, params string[] values) =>
        values.SelectMany(v => Postings.Decode(FilterList(site.Result, group, v) ?? string.Empty).Select(p => p.Id)).ToHashSet();

    /// <summary>A value's filter list found the way katalog.js finds it: the file whose first value (namen.json) is the last not greater than it.</summary>
    internal static string? FilterList(Transferkatalog.Pipeline.BuildResult result, string group, string value) =>
        FilterList(path => TestCatalog.FileOf(result, path).Content, group, value);

    /// <inheritdoc cref="FilterList(Transferkatalog.Pipeline.BuildResult, string, string)"/>
    internal static string? FilterList(Func<string, byte[]> file, string group, string value)
    {
        using var names = JsonDocument.Parse(file("suche/namen.json"));
        var firsts = names.RootElement.GetProperty("filter").GetProperty(group).EnumerateArray().Select(e => e.GetString()!).ToList();
        var at = firsts.FindLastIndex(f => string.CompareOrdinal(f, value) <= 0);
        if (at < 0)
        {
            return null;
        }

        using var lists = JsonDocument.Parse(file($"suche/filter/{group}-{at}.json"));
        return lists.RootElement.TryGetProperty(value, out var list) ? list.GetString() : null;
    }

    private IReadOnlyList<NodeSearch.Result> Search(params string[] queries) => NodeSearch.Run(site.Site.Output, queries);

    private List<string> Slugs(IEnumerable<int> ids) => ids.Select(id => site.Slugs[id]).ToList();
}
