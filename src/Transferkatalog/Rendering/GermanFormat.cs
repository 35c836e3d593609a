using System.Globalization;

namespace Transferkatalog.Rendering;

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
}
