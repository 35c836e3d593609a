using Transferkatalog.Diagnostics;
using Transferkatalog.Rendering;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Theming;

/// <summary>The Scriban engine on its own: encoding, the raw function, strict names, limits, threads.</summary>
public sealed class TemplateEngineTests
{
    private const string Hostile = "<script>alert('x')</script> \"q\" `b` a=b & c";
    private const string HostileEncoded = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;q&quot; &#x60;b&#x60; a&#x3D;b &amp; c";

    /// <summary>A model with every kind of value a view has: plain, list item, nested member, nullable, trusted HTML.</summary>
    public sealed record Probe(string Value, IReadOnlyList<string> Items, NavLink Nested, IReadOnlyList<NavLink> Links, string? Missing, TrustedHtml Body);

    private static Probe Model() => new(
        Hostile,
        [Hostile, "zwei"],
        new NavLink(Hostile, "/a?x=1&y=\"2\"", true),
        [new NavLink(Hostile, "/l", false)],
        null,
        TrustedHtml.FromGenerator("<p>gerendert &amp; sicher</p>"));

    private static ThemeSource Source(string template, Dictionary<string, string>? partials, Type? model = null) => new(
        "/theme",
        new Dictionary<string, (string, string)> { ["t"] = ("themes/x/templates/t.sbn-html", template) },
        (partials ?? []).ToDictionary(p => p.Key, p => ($"themes/x/templates/partials/{p.Key}.sbn-html", p.Value)),
        [])
    {
        Models = model is null ? new Dictionary<string, Type>() : new Dictionary<string, Type> { ["t"] = model },
    };

    private static ICompiledTheme Compile(string template, DiagnosticBag? diagnostics = null, Dictionary<string, string>? partials = null)
    {
        var bag = diagnostics ?? new DiagnosticBag();
        var theme = new ScribanTemplateEngine().Compile(Source(template, partials), bag);
        Assert.True(theme is not null, string.Join(Environment.NewLine, bag.ToSortedList()));
        return theme;
    }

    private static Diagnostic RenderFails(string template, object model, Dictionary<string, string>? partials = null)
    {
        var theme = Compile(template, partials: partials);
        var ex = Assert.Throws<TemplateRenderException>(() => theme.Render("t", model));
        Assert.Equal("TK0402", ex.Diagnostic.Code);
        return ex.Diagnostic;
    }

    private static IReadOnlyList<Diagnostic> CompileFails(string template, Dictionary<string, string>? partials = null, Type? model = null)
    {
        var bag = new DiagnosticBag();
        Assert.Null(new ScribanTemplateEngine().Compile(Source(template, partials, model), bag));
        return bag.ToSortedList();
    }

    [Theory]
    [InlineData("{{ Value }}")]
    [InlineData("{{ for item in Items }}{{ item }}{{ break }}{{ end }}")]
    [InlineData("{{ Nested.Title }}")]
    [InlineData("{{ for link in Links }}{{ link.Title }}{{ end }}")]
    [InlineData("{{ Value | string.upcase | string.downcase }}")]
    public void Every_kind_of_value_is_encoded_once(string expression)
    {
        Assert.Equal($"<p>{HostileEncoded}</p>", Compile($"<p>{expression}</p>").Render("t", Model()));
    }

    [Fact]
    public void Values_in_attributes_cannot_leave_the_attribute()
    {
        var html = Compile("<a href=\"{{ Nested.Url }}\" title=\"{{ Value }}\" data-x='{{ Value }}'>x</a>").Render("t", Model());
        Assert.Equal($"<a href=\"/a?x&#x3D;1&amp;y&#x3D;&quot;2&quot;\" title=\"{HostileEncoded}\" data-x='{HostileEncoded}'>x</a>", html);
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("a")!;
        Assert.Equal(Hostile, parsed.GetAttribute("title"));
        Assert.Equal(3, parsed.Attributes.Length);
    }

    [Fact]
    public void A_failure_that_is_no_template_mistake_is_one_error_at_the_theme_naming_the_exception_and_whom_to_tell()
    {
        var diagnostics = new DiagnosticBag();

        TemplateRenderException.Report(new AggregateException(new InvalidOperationException("Teil fehlt")), "themes/kreis", diagnostics);

        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(("TK0402", "themes/kreis", Severity.Error), (error.Code, error.File, error.Severity));
        Assert.Contains("InvalidOperationException: Teil fehlt", error.Message);
        Assert.Contains("Fehler des Generators", error.Message);
        Assert.Contains("Katalog-Team", error.Message);
    }

    [Fact]
    public void Literal_template_text_is_written_as_it_is()
    {
        Assert.Equal("<b class=\"a\">'&amp;'</b>\n", Compile("<b class=\"a\">'&amp;'</b>\n").Render("t", Model()));
    }

    [Fact]
    public void A_partial_is_encoded_once_and_gets_its_own_model()
    {
        var partials = new Dictionary<string, string> { ["karte"] = "<li title=\"{{ Title }}\">{{ Title }}</li>" };
        var html = Compile("{{ for link in Links }}{{ include \"karte\" link }}{{ end }}", partials: partials).Render("t", Model());
        Assert.Equal($"<li title=\"{HostileEncoded}\">{HostileEncoded}</li>", html);
    }

    [Fact]
    public void Raw_html_prints_only_what_the_generator_rendered()
    {
        Assert.Equal("<div><p>gerendert &amp; sicher</p></div>", Compile("<div>{{ raw_html Body }}</div>").Render("t", Model()));

        // Printed without the raw function, trusted HTML is still encoded: a forgotten raw_html shows, it never opens a hole.
        Assert.Equal("&lt;p&gt;gerendert &amp;amp; sicher&lt;/p&gt;", Compile("{{ Body }}").Render("t", Model()));

        var refused = RenderFails("<p>\n  {{ raw_html Value }}</p>", Model());
        Assert.Equal(("themes/x/templates/t.sbn-html", 2, 6), (refused.File, refused.Line, refused.Column));
        Assert.Contains("raw_html gibt nur HTML aus, das der Generator selbst erzeugt hat", refused.Message);
    }

    [Theory]
    [InlineData("{{ capture x }}{{ Value }}{{ end }}{{ x }}", "'capture' ist in Vorlagen nicht erlaubt")]
    [InlineData("{{ func f }}{{ $0 }}{{ end }}{{ wrap f }}{{ Value }}{{ end }}", "'wrap' ist in Vorlagen nicht erlaubt")]
    public void Statements_that_would_encode_twice_are_refused_when_the_theme_is_read(string template, string message)
    {
        var error = Assert.Single(CompileFails(template));
        Assert.Equal("TK0402", error.Code);
        Assert.Contains(message, error.Message);
        Assert.Equal("themes/x/templates/t.sbn-html", error.File);
    }

    [Theory]
    [InlineData("{{ html.escape Value }}", "html")]
    [InlineData("{{ include_join [\"a\"] }}", "include_join")]
    [InlineData("{{ date.now }}", "date")]
    public void Builtins_that_encode_twice_or_read_the_clock_do_not_exist(string template, string name)
    {
        var error = RenderFails(template, Model());
        Assert.Contains($"unbekannte Variable '{name}'", error.Message);
    }

    [Fact]
    public void A_misspelt_variable_is_an_error_at_its_line_and_column_with_a_suggestion()
    {
        var error = RenderFails("<h1>\n<p>{{ Valeu }}</p>", Model());
        Assert.Equal(("themes/x/templates/t.sbn-html", 2, 7), (error.File, error.Line, error.Column));
        Assert.Contains("unbekannte Variable 'Valeu'", error.Message);
        Assert.Contains("meinten Sie 'Value'?", error.Message);
    }

    [Fact]
    public void A_misspelt_member_is_an_error_at_its_line_and_column_with_a_suggestion()
    {
        var error = RenderFails("{{ if true }}\n  {{ Nested.Titel }}{{ end }}", Model());
        Assert.Equal(("themes/x/templates/t.sbn-html", 2, 13), (error.File, error.Line, error.Column));
        Assert.Contains("unbekanntes Feld 'Titel'", error.Message);
        Assert.Contains("NavLink hat die Felder Current, Title, Url", error.Message);
        Assert.Contains("meinten Sie 'Title'?", error.Message);
    }

    [Fact]
    public void A_misspelt_name_in_a_partial_is_reported_in_the_partial()
    {
        var partials = new Dictionary<string, string> { ["karte"] = "<li>\n{{ Titl }}</li>" };
        var error = RenderFails("{{ for link in Links }}{{ include \"karte\" link }}{{ end }}", Model(), partials);
        Assert.Equal(("themes/x/templates/partials/karte.sbn-html", 2, 4), (error.File, error.Line, error.Column));
        Assert.Contains("meinten Sie 'Title'?", error.Message);

        // A partial sees only its own model, not the variables of the template that includes it.
        var leak = RenderFails("{{ for link in Links }}{{ include \"karte\" link }}{{ end }}", Model(), new() { ["karte"] = "{{ Value }}" });
        Assert.Equal("themes/x/templates/partials/karte.sbn-html", leak.File);
    }

    [Fact]
    public void An_unknown_partial_is_an_error_with_a_suggestion()
    {
        var error = RenderFails("\n {{ include \"krate\" Nested }}", Model(), new() { ["karte"] = "x" });
        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("unbekanntes Partial 'krate'", error.Message);
        Assert.Contains("meinten Sie 'karte'?", error.Message);
    }

    [Fact]
    public void A_member_of_an_empty_value_is_an_error_that_says_how_to_guard_it()
    {
        var error = RenderFails("{{ Missing.Length }}", Model());
        Assert.Contains("{{ if … }}", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_syntax_error_is_reported_at_parse_time_with_line_and_column()
    {
        var error = Assert.Single(CompileFails("<p>\n{{ if Value }}offen"));
        Assert.Equal(("TK0402", "themes/x/templates/t.sbn-html"), (error.Code, error.File));
        Assert.True(error.Line >= 1 && error.Column >= 1, error.ToString());
        Assert.StartsWith("Syntaxfehler in der Vorlage", error.Message);
    }

    [Fact]
    public void Empty_text_empty_lists_and_null_are_false()
    {
        var model = Model() with { Value = string.Empty, Items = [] };
        Assert.Equal("-+-+", Compile("{{ if Value }}+{{ else }}-{{ end }}{{ if Nested }}+{{ end }}{{ if Items }}+{{ else }}-{{ end }}{{ if Links }}+{{ end }}").Render("t", model));
    }

    [Fact]
    public void A_template_may_keep_its_own_variables_but_not_change_the_model()
    {
        Assert.Equal("3", Compile("{{ n = 1 + 2 }}{{ n }}").Render("t", Model()));
        var error = RenderFails("{{ Nested.Title = \"x\" }}", Model());
        Assert.Contains("kann in einer Vorlage nicht geändert werden", error.Message);
    }

    [Fact]
    public void A_Handlungsfeld_page_with_2000_cards_is_neither_stopped_nor_cut()
    {
        // Scriban stops loops after 1,000 iterations and cuts output at 1 MiB with "..." unless told otherwise.
        var bag = new DiagnosticBag();
        var source = ThemeLoader.Load(Repo.Theme, new ScribanTemplateEngine().TemplateExtension, bag)!;
        var theme = new ScribanTemplateEngine().Compile(source, bag)!;
        var cards = Enumerable.Range(0, 2000).Select(i => new CardView
        {
            Slug = $"p{i}",
            Titel = $"Projekt {i}",
            Url = $"/projekte/p{i}/",
            Kurzbeschreibung = new string('k', 400) + i,
            Status = "laufend",
            StatusLabel = "Laufend",
            Handlungsfelder = [new TermLink("verwaltung", "Verwaltung", "/handlungsfelder/verwaltung/")],
            Kommunen = [new TermLink("brakel", "Brakel", "/kommunen/brakel/")],
            DataHandlungsfelder = "verwaltung",
            DataKommunen = "brakel",
            DataKreise = "kreis-hoexter",
            NachnutzungCount = 0,
            NachnutzungText = null,
            HeadingLevel = "h2",
        }).ToList();
        var html = theme.Render("handlungsfeld", new HandlungsfeldView
        {
            Heading = "Verwaltung",
            Beschreibung = "B",
            CountText = "2.000 Projekte",
            Cards = cards,
            IndexUrl = "/handlungsfelder/",
            FilterUrl = "/?handlungsfeld=verwaltung",
        });

        Assert.True(html.Length > 1 << 20, $"page is only {html.Length} characters");
        Assert.Equal(2000, html.Split("<li class=\"karte\"").Length - 1);
        Assert.Contains("Projekt 1999</a>", html);
        Assert.EndsWith("</li>\n\n</ul>\n", html);
    }

    [Fact]
    public void Parallel_renders_share_the_parsed_theme_and_a_failed_render_leaves_no_trace()
    {
        var partials = new Dictionary<string, string> { ["karte"] = "<li>{{ Title }}</li>" };
        var theme = Compile("{{ for link in Links }}{{ include \"karte\" link }}{{ end }}|{{ Value }}", partials: partials);
        var expected = Enumerable.Range(0, 200).Select(i => $"<li>{i}</li>|v{i}").ToArray();
        var results = new string[200];
        Parallel.For(0, 200, i =>
        {
            // Every fifth render fails half-way (a card of another type); the pool must not hand out its context again.
            if (i % 5 == 0)
            {
                Assert.Throws<TemplateRenderException>(() => theme.Render("t", new { Links = new object[] { new NavLink("a", "/", false), "kein Link" }, Value = "x" }));
            }

            results[i] = theme.Render("t", Model() with { Value = $"v{i}", Links = [new NavLink(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "/", false)] });
        });
        Assert.Equal(expected, results);
    }

    [Fact]
    public void Misspelt_names_in_branches_no_page_takes_are_found_when_the_theme_is_read_all_at_once()
    {
        var errors = CompileFails(
            "{{ if false }}{{ Valeu }}{{ end }}\n{{ for link in Links }}{{ if link.Current }}{{ link.Titel }}{{ end }}{{ lnik.Url }}{{ end }}",
            model: typeof(Probe));

        Assert.Collection(
            errors,
            e => Assert.Equal((1, 18, "unbekannte Variable 'Valeu'"), (e.Line, e.Column, e.Message[..27])),
            e => Assert.Equal((2, 53, "unbekanntes Feld 'Titel'"), (e.Line, e.Column, e.Message[..24])),
            e => Assert.Equal((2, 73, "unbekannte Variable 'lnik'"), (e.Line, e.Column, e.Message[..26])));
        Assert.All(errors, e => Assert.Equal(("TK0402", "themes/x/templates/t.sbn-html"), (e.Code, e.File)));
        Assert.Contains("meinten Sie 'link'?", errors[2].Message);
    }

    [Fact]
    public void A_partial_is_checked_with_the_type_its_include_passes()
    {
        var partials = new Dictionary<string, string> { ["karte"] = "<li>{{ Title }}</li>\n<li>{{ Url.Length }}{{ Curent }}</li>" };
        var error = Assert.Single(CompileFails("{{ for link in Links }}{{ include \"karte\" link }}{{ end }}{{ include \"karte\" Nested }}", partials, typeof(Probe)));
        Assert.Equal(("themes/x/templates/partials/karte.sbn-html", 2, 24), (error.File, error.Line, error.Column));
        Assert.Contains("meinten Sie 'Current'?", error.Message);
    }

    [Fact]
    public void The_default_theme_uses_only_names_its_views_have()
    {
        var bag = new DiagnosticBag();
        var source = ThemeLoader.Load(Repo.Theme, new ScribanTemplateEngine().TemplateExtension, bag)!;
        Assert.Equal(ThemeContract.Templates, source.Models);
        Assert.NotNull(new ScribanTemplateEngine().Compile(source, bag));
        Assert.Empty(bag.ToSortedList());
    }

    [Theory]
    [InlineData(20_000, "{{ if true }}", "{{ end }}")]
    [InlineData(20_000, "{{ (", ") }}")]
    public void A_template_nested_beyond_reason_is_a_diagnostic_not_a_crash(int depth, string open, string close)
    {
        // Checked on a thread with a small stack, as a build's worker threads have.
        var text = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
        IReadOnlyList<Diagnostic>? errors = null;
        var thread = new Thread(() => errors = CompileFails(text, model: typeof(Probe)), 1 << 20);
        thread.Start();
        thread.Join();
        Assert.InRange(errors!.Count, 1, 11);
        Assert.All(errors, e => Assert.Equal("TK0402", e.Code));
    }
    /// <summary>A card-like view several pages share; counts how often a template reads its title.</summary>
    public sealed class SharedCard(string title) : ISharedView
    {
        private readonly RenderMemo memo = new();
        private int reads;

        RenderMemo ISharedView.Memo => memo;

        public int Reads => reads;

        public SharedCard Self => this;

        public string Title
        {
            get
            {
                Interlocked.Increment(ref reads);
                return title;
            }
        }
    }

    /// <summary>A page model listing the same shared card several times, as Kommune and Handlungsfeld pages do.</summary>
    public sealed record CardList(IReadOnlyList<SharedCard> Cards);

    [Fact]
    public void A_shared_view_is_rendered_by_its_partial_once_and_printed_wherever_it_is_included()
    {
        var card = new SharedCard("Bürger & Bus");
        var theme = Compile("{{ for card in Cards }}[{{ include \"karte\" card }}]{{ end }}", partials: new() { ["karte"] = "<h3>{{ Title | string.upcase }}</h3>" });

        var first = theme.Render("t", new CardList([card, card, card]));
        var second = theme.Render("t", new CardList([card]));

        const string once = "[<h3>BÜRGER &amp; BUS</h3>]";
        Assert.Equal((once + once + once, once, 1), (first, second, card.Reads));
    }

    [Theory]
    [InlineData("{{ $n = Title }}{{ $n }}")]
    [InlineData("{{ x = Title }}{{ x }}")]
    [InlineData("{{ Title }}{{ math.uuid | string.size | math.minus 36 }}")]
    [InlineData("{{ include \"innen\" Self }}")]
    public void A_partial_that_assigns_or_asks_for_something_new_is_rendered_at_every_include(string partial)
    {
        var card = new SharedCard("A");
        var theme = Compile(
            "{{ include \"karte\" Cards[0] }}|{{ include \"karte\" Cards[0] }}",
            partials: new() { ["karte"] = partial, ["innen"] = "{{ y = 1 }}{{ Title }}" });

        var html = theme.Render("t", new CardList([card]));

        Assert.Equal(("A|A", 2), (html.Replace("A0", "A", StringComparison.Ordinal), card.Reads));
    }

    /// <summary>A shared view as a record, so a copy with one value changed shares the original's memo field.</summary>
    public sealed record SharedRecord(string Title) : ISharedView
    {
        private readonly RenderMemo memo = new();

        RenderMemo ISharedView.Memo => memo;
    }

    /// <summary>The page model for <see cref="SharedRecord"/>s.</summary>
    public sealed record RecordList(IReadOnlyList<SharedRecord> Cards);

    [Fact]
    public void A_copy_of_a_shared_view_with_other_values_prints_its_own_values()
    {
        // The catalogue's first page shows copies of the cards with their position added.
        var card = new SharedRecord("A");
        var theme = Compile("{{ for card in Cards }}{{ include \"karte\" card }}{{ end }}", partials: new() { ["karte"] = "[{{ Title }}]" });

        Assert.Equal("[A][B][A][B]", theme.Render("t", new RecordList([card, card with { Title = "B" }, card, card with { Title = "B" }])));
    }

    /// <summary>A layout's view: the page's content as the generator hands it over.</summary>
    public sealed record Frame(TrustedHtml Content);

    private static ICompiledTheme CompileWithLayout(string layout, string content)
    {
        var bag = new DiagnosticBag();
        var source = new ThemeSource(
            "/theme",
            new Dictionary<string, (string, string)> { ["t"] = ("themes/x/templates/t.sbn-html", content), ["layout"] = ("themes/x/templates/layout.sbn-html", layout) },
            new Dictionary<string, (string, string)>(),
            []);
        var theme = new ScribanTemplateEngine().Compile(source, bag);
        Assert.True(theme is not null, string.Join(Environment.NewLine, bag.ToSortedList()));
        return theme;
    }

    private static string Page(ICompiledTheme theme, object model) => theme.RenderPage("t", model, content => new Frame(content), html => new string(html));

    [Theory]
    [InlineData("<main>{{ raw_html Content }}</main>", "<main><b>Hallo &amp; tschüss</b></main>")]
    [InlineData("<main>{{ Content }}</main>", "<main>&lt;b&gt;Hallo &amp;amp; tschüss&lt;/b&gt;</main>")]
    [InlineData("<meta content=\"{{ Content.Html | string.size }}\">{{ raw_html Content }}", "<meta content=\"26\"><b>Hallo &amp; tschüss</b>")]
    public void The_layout_prints_the_content_in_place_only_through_the_raw_function(string layout, string expected)
    {
        var theme = CompileWithLayout(layout, "<b>{{ Value }}</b>");

        Assert.Equal(expected, Page(theme, new Probe("Hallo & tschüss", [], new NavLink("a", "/", false), [], null, TrustedHtml.FromGenerator("x"))));
    }

    [Fact]
    public void A_mistake_in_the_content_is_reported_when_the_layout_does_not_print_it()
    {
        var theme = CompileWithLayout("<main></main>", "{{ Missing.Title }}");

        var ex = Assert.Throws<TemplateRenderException>(() => Page(theme, Model()));

        Assert.Equal("themes/x/templates/t.sbn-html", ex.Diagnostic.File);
    }

    [Fact]
    public void A_partial_that_counts_its_calls_with_array_cycle_is_rendered_at_every_include()
    {
        var card = new SharedCard("A");
        var theme = Compile("{{ for card in Cards }}{{ include \"karte\" card }}{{ end }}", partials: new() { ["karte"] = "<li class=\"{{ array.cycle ['u', 'g'] }}\">{{ Title }}</li>" });

        Assert.Equal("<li class=\"u\">A</li><li class=\"g\">A</li><li class=\"u\">A</li>", theme.Render("t", new CardList([card, card, card])));
    }

    [Fact]
    public void A_theme_with_its_own_functions_renders_every_include()
    {
        var card = new SharedCard("A");
        var theme = Compile("{{ func zweimal(c) }}{{ include \"karte\" c }}{{ include \"karte\" c }}{{ end }}{{ zweimal Cards[0] }}", partials: new() { ["karte"] = "{{ Title }}" });

        Assert.Equal(("AA", 2), (theme.Render("t", new CardList([card])), card.Reads));
    }
}
