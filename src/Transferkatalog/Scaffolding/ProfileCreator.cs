using System.Text;
using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Schema;
using Transferkatalog.Validation;

namespace Transferkatalog.Scaffolding;

/// <summary>Outcome of <see cref="ProfileCreator.Create"/>: the written file, or why nothing was written.</summary>
public sealed record CreateResult(bool Created, string Message, string? Path);

/// <summary>The `new` command's work: checks the slug, refuses to overwrite, writes the scaffolded profile.</summary>
public static class ProfileCreator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Longest file name `new` writes; it also becomes the page address, and file systems stop at 255 bytes.</summary>
    public const int MaxSlugLength = 80;

    public static CreateResult Create(string contentDir, string? slug, string? titel, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            if (string.IsNullOrWhiteSpace(titel))
            {
                return new(false, "Geben Sie einen Dateinamen (Slug) an, z. B. 'transferkatalog new gemeinsames-rechenzentrum', oder einen Titel mit --titel", null);
            }

            slug = Shorten(CatalogValidator.ToSlug(titel));
        }

        slug = slug.Trim();
        if (slug.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            slug = slug[..^3];
        }

        if (!CatalogValidator.IsSlug(slug))
        {
            return new(false, $"ungültiger Slug '{slug}' — nur Kleinbuchstaben a–z, Ziffern und Bindestriche, Umlaute umschreiben (ä→ae); zum Beispiel '{CatalogValidator.ToSlug(slug)}'", null);
        }

        if (slug.Length > MaxSlugLength)
        {
            return new(false, $"Slug ist zu lang ({slug.Length} Zeichen, höchstens {MaxSlugLength}) — zum Beispiel '{Shorten(slug)}'", null);
        }

        var root = Path.GetFullPath(contentDir);
        if (!Directory.Exists(root))
        {
            return new(false, $"Inhaltsordner '{contentDir}' nicht gefunden — geben Sie ihn mit --content an", null);
        }

        var folder = Path.Combine(root, "projekte");
        var target = Path.Combine(folder, slug + ".md");
        var existing = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, slug + ".md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (existing is not null)
        {
            return new(false, $"{ContentLoader.Display(existing)} gibt es schon — wählen Sie einen anderen Namen oder bearbeiten Sie die vorhandene Datei", null);
        }

        var text = new ProfileScaffolder(ReadKeys(contentDir), today).Render(titel);
        try
        {
            Directory.CreateDirectory(folder);

            // CreateNew, so a file that appeared since the check above is never overwritten.
            using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            stream.Write(Utf8.GetBytes(text));
        }
        catch (IOException ex) when (File.Exists(target))
        {
            return new(false, $"{ContentLoader.Display(target)} gibt es schon ({ex.Message})", null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(false, $"{ContentLoader.Display(target)} konnte nicht geschrieben werden ({ex.Message}) — prüfen Sie die Schreibrechte", null);
        }

        return new(true, $"Neuer Steckbrief: {ContentLoader.Display(target)} — ersetzen Sie die Werte mit „{Placeholder.Marker}“ und prüfen Sie mit 'transferkatalog check'", target);
    }

    /// <summary>Cuts a slug to <see cref="MaxSlugLength"/>, at a word boundary where there is one.</summary>
    private static string Shorten(string slug)
    {
        if (slug.Length <= MaxSlugLength)
        {
            return slug;
        }

        var cut = slug[..MaxSlugLength];
        var lastHyphen = cut.LastIndexOf('-');
        return (lastHyphen > MaxSlugLength / 2 ? cut[..lastHyphen] : cut).TrimEnd('-');
    }

    /// <summary>Registry keys for the comments in the new file; best effort, since the registries may be broken right now.</summary>
    public static RegistryKeys? ReadKeys(string contentDir)
    {
        var scratch = new DiagnosticBag();
        var raw = new ContentLoader().Load(contentDir, scratch);
        var catalog = new CatalogValidator().Validate(raw, scratch);
        if (catalog is null)
        {
            return null;
        }

        return new RegistryKeys(
            catalog.Handlungsfelder.Select(f => f.Key).Order(StringComparer.Ordinal).ToList(),
            catalog.Kommunen.Select(k => k.Key).Order(StringComparer.Ordinal).ToList(),
            catalog.Kommunen.Where(k => k.IsKreis).Select(k => k.Key).Order(StringComparer.Ordinal).ToList());
    }
}
