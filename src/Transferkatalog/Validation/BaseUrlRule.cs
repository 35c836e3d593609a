using System.Text.RegularExpressions;

namespace Transferkatalog.Validation;

/// <summary>What a base URL must look like, for basis_url in site.yml and for --base-url alike.</summary>
public static partial class BaseUrlRule
{
    /// <summary>Why <paramref name="value"/> cannot be the site's address, in German; null when it can.</summary>
    /// <param name="allowPath">True for --base-url, which may give only the path ("/katalog/") and keep the host from site.yml.</param>
    public static string? Problem(string value, bool allowPath)
    {
        var shown = Diagnostics.Suggestions.Shown(value);
        if (allowPath && value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
        {
            return SafePath().IsMatch(value) ? null : $"'{shown}' ist kein gültiger Pfad — nur Buchstaben a–z, Ziffern, '-', '_', '.' und '/' zwischen den Teilen, z. B. /katalog/";
        }

        if (value.StartsWith('/') || value.Contains('\\', StringComparison.Ordinal) || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"'{shown}' ist keine gültige Adresse — vollständig angeben, z. B. https://org.github.io/transferkatalog/{(allowPath ? " (oder nur den Pfad, z. B. /katalog/)" : string.Empty)}";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"die Adresse muss mit http:// oder https:// beginnen, nicht mit '{Diagnostics.Suggestions.Shown(uri.Scheme)}:'";
        }

        if (string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal) && uri.Host != "localhost")
        {
            return $"'{shown}' hat keinen gültigen Servernamen — z. B. https://org.github.io/transferkatalog/";
        }

        if (uri.UserInfo.Length > 0)
        {
            return $"'{shown}' enthält Zugangsdaten vor dem '@' — schreiben Sie nur die öffentliche Adresse, z. B. {uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || value.Contains('?', StringComparison.Ordinal) || value.Contains('#', StringComparison.Ordinal))
        {
            // Every address of the site is the base URL plus a path; a query or fragment would be silently dropped.
            return $"die Adresse darf weder '?' noch '#' enthalten — schreiben Sie '{Diagnostics.Suggestions.Shown(uri.GetLeftPart(UriPartial.Path))}'";
        }

        return SafePath().IsMatch(uri.AbsolutePath) ? null : $"der Pfad in '{shown}' enthält Zeichen, die in Adressen der Website nicht gehen — nur Buchstaben a–z, Ziffern, '-', '_', '.' und '/', z. B. /katalog/";
    }

    [GeneratedRegex(@"^/(?:[A-Za-z0-9._~-]+/?)*\z")]
    private static partial Regex SafePath();
}
