using System.Text.RegularExpressions;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.SafeMarkdown;
using Transferkatalog.Schema;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Validation;

/// <summary>Pipeline stage 2: validates every document against the schema and resolves references between them.</summary>
public sealed partial class CatalogValidator
{
    /// <summary>Returns the catalogue, or null when nothing usable could be read (diagnostics say why).</summary>
    /// <remarks>A catalogue is returned even when there are errors, so later checks still run; callers stop on errors.</remarks>
    public Catalog? Validate(RawContent raw, DiagnosticBag diagnostics)
    {
        var registries = ValidateRegistries(raw, diagnostics);
        var profiles = new Profile?[raw.Profiles.Count];
        Parallel.For(0, raw.Profiles.Count, Parallelism.Options, i => profiles[i] = ValidateProfile(raw.Profiles[i], registries, diagnostics));
        CheckSlugs(raw.Profiles.Select(SlugSource.Of).ToList(), "projekte", diagnostics);
        return Assemble(registries, profiles.OfType<Profile>());
    }

    /// <summary>Validates site.yml, the two registries and the plain pages: everything a profile is checked against.</summary>
    internal Registries ValidateRegistries(RawContent raw, DiagnosticBag diagnostics)
    {
        var site = raw.Site is null ? null : ReadSite(raw.Site, diagnostics);
        var felder = raw.Handlungsfelder is null ? [] : ReadRegistry(raw.Handlungsfelder, ContentSchema.Handlungsfeld, diagnostics, BindHandlungsfeld);
        var kommunen = raw.Kommunen is null ? [] : ReadRegistry(raw.Kommunen, ContentSchema.Kommune, diagnostics, BindKommune);
        CheckKreisReferences(kommunen, raw.Kommunen, diagnostics);
        CheckAgs(kommunen, diagnostics);

        var references = new ReferenceIndex(
            felder.Select(f => f.Value.Key).ToHashSet(StringComparer.Ordinal),
            kommunen.Select(k => k.Value.Key).ToHashSet(StringComparer.Ordinal),
            kommunen.Where(k => k.Value.IsKreis).Select(k => k.Value.Key).ToHashSet(StringComparer.Ordinal));

        var pages = raw.Pages.Select(p => Guarded(p, diagnostics, () => ReadPage(p, diagnostics))).OfType<Page>().ToList();
        CheckSlugs(raw.Pages.Select(SlugSource.Of).ToList(), "seiten", diagnostics);
        return new Registries(site, felder.Select(f => f.Value).ToList(), kommunen.Select(k => k.Value).ToList(), references, pages);
    }

    /// <summary>Validates one profile against the registries; null when it is unusable (diagnostics say why).</summary>
    internal Profile? ValidateProfile(MarkdownSource source, Registries registries, DiagnosticBag diagnostics) =>
        Guarded(source, diagnostics, () => ReadProfile(source, registries.References, diagnostics));

    /// <summary>The catalogue from validated parts, in the order every later stage relies on; null without a usable site.yml.</summary>
    internal static Catalog? Assemble(Registries registries, IEnumerable<Profile> profiles) =>
        AssembleSorted(registries, profiles.OrderBy(p => p.Slug, StringComparer.Ordinal).ToList());

    /// <summary>Like <see cref="Assemble"/>, for profiles already in slug order (the preview keeps them so).</summary>
    internal static Catalog? AssembleSorted(Registries registries, IReadOnlyList<Profile> profilesBySlug)
    {
        if (registries.Site is null)
        {
            return null;
        }

        return new Catalog(
            registries.Site,
            registries.Handlungsfelder,
            registries.Kommunen,
            profilesBySlug,
            registries.Pages.OrderBy(p => p.Reihenfolge).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList());
    }

    /// <summary>Turns a bug in our own validation of one file into a diagnostic for that file instead of a crash of the whole run.</summary>
    private static T? Guarded<T>(MarkdownSource source, DiagnosticBag diagnostics, Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Error(DiagnosticCodes.InternalError, $"Datei konnte nicht ausgewertet werden ({ex.GetType().Name}: {ex.Message}) — bitte prüfen Sie die YAML-Angaben und melden Sie den Fall dem Katalog-Team", new SourceSpan(source.File.DisplayPath, source.FrontMatterLine, 1));
            return null;
        }
    }

    internal static bool IsSlug(string s) => SlugPattern().IsMatch(s);

    private static SiteConfig? ReadSite(SourceFile file, DiagnosticBag diagnostics)
    {
        var node = YamlDocumentReader.Parse(file.Text, file.DisplayPath, 1, diagnostics);
        if (node is null)
        {
            return null;
        }

        var v = new SchemaValidator(file.DisplayPath, 1, diagnostics, null).Validate(node, ContentSchema.Site, string.Empty);
        if (v is null)
        {
            return null;
        }

        var basis = v.Str("basis_url") ?? "/";
        if (v.Get("basis_url") is { } basisNode && BaseUrlRule.Problem(basis, allowPath: false) is { } problem)
        {
            // The same rule as for --base-url; the schema has already asked for an absolute http(s) address.
            diagnostics.Error(DiagnosticCodes.InvalidUrl, $"'basis_url': {problem}", basisNode.At);
        }

        Redaktion? redaktion = null;
        if (v.Get("redaktion") is { } r && r.Str("repository") is { } repository)
        {
            if (RepositoryPattern().IsMatch(repository))
            {
                redaktion = new Redaktion(repository, r.Str("branch") ?? "main", r.Str("oauth_url"));
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, $"ungültiger Wert '{Suggestions.Shown(repository)}' für 'redaktion.repository' — schreiben Sie Besitzer und Name des GitHub-Repositorys mit Schrägstrich, z. B. kreis-beispiel/transferkatalog", r.Get("repository")!.At);
            }
        }

        return new SiteConfig
        {
            Titel = v.Str("titel") ?? "Transferkatalog",
            Beschreibung = v.Str("beschreibung") ?? string.Empty,
            BasisUrl = basis,
            Sprache = v.Str("sprache") ?? "de",
            VeraltetNachMonaten = (int)(v.Long("veraltet_nach_monaten") ?? 24),
            Betreiber = v.Str("betreiber"),
            Lizenz = Schema.Licences.Find(v.Str("lizenz")),
            Redaktion = redaktion,
        };
    }

    /// <summary>One validated registry entry: where its key stands, its checked fields (for positions) and what they bind to.</summary>
    private sealed record RegistryEntry<T>(SourceSpan At, Validated Fields, T Value);

    private static List<RegistryEntry<T>> ReadRegistry<T>(SourceFile file, FieldSpec entrySpec, DiagnosticBag diagnostics, Func<string, Validated, T> bind)
    {
        var result = new List<RegistryEntry<T>>();
        var node = YamlDocumentReader.Parse(file.Text, file.DisplayPath, 1, diagnostics);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.RegistryNotAMapping, $"{Path.GetFileName(file.DisplayPath)} muss eine Zuordnung von Schlüsseln zu Einträgen enthalten, z. B. 'schluessel:' und darunter eingerückt 'name: …'", new SourceSpan(file.DisplayPath, 1, 1));
            return result;
        }

        var validator = new SchemaValidator(file.DisplayPath, 1, diagnostics, null);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var at = YamlDocumentReader.At(keyNode, file.DisplayPath, 1);
            if (SchemaValidator.KeyProblem(keyNode) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.InvalidRegistryKey, $"{problem} — Schlüssel sind Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. 'kreis-hoexter'", at);
                continue;
            }

            if (!IsSlug(key))
            {
                diagnostics.Error(DiagnosticCodes.InvalidRegistryKey, $"ungültiger Schlüssel '{Suggestions.Shown(key)}' — nur Kleinbuchstaben a–z, Ziffern und Bindestriche, Umlaute umschreiben (ä→ae), z. B. '{Suggestions.Shown(ToSlug(key))}'", at);
                continue;
            }

            // YamlDotNet compares keys with their tags, so "!!str kreis-x:" slips past its duplicate check.
            if (!keys.Add(key))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateKey, $"Schlüssel '{key}' kommt doppelt vor — jeder Schlüssel darf nur einmal stehen; löschen oder vereinen Sie die Einträge", at);
                continue;
            }

            var value = validator.Validate(valueNode, entrySpec, key);
            if (value is not null)
            {
                result.Add(new(at, value, bind(key, value)));
            }
        }

        return result;
    }

    private static Handlungsfeld BindHandlungsfeld(string key, Validated v) =>
        new(key, v.Str("name") ?? key, v.Str("beschreibung") ?? string.Empty);

    private static Kommune BindKommune(string key, Validated v) => new()
    {
        Key = key,
        Name = v.Str("name") ?? key,
        Typ = v.Str("typ") ?? "gemeinde",
        Kreis = v.Str("kreis"),
        Regierungsbezirk = v.Str("regierungsbezirk") ?? string.Empty,
        Land = v.Str("land") ?? string.Empty,
        Einwohner = v.Long("einwohner"),
        Ags = v.Str("ags"),
    };

    /// <summary>Checks the Amtliche Gemeindeschlüssel against each other: length by type, a member's key under its Kreis's, no key twice.</summary>
    /// <remarks>Only what the keys themselves tell; whether a key is the right one for the name cannot be checked without the official register.</remarks>
    private static void CheckAgs(List<RegistryEntry<Kommune>> kommunen, DiagnosticBag diagnostics)
    {
        var byKey = kommunen.ToDictionary(k => k.Value.Key, k => k.Value, StringComparer.Ordinal);
        var firstByAgs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (at, _, kommune) in kommunen)
        {
            if (kommune.Ags is not { } ags)
            {
                continue;
            }

            if (kommune.IsKreis != (ags.Length == 5))
            {
                var expected = kommune.IsKreis ? "5 Ziffern (Land, Regierungsbezirk, Kreis), z. B. \"05762\" für den Kreis Höxter" : "8 Ziffern, z. B. \"05711000\" für Bielefeld";
                diagnostics.Error(DiagnosticCodes.InvalidAgs, $"'{kommune.Key}.ags' = '{ags}' hat {ags.Length} Ziffern — {(kommune.IsKreis ? "ein Kreis" : "eine " + kommune.Typ)} braucht {expected}", at);
                continue;
            }

            if (kommune.Kreis is { } kreisKey && byKey.TryGetValue(kreisKey, out var kreis) && kreis.Ags is { } kreisAgs && !ags.StartsWith(kreisAgs, StringComparison.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.AgsOutsideKreis, $"'{kommune.Key}.ags' = '{ags}' beginnt nicht mit dem Schlüssel ihres Kreises '{kreisKey}' ({kreisAgs}) — prüfen Sie beide Schlüssel im Gemeindeverzeichnis (Destatis, GV-ISys)", at);
            }

            if (!firstByAgs.TryAdd(ags, kommune.Key))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateAgs, $"'{kommune.Key}.ags' = '{ags}' ist schon an '{firstByAgs[ags]}' vergeben — jeder Schlüssel gehört zu genau einer Kommune", at);
            }
        }
    }

    private static void CheckKreisReferences(List<RegistryEntry<Kommune>> kommunen, SourceFile? file, DiagnosticBag diagnostics)
    {
        var byKey = kommunen.ToDictionary(k => k.Value.Key, k => k.Value, StringComparer.Ordinal);
        var kreise = kommunen.Where(k => k.Value.IsKreis).Select(k => k.Value.Key).ToList();
        foreach (var (at, fields, kommune) in kommunen)
        {
            var needsKreis = kommune.Typ is "stadt" or "gemeinde";
            if (needsKreis && kommune.Kreis is null)
            {
                diagnostics.Error(DiagnosticCodes.KreisMissing, $"'{kommune.Key}' ist eine {kommune.Typ} und braucht 'kreis:' mit dem Schlüssel ihres Kreises", at);
            }
            else if (!needsKreis && kommune.Kreis is not null)
            {
                diagnostics.Error(DiagnosticCodes.KreisNotAllowed, $"'{kommune.Key}' ist {(kommune.IsKreis ? "ein Kreis" : "eine kreisfreie Stadt")} und gehört zu keinem Kreis — entfernen Sie 'kreis:'", fields.Get("kreis")?.At ?? at);
            }
            else if (kommune.Kreis is { } kreis && (!byKey.TryGetValue(kreis, out var target) || !target.IsKreis))
            {
                var what = byKey.ContainsKey(kreis) ? $"'{Suggestions.Shown(kreis)}' ist kein Kreis" : $"unbekannter Kreis '{Suggestions.Shown(kreis)}'";
                diagnostics.Error(DiagnosticCodes.UnknownKreis, $"{what} bei '{kommune.Key}'{Suggestions.Hint(kreis, kreise)}", fields.Get("kreis")?.At ?? at);
            }
        }
    }

    private static Profile? ReadProfile(MarkdownSource source, ReferenceIndex references, DiagnosticBag diagnostics)
    {
        var body = ParseBody(source, diagnostics);
        var file = source.File.DisplayPath;
        var node = YamlDocumentReader.Parse(source.FrontMatter, file, source.FrontMatterLine, diagnostics);
        if (node is null || body is null)
        {
            return null;
        }

        var v = new SchemaValidator(file, source.FrontMatterLine, diagnostics, references).Validate(node, ContentSchema.Profile, string.Empty);
        if (v is null)
        {
            return null;
        }

        var kommunen = v.Strings("kommunen");
        if (v.Get("federfuehrung") is { Value: string lead } leadNode && !kommunen.Contains(lead) && references.Kommunen.Contains(lead))
        {
            diagnostics.Error(DiagnosticCodes.FederfuehrungNotAmongKommunen, $"federfuehrung '{lead}' steht nicht unter 'kommunen' — nehmen Sie '{lead}' in die Liste 'kommunen' auf", leadNode.At);
        }

        var titel = v.Str("titel");
        var summary = v.Str("kurzbeschreibung");
        var status = v.Str("status");
        var kontakt = v.Get("kontakt");
        if (titel is null || summary is null || status is null || kontakt?.Str("organisation") is null || v.Get("aktualisiert")?.Value is not DateOnly updated)
        {
            return null;
        }

        var foerderung = v.Get("foerderung");
        var transfer = v.Get("transfer");
        return new Profile
        {
            Slug = source.Slug,
            SourcePath = file,
            Titel = titel,
            Kurzbeschreibung = summary,
            Handlungsfelder = v.Strings("handlungsfelder"),
            Kommunen = kommunen,
            Federfuehrung = v.Str("federfuehrung"),
            Status = status,
            Seit = (int?)v.Long("seit"),
            Stichworte = v.Strings("stichworte"),
            Beteiligte = v.Strings("beteiligte"),
            Rechtsform = v.Str("rechtsform"),
            Finanzierung = v.Str("finanzierung"),
            Foerderung = foerderung?.Str("programm") is { } programm ? new Foerderung(programm, foerderung.Decimal("betrag_eur"), foerderung.Str("zeitraum")) : null,
            Kontakt = ReadKontakt(kontakt, diagnostics),
            Links = v.List("links").Select(l => new Link(l.Str("titel") ?? string.Empty, l.Str("url") ?? string.Empty) { UrlAt = l.Get("url")?.At ?? l.At }).Where(l => l.Url.Length > 0).ToList(),
            Transfer = transfer is null ? null : new Transfer(transfer.Str("uebertragbarkeit"), transfer.Str("aufwand"), transfer.Str("voraussetzungen")),
            Nachnutzung = v.List("nachnutzung").Where(n => n.Str("kommune") is not null).Select(n => new Nachnutzung(n.Str("kommune")!, (int?)n.Long("seit"), n.Str("hinweis"))).ToList(),
            Aktualisiert = updated,
            AktualisiertLine = v.Get("aktualisiert")!.At.Line,
            BodyLine = source.BodyLine,
            ParsedBody = body,
            Verwandt = v.List("verwandt").Where(r => r.Value is string).Select(r => new ProfileReference((string)r.Value, r.At.Line, r.At.Column)).ToList(),
            TitelLine = v.Get("titel")!.At.Line,
            Sucht = v.Get("sucht") is { } sucht && sucht.Strings("wen") is { Count: > 0 } wen && sucht.Str("anliegen") is { } hinweis && sucht.Get("bis") is { Value: DateOnly bis } bisNode
                ? new Partnersuche(wen, hinweis, bis, bisNode.At.Line)
                : null,
        };
    }

    private static Kontakt ReadKontakt(Validated kontakt, DiagnosticBag diagnostics)
    {
        var result = new Kontakt(kontakt.Str("organisation")!, kontakt.Str("name"), kontakt.Str("email"), kontakt.Str("telefon")) { Url = kontakt.Str("url") };
        if (!result.IsReachable)
        {
            // A warning, not an error: an office may be known by name only, but the catalogue exists so that someone can call.
            diagnostics.Warning(DiagnosticCodes.ContactUnreachable, $"Kontakt '{Suggestions.Shown(result.Organisation)}' ist nicht erreichbar: Es fehlen E-Mail, Telefon und Webseite — ergänzen Sie mindestens eins davon (kontakt.email, kontakt.telefon oder kontakt.url, z. B. die Kontaktseite der Dienststelle)", kontakt.At);
        }

        return result;
    }

    private static Page? ReadPage(MarkdownSource source, DiagnosticBag diagnostics)
    {
        var body = ParseBody(source, diagnostics);
        PagePlaceholders.Report(source, diagnostics);
        var file = source.File.DisplayPath;
        var node = YamlDocumentReader.Parse(source.FrontMatter, file, source.FrontMatterLine, diagnostics);
        var v = node is null || body is null ? null : new SchemaValidator(file, source.FrontMatterLine, diagnostics, null).Validate(node, ContentSchema.Page, string.Empty);
        if (v?.Str("titel") is not { } titel)
        {
            return null;
        }

        return new Page(source.Slug, file, titel, v.Str("beschreibung"), (int)(v.Long("reihenfolge") ?? 100), source.Body, source.BodyLine) { ParsedBody = body! };
    }

    /// <summary>Parses the body, the one parse of it in the whole build, and warns about each link it shows as plain text because of its address, so the editor learns why the link is gone.</summary>
    /// <remarks>Done here rather than while rendering: it depends on the file alone, so check, build and the preview (which re-validates an edited file) report it alike.</remarks>
    /// <returns>Null when the body is nested too deeply to render (TK0024 reported); the file is then left out.</returns>
    private static MarkdownBody? ParseBody(MarkdownSource source, DiagnosticBag diagnostics)
    {
        var body = MarkdownBody.Parse(source.Body, source.File.DisplayPath, source.BodyLine);
        if (body.TooDeep is { } deep)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, $"Markdown-Text ist zu tief verschachtelt (mehr als {MarkdownNesting.MaxDepth} Ebenen aus Zitaten '>', Listen, Einrückung oder Klammern) — verwenden Sie höchstens wenige Ebenen", deep);
            return null;
        }

        foreach (var link in body.Defused)
        {
            var what = link.Tag == "img" ? "Bild" : "Link";
            var url = link.Written.Trim();
            var colon = url.IndexOf(':');
            var message = colon > 0
                ? $"{what} '{Suggestions.Shown(url)}' wird nur als Text gezeigt: Adressen mit '{Suggestions.Shown(url[..colon].ToLowerInvariant())}:' sind nicht erlaubt, weil sie Code ausführen oder Inhalte einschleusen können — verwenden Sie eine Adresse mit https://, mailto: oder einen Pfad wie /projekte/<slug>/"
                : $"{what} ohne Adresse wird nur als Text gezeigt — tragen Sie die Adresse in die runden Klammern hinter dem Text ein";
            diagnostics.Warning(DiagnosticCodes.UnsafeMarkdownLink, message, link.At);
        }

        return body;
    }

    /// <summary>Reports invalid file names and slugs used twice (in sub-folders) among one folder's files.</summary>
    internal static void CheckSlugs(IReadOnlyList<SlugSource> sources, string folder, DiagnosticBag diagnostics)
    {
        var firstBySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var at = new SourceSpan(source.DisplayPath, 1, 1);
            if (!IsSlug(source.Slug))
            {
                diagnostics.Error(DiagnosticCodes.InvalidSlug, $"ungültiger Dateiname '{Suggestions.Shown(source.Slug)}.md' — nur Kleinbuchstaben a–z, Ziffern und Bindestriche; benennen Sie die Datei um in '{Suggestions.Shown(ToSlug(source.Slug))}.md'", at);
                continue;
            }

            if (!firstBySlug.TryAdd(source.Slug, source.DisplayPath))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateSlug, $"doppelter Slug '{source.Slug}' — schon vergeben durch {firstBySlug[source.Slug]}; jede Datei in {folder}/ braucht einen eigenen Namen", at);
            }
        }
    }

    /// <summary>Turns a title or name into a URL slug, transliterating German umlauts.</summary>
    public static string ToSlug(string text)
    {
        var lower = text.Trim().ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        var slug = NonSlugChars().Replace(lower, "-").Trim('-');
        return slug.Length == 0 ? "projekt" : slug;
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex SlugPattern();

    /// <summary>GitHub's rules for owner and repository names: letters, digits, '-', '_' and '.'.</summary>
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugChars();
}

/// <summary>Validated settings, registries and plain pages, with the lookup profile validation resolves references against.</summary>
internal sealed record Registries(
    SiteConfig? Site,
    IReadOnlyList<Handlungsfeld> Handlungsfelder,
    IReadOnlyList<Kommune> Kommunen,
    ReferenceIndex References,
    IReadOnlyList<Page> Pages);
