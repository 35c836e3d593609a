using System.Globalization;

namespace Transferkatalog.Language;

/// <summary>German display formats built by hand, so output never depends on the machine's installed cultures.</summary>
public static class GermanFormat
{
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Euro(decimal amount)
    {
        var text = amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);
        return text.Replace(',', '\u2009').Replace('.', ',').Replace('\u2009', '.') + "\u00a0€";
    }

    public static string Number(long value) =>
        value.ToString("#,##0", CultureInfo.InvariantCulture).Replace(',', '.');

    public static string Count(int n, string singular, string plural) => n == 1 ? $"1 {singular}" : $"{Number(n)} {plural}";

    public static string Status(string status) => status switch
    {
        "geplant" => "Geplant",
        "laufend" => "Laufend",
        "abgeschlossen" => "Abgeschlossen",
        "eingestellt" => "Eingestellt",
        _ => status,
    };

    public static string KommuneTyp(string typ) => typ switch
    {
        "kreis" => "Kreis",
        "kreisfreie-stadt" => "Kreisfreie Stadt",
        "stadt" => "Stadt",
        "gemeinde" => "Gemeinde",
        _ => typ,
    };

    public static string Uebertragbarkeit(string? level) => level switch
    {
        "hoch" => "hoch",
        "mittel" => "mittel",
        "gering" => "gering",
        _ => level ?? string.Empty,
    };

    /// <summary>"sucht Partner", "sucht Nachnutzer" or "sucht Partner und Nachnutzer", for badges and feed entries.</summary>
    public static string SuchtText(IReadOnlyList<string> wen) =>
        "sucht " + string.Join(" und ", Schema.ContentSchema.SearchTargets.Where(wen.Contains).Select(SuchtLabel));

    /// <summary>What a partner search looks for, as a noun: Partner, Nachnutzer.</summary>
    public static string SuchtLabel(string wen) => wen switch
    {
        "partner" => "Partner",
        "nachnutzer" => "Nachnutzer",
        _ => wen,
    };

    /// <summary>
    /// A Kommune's name in the genitive with its article, for "Projekte mit Beteiligung …": "des Kreises Höxter",
    /// "des Hochsauerlandkreises", "der Stadt Paderborn", "der Gemeinde Altenbeken", "der Städteregion Aachen".
    /// </summary>
    public static string Genitiv(string name, string typ)
    {
        if (typ == "kreis")
        {
            // The word that names the Kreis takes the genitive ending; the place name after it stays as it is.
            var words = name.Split(' ');
            var at = Array.FindIndex(words, w => w.EndsWith("kreis", StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                words[at] += "es";
                return "des " + string.Join(' ', words);
            }

            return FeminineRegion(name) ? "der " + name : "des Kreises " + name;
        }

        var noun = typ == "gemeinde" ? "Gemeinde" : "Stadt";
        return StartsWithWord(name, noun) || StartsWithWord(name, "Hansestadt") ? "der " + name : $"der {noun} {name}";
    }

    /// <summary>A Kreis's name after "in" with its article: "im Kreis Höxter", "im Hochsauerlandkreis", "in der Städteregion Aachen".</summary>
    public static string ImKreis(string name) =>
        FeminineRegion(name) && !name.Split(' ').Any(w => w.EndsWith("kreis", StringComparison.OrdinalIgnoreCase)) ? "in der " + name : "im " + name;

    private static bool FeminineRegion(string name) => StartsWithWord(name, "Städteregion") || StartsWithWord(name, "Region");

    private static bool StartsWithWord(string name, string word) =>
        name.StartsWith(word + " ", StringComparison.Ordinal);

    /// <summary>The label of a list that may hold one entry or several: "Handlungsfeld" or "Handlungsfelder".</summary>
    public static string Label(int n, string singular, string plural) => n == 1 ? singular : plural;
}
