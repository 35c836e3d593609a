using System.Text;
using Transferkatalog.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Transferkatalog.Scaffolding;

/// <summary>Part of the bundled kommunen.yml chosen for a new catalogue: its text, its keys, or why none was chosen.</summary>
public sealed record KommunenSelection(string Text, IReadOnlyList<string> Keys, string? Description, string? Error);

/// <summary>The bundled Kommunen registry as blocks of text, so a chosen part keeps its layout and comments.</summary>
internal sealed class KommunenRegistry
{
    private readonly List<(string Key, string Text, string? Typ, string? Kreis, string? Bezirk, string Name)> entries = [];
    private string header = string.Empty;

    public static KommunenRegistry Parse(string yaml)
    {
        var registry = new KommunenRegistry();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        // Each entry starts with "key:" at the start of a line; what follows up to the next such line belongs to it.
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && lines[i][0] != '#' && lines[i].TrimEnd().EndsWith(':'))
            {
                starts.TryAdd(lines[i].TrimEnd()[..^1], i);
            }
        }

        var ordered = starts.OrderBy(s => s.Value).ToList();
        registry.header = ordered.Count == 0 ? string.Empty : string.Join("\n", lines.Take(ordered[0].Value).Where(l => l.StartsWith('#')));
        for (var n = 0; n < ordered.Count; n++)
        {
            var (key, start) = ordered[n];
            var end = n + 1 < ordered.Count ? ordered[n + 1].Value : lines.Length;
            var text = string.Join("\n", lines[start..end]).TrimEnd() + "\n";
            var node = root.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;
            registry.entries.Add((key, text, Field(node, "typ"), Field(node, "kreis"), Field(node, "regierungsbezirk"), Field(node, "name") ?? key));
        }

        return registry;
    }

    /// <summary>Everything when nothing is asked for; else each Kreis with its towns and each Regierungsbezirk whole.</summary>
    public KommunenSelection Select(IReadOnlyList<string> kreise, IReadOnlyList<string> bezirke)
    {
        if (kreise.Count == 0 && bezirke.Count == 0)
        {
            return new(string.Join("\n", [header, .. entries.Select(e => e.Text)]), entries.Select(e => e.Key).ToList(), null, null);
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        var kreisEntries = entries.Where(e => e.Typ == "kreis").ToList();
        foreach (var wanted in kreise)
        {
            var match = kreisEntries.FirstOrDefault(e => Same(e.Key, wanted) || Same(e.Key, "kreis-" + wanted) || Same(e.Name, wanted) || Same(e.Name, "Kreis " + wanted));
            if (match.Key is null)
            {
                var hint = Suggestions.Hint(wanted, kreisEntries.Select(e => e.Key));
                return Failed($"Kreis '{Suggestions.Shown(wanted)}' gibt es im mitgelieferten Register nicht{hint} (bekannt: {string.Join(", ", kreisEntries.Select(e => e.Key))})");
            }

            names.Add(match.Name);
            chosen.Add(match.Key);
            chosen.UnionWith(entries.Where(e => e.Kreis == match.Key).Select(e => e.Key));
        }

        var known = entries.Select(e => e.Bezirk).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var wanted in bezirke)
        {
            var bezirk = known.FirstOrDefault(b => Same(b, wanted) || Same(Validation.CatalogValidator.ToSlug(b), wanted));
            if (bezirk is null)
            {
                var hint = Suggestions.Hint(wanted, known);
                return Failed($"Regierungsbezirk '{Suggestions.Shown(wanted)}' gibt es im mitgelieferten Register nicht{hint} (bekannt: {string.Join(", ", known)})");
            }

            names.Add($"Regierungsbezirk {bezirk}");
            chosen.UnionWith(entries.Where(e => e.Bezirk == bezirk).Select(e => e.Key));
        }

        var selected = entries.Where(e => chosen.Contains(e.Key)).ToList();
        var description = string.Join(", ", names.Distinct(StringComparer.Ordinal));
        var text = new StringBuilder();
        text.Append("# Kreise, Städte und Gemeinden dieses Katalogs: ").Append(description).Append(",\n");
        text.Append("# ausgewählt aus dem Register, das Transferkatalog mitbringt. Weitere Einträge gleicher Form dürfen hinzu.\n");
        text.Append(string.Join("\n", selected.Select(e => e.Text)));
        return new(text.ToString(), selected.Select(e => e.Key).ToList(), description, null);
    }

    private static KommunenSelection Failed(string error) => new(string.Empty, [], null, error);

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Field(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
