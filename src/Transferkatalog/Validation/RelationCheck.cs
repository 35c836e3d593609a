using Transferkatalog.Content;
using Transferkatalog.Diagnostics;

namespace Transferkatalog.Validation;

/// <summary>Checks the deliberate relations between profiles (verwandt) once every profile is known, and resolves them both ways.</summary>
public static class RelationCheck
{
    /// <summary>Reports each verwandt entry that names no profile, or the profile itself (TK0130).</summary>
    public static void Report(Catalog catalog, DiagnosticBag diagnostics)
    {
        HashSet<string>? slugs = null;
        foreach (var p in catalog.Profiles)
        {
            foreach (var r in p.Verwandt)
            {
                slugs ??= catalog.Profiles.Select(x => x.Slug).ToHashSet(StringComparer.Ordinal);
                var at = new SourceSpan(p.SourcePath, r.Line, r.Column);
                if (r.Slug == p.Slug)
                {
                    diagnostics.Error(DiagnosticCodes.UnknownRelatedProfile, $"'verwandt' nennt den Steckbrief selbst ('{r.Slug}') — tragen Sie den Dateinamen eines anderen Steckbriefs ein (ohne .md)", at);
                }
                else if (!slugs.Contains(r.Slug))
                {
                    var hint = Suggestions.Hint(r.Slug.EndsWith(".md", StringComparison.Ordinal) ? r.Slug[..^3] : r.Slug, slugs);
                    var advice = hint.Length > 0 ? hint : " — tragen Sie den Dateinamen eines Steckbriefs aus projekte/ ohne .md ein";
                    diagnostics.Error(DiagnosticCodes.UnknownRelatedProfile, $"unbekannter Steckbrief '{Suggestions.Shown(r.Slug)}' in 'verwandt'{advice}", at);
                }
            }
        }
    }

    /// <summary>For each profile (aligned with <paramref name="profiles"/>), the indexes of the profiles it names or that name it, in list order.</summary>
    /// <remarks>A relation is written once, in either file, and shows on both pages.</remarks>
    public static IReadOnlyList<IReadOnlyList<int>> BothWays(IReadOnlyList<Profile> profiles)
    {
        var result = new List<int>?[profiles.Count];
        Dictionary<string, int>? bySlug = null;
        for (var i = 0; i < profiles.Count; i++)
        {
            foreach (var r in profiles[i].Verwandt)
            {
                bySlug ??= Index(profiles);
                if (bySlug.TryGetValue(r.Slug, out var j) && j != i)
                {
                    Add(result, i, j);
                    Add(result, j, i);
                }
            }
        }

        return result.Select(l => l is null ? (IReadOnlyList<int>)[] : l.Distinct().Order().ToList()).ToList();
    }

    private static Dictionary<string, int> Index(IReadOnlyList<Profile> profiles)
    {
        var bySlug = new Dictionary<string, int>(profiles.Count, StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            bySlug.TryAdd(profiles[i].Slug, i);
        }

        return bySlug;
    }

    private static void Add(List<int>?[] lists, int at, int value) => (lists[at] ??= []).Add(value);
}
