using System.CommandLine;
using System.CommandLine.Parsing;
using Transferkatalog.Validation;

namespace Transferkatalog.Cli;

/// <summary>Checks of option values that make a wrong call a usage error (exit code 2) before anything runs.</summary>
internal static class OptionChecks
{
    /// <summary>Rejects an empty value such as --output '' (it used to mean the working directory, or crashed).</summary>
    public static T NotEmpty<T>(this T option)
        where T : Option
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                r.AddError($"{option.Name} braucht einen Ordner, z. B. {option.Name} {(option.Name == "--output" ? "_site" : option.Name == "--theme" ? "themes/default" : "content")}");
            }
        });
        return option;
    }

    /// <summary>Validates --base-url exactly like basis_url in site.yml, plus a bare path such as /katalog/.</summary>
    public static Option<string?> ValidBaseUrl(this Option<string?> option)
    {
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (BaseUrlRule.Problem(token.Value, allowPath: true) is { } problem)
                {
                    r.AddError($"--base-url: {problem}");
                }
            }
        });
        return option;
    }

    /// <summary>A port number 0–65535; a word such as "abc" is a usage error, not an exception.</summary>
    public static Option<int> ValidPort(this Option<int> option)
    {
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (!int.TryParse(token.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port > 65535)
                {
                    r.AddError($"--port muss eine Zahl zwischen 0 und 65535 sein, nicht '{Diagnostics.Suggestions.Shown(token.Value)}'");
                }
            }
        });
        return option;
    }
}
