using System.Reflection;
using System.Text;

namespace Transferkatalog.Rendering;

/// <summary>
/// Which view each template of a theme receives, in one place: the theme loader requires these templates, the engine
/// checks every name a template uses against the view's C# properties when the theme is read, and README's
/// "Theme anpassen" lists them from <see cref="Describe"/> (a test keeps README in step).
/// </summary>
public static class ThemeContract
{
    /// <summary>Template name (file name without extension) and the view it renders.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Templates = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["layout"] = typeof(LayoutView),
        ["katalog"] = typeof(CatalogView),
        ["projekt"] = typeof(ProfileView),
        ["handlungsfelder"] = typeof(TermIndexView),
        ["handlungsfeld"] = typeof(HandlungsfeldView),
        ["kommunen"] = typeof(KommunenIndexView),
        ["kommune"] = typeof(KommuneView),
        ["seite"] = typeof(PlainPageView),
        ["404"] = typeof(NotFoundView),
        ["partnersuche"] = typeof(PartnersucheIndexView),
    };

    /// <summary>Partials of the default theme and the view their includes pass.</summary>
    public static readonly IReadOnlyDictionary<string, Type> DefaultPartials = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["karte"] = typeof(CardView),
        ["verwandt"] = typeof(RelationsView),
        ["partnersuche"] = typeof(PartnersucheView),
        ["seiten"] = typeof(PaginationView),
    };

    /// <summary>The README tables: each template with its variables, then every type those variables contain.</summary>
    public static string Describe(string extension)
    {
        var text = new StringBuilder();
        var nested = new List<Type>();
        text.Append("| Vorlage | bekommt | Variablen |\n|---|---|---|\n");
        foreach (var (name, type) in Templates)
        {
            text.Append($"| `templates/{name}{extension}` | `{type.Name}` | {Members(type, nested)} |\n");
        }

        foreach (var (name, type) in DefaultPartials)
        {
            text.Append($"| `templates/partials/{name}{extension}` | `{type.Name}` | {Members(type, nested)} |\n");
        }

        text.Append("\n| Typ | Felder |\n|---|---|\n");
        for (var i = 0; i < nested.Count; i++)
        {
            if (!DefaultPartials.Values.Contains(nested[i]))
            {
                text.Append($"| `{nested[i].Name}` | {Members(nested[i], nested)} |\n");
            }
        }

        return text.ToString();
    }

    private static string Members(Type type, List<Type> nested) =>
        string.Join(", ", Properties(type).Select(p => $"`{p.Name}` ({Describe(p, nested)})"));

    /// <summary>Public properties in declaration order: what a template can name.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "View records and the lists they hold: the native build roots this assembly (TrimmerRootAssembly in the CLI), so their properties and interfaces are kept.")]
    internal static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .OrderBy(p => p.MetadataToken);

    private static string Describe(PropertyInfo property, List<Type> nested)
    {
        var nullability = new NullabilityInfoContext().Create(property);
        var orEmpty = nullability.ReadState == NullabilityState.Nullable ? " oder leer" : string.Empty;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type == typeof(TrustedHtml) ? $"HTML{orEmpty}, nur mit `raw_html`" : Kind(type, nested) + orEmpty;
    }

    private static string Kind(Type type, List<Type> nested)
    {
        if (type == typeof(string))
        {
            return "Text";
        }

        if (type == typeof(bool))
        {
            return "ja/nein";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "Zahl";
        }

        if (type == typeof(TrustedHtml))
        {
            return "HTML, nur mit `raw_html`";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return "Liste von " + Kind(type.GetGenericArguments()[0], nested);
        }

        if (!nested.Contains(type))
        {
            nested.Add(type);
        }

        return $"`{type.Name}`";
    }
}
