using System.Collections;
using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Transferkatalog.Cli;

/// <summary>System.CommandLine's help and error texts in German, for every key of its English resources.</summary>
/// <remarks>
/// The library's German satellite translates only part of its texts ("Show help and usage information", "default",
/// "Description:" stay English) and offers no public way to replace them, so its generated resource class is given a
/// resource manager that answers from this table. A test checks that every key of the installed version is covered.
/// </remarks>
internal static class GermanCommandLineTexts
{
    internal static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ArgumentConversionCannotParse"] = "'{0}' ist kein gültiger Wert (erwartet: {1}).",
        ["ArgumentConversionCannotParseForCommand"] = "'{0}' ist für den Befehl '{1}' kein gültiger Wert (erwartet: {2}).",
        ["ArgumentConversionCannotParseForCommand_Completions"] = "'{0}' ist für den Befehl '{1}' kein gültiger Wert (erwartet: {2}). Möglich sind:{3}",
        ["ArgumentConversionCannotParseForOption"] = "'{0}' ist für die Option '{1}' kein gültiger Wert (erwartet: {2}).",
        ["ArgumentConversionCannotParseForOption_Completions"] = "'{0}' ist für die Option '{1}' kein gültiger Wert (erwartet: {2}). Möglich sind:{3}",
        ["CommandRequiredArgumentMissing"] = "Der Befehl '{1}' braucht die Angabe '{0}'.",
        ["DirectoryDoesNotExist"] = "Ordner nicht gefunden: '{0}'.",
        ["ErrorReadingResponseFile"] = "Antwortdatei '{0}' nicht lesbar: {1}",
        ["ExceptionHandlerHeader"] = "Unerwarteter Fehler: ",
        ["FileDoesNotExist"] = "Datei nicht gefunden: '{0}'.",
        ["FileOrDirectoryDoesNotExist"] = "Datei oder Ordner nicht gefunden: '{0}'.",
        ["HelpAdditionalArgumentsDescription"] = "Argumente, die an das gestartete Programm weitergegeben werden.",
        ["HelpAdditionalArgumentsTitle"] = "Weitere Argumente:",
        ["HelpArgumentDefaultValueLabel"] = "Standard",
        ["HelpArgumentsTitle"] = "Argumente:",
        ["HelpCommandsTitle"] = "Befehle:",
        ["HelpDescriptionTitle"] = "Beschreibung:",
        ["HelpOptionDescription"] = "Hilfe und Aufruf anzeigen",
        ["HelpOptionsRequiredLabel"] = "(PFLICHT)",
        ["HelpOptionsTitle"] = "Optionen:",
        ["HelpUsageAdditionalArguments"] = "[[--] <weitere Argumente>...]]",
        ["HelpUsageCommand"] = "[Befehl]",
        ["HelpUsageOptions"] = "[Optionen]",
        ["HelpUsageTitle"] = "Aufruf:",
        ["InvalidCharactersInFileName"] = "Zeichen in einem Dateinamen nicht erlaubt: '{0}'.",
        ["InvalidCharactersInPath"] = "Zeichen in einem Pfad nicht erlaubt: '{0}'.",
        ["OptionExpectsOneArgument"] = "Die Option '{0}' erwartet einen Wert, angegeben wurden {1}.",
        ["OptionRequiredArgumentMissing"] = "Der Option '{0}' fehlt ihr Wert.",
        ["RequiredCommandWasNotProvided"] = "Kein Befehl angegeben.",
        ["RequiredOptionWasNotProvided"] = "Die Option '{0}' ist Pflicht.",
        ["ResponseFileNotFound"] = "Antwortdatei nicht gefunden: '{0}'.",
        ["SuggestionsTokenNotMatched"] = "'{0}' ist unbekannt. Meinten Sie einen hiervon?",
        ["UnrecognizedArgument"] = "'{0}' ist nicht erlaubt. Möglich sind:{1}",
        ["UnrecognizedCommandOrArgument"] = "Unbekannter Befehl oder unbekannte Option '{0}'.",
        ["VersionOptionCannotBeCombinedWithOtherArguments"] = "Die Option {0} lässt sich nicht mit anderen Angaben verbinden.",
        ["VersionOptionDescription"] = "Version anzeigen",
    };

    private static int installed;

    private const string ResourceClassName = "System.CommandLine.Properties.Resources";

    /// <summary>The library's resource class, or null when a future version renames it (the texts then stay English).</summary>
    /// <remarks>The native build trims System.CommandLine: the dependency keeps the class and its fields there, by name.</remarks>
    private static Type? ResourceClass
    {
        [DynamicDependency(DynamicallyAccessedMemberTypes.NonPublicFields | DynamicallyAccessedMemberTypes.NonPublicProperties, ResourceClassName, "System.CommandLine")]
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Kept by the DynamicDependency above.")]
        get => typeof(RootCommand).Assembly.GetType(ResourceClassName);
    }

    /// <summary>Makes System.CommandLine answer in German from now on; safe to call more than once.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The field is kept by the DynamicDependency on ResourceClass.")]
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }

        var field = ResourceClass?.GetField("s_resourceManager", BindingFlags.Static | BindingFlags.NonPublic);
        if (field?.FieldType == typeof(ResourceManager))
        {
            field.SetValue(null, new GermanResources(ResourceClass!));
        }
    }

    /// <summary>The library's own (English) texts by key, to check the table against.</summary>
    internal static IReadOnlyDictionary<string, string> EnglishTexts()
    {
        var english = new ResourceManager(ResourceClass!);
        var set = english.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty, StringComparer.Ordinal);
    }

    private sealed class GermanResources(Type resourceClass) : ResourceManager(resourceClass)
    {
        public override string? GetString(string name, CultureInfo? culture) =>
            Texts.TryGetValue(name, out var german) ? german : base.GetString(name, CultureInfo.InvariantCulture);

        public override string? GetString(string name) => GetString(name, null);
    }
}
