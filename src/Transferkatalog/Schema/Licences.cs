namespace Transferkatalog.Schema;

/// <summary>A licence from the controlled vocabulary of DCAT-AP.de (the list GovData offers), for the catalogue's open data.</summary>
/// <param name="Id">The identifier in the vocabulary, e.g. dl-by-de/2.0; what editors write in site.yml.</param>
/// <param name="Name">The licence's German name, shown in the footer and exports.</param>
/// <param name="Url">The licence text for people.</param>
public sealed record Licence(string Id, string Name, string Url)
{
    /// <summary>The controlled URI portals such as GovData and Open.NRW expect in dct:license.</summary>
    public string Uri => Licences.VocabularyBase + Id;
}

/// <summary>The licences a catalogue may choose for its data.</summary>
/// <remarks>
/// Only open licences from https://www.dcat-ap.de/def/licenses/: a catalogue meant to be reused gains nothing from a closed one.
/// The identifiers are the vocabulary's own, so the URI is the identifier appended to the vocabulary base; the short forms that
/// appear in the licence texts' own attribution lines (dl-de/by-2-0, dl-de/zero-2-0) are accepted as aliases.
/// </remarks>
public static class Licences
{
    public const string VocabularyBase = "http://dcat-ap.de/def/licenses/";

    public static readonly IReadOnlyList<Licence> All =
    [
        new("dl-by-de/2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0"),
        new("dl-zero-de/2.0", "Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0"),
        new("cc-by/4.0", "Creative Commons Namensnennung – 4.0 International (CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/deed.de"),
        new("cc-by-sa/4.0", "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen – 4.0 International (CC BY-SA 4.0)", "https://creativecommons.org/licenses/by-sa/4.0/deed.de"),
        new("cc-zero", "Creative Commons CC Zero – Public Domain Dedication (CC0 1.0)", "https://creativecommons.org/publicdomain/zero/1.0/deed.de"),
        new("odbl", "Open Data Commons Open Database License (ODbL)", "https://opendatacommons.org/licenses/odbl/1-0/"),
        new("odc-by", "Open Data Commons Attribution License (ODC-BY 1.0)", "https://opendatacommons.org/licenses/by/1-0/"),
        new("odc-pddl", "Open Data Commons Public Domain Dedication and Licence (PDDL)", "https://opendatacommons.org/licenses/pddl/1-0/"),
    ];

    /// <summary>Short forms from the licence texts themselves, mapped to the vocabulary identifier.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dl-de/by-2-0"] = "dl-by-de/2.0",
        ["dl-de/zero-2-0"] = "dl-zero-de/2.0",
    };

    /// <summary>Datenlizenz Deutschland – Namensnennung 2.0, the licence German public bodies are advised to use for open data.</summary>
    public static Licence Default => All[0];

    /// <summary>Every value site.yml accepts for lizenz: identifiers and aliases.</summary>
    public static readonly IReadOnlyList<string> Keys = [.. All.Select(l => l.Id), .. Aliases.Keys];

    /// <summary>The licence for an identifier or alias; the default for null.</summary>
    public static Licence Find(string? key)
    {
        if (key is null)
        {
            return Default;
        }

        var id = Aliases.TryGetValue(key, out var aliased) ? aliased : key;
        return All.FirstOrDefault(l => l.Id == id) ?? Default;
    }
}
