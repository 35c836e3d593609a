using Transferkatalog.Content;
using Transferkatalog.Diagnostics;
using Transferkatalog.Language;
using Transferkatalog.Rendering;

namespace Transferkatalog.Validation;

/// <summary>Warns about profiles nobody has reviewed for longer than the site's threshold, and about partner searches past their until-date.</summary>
public static class StalenessCheck
{
    public static bool IsStale(Profile profile, int months, DateOnly referenceDate) =>
        profile.Aktualisiert <= DateOnly.MaxValue.AddMonths(-months) && profile.Aktualisiert.AddMonths(months) < referenceDate;

    public static void Report(Catalog catalog, DateOnly referenceDate, DiagnosticBag diagnostics)
    {
        foreach (var p in catalog.Profiles.Where(p => IsStale(p, catalog.Site.VeraltetNachMonaten, referenceDate)))
        {
            diagnostics.Warning(
                DiagnosticCodes.StaleProfile,
                $"Steckbrief zuletzt am {GermanFormat.Date(p.Aktualisiert)} überprüft, vor mehr als {catalog.Site.VeraltetNachMonaten} Monaten — Angaben prüfen und 'aktualisiert' auf das heutige Datum setzen",
                new SourceSpan(p.SourcePath, p.AktualisiertLine, 1));
        }

        // An expired partner search is stale in the same way: still on file, no longer true.
        foreach (var p in catalog.Profiles.Where(p => p.Sucht is { } s && !s.IsOpen(referenceDate)))
        {
            diagnostics.Warning(
                DiagnosticCodes.PartnersucheExpired,
                $"Partnersuche ist am {GermanFormat.Date(p.Sucht!.Bis)} abgelaufen und wird nicht mehr angezeigt — 'sucht.bis' verlängern oder den Block 'sucht' entfernen",
                new SourceSpan(p.SourcePath, p.Sucht.BisLine, 1));
        }
    }
}
