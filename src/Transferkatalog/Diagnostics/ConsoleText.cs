using System.Text;

namespace Transferkatalog.Diagnostics;

/// <summary>Makes one printed line safe: values from files, names and options never start a new line or a CI workflow command.</summary>
/// <remarks>
/// A value with an escaped newline ("a\n::error::x", "::stop-commands::") used to put a line on the output that GitHub
/// Actions executes; a file name with a newline split a diagnostic in two. Line breaks, other control characters and bidi
/// overrides become visible escapes, "##[" is broken up, and a line that would begin with "::" gets a leading "> ", since
/// only our own annotations may issue a workflow command.
/// </remarks>
public static class ConsoleText
{
    public static string Line(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => null,
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => $"\\u{(int)c:X4}",
                _ => null,
            };
            if (escape is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            sb.Append(escape);
        }

        // The runner trims leading blanks before looking for "::", and finds the old "##[" form anywhere in a line.
        var line = (sb?.ToString() ?? text).Replace("##[", "##\\[", StringComparison.Ordinal);
        return line.TrimStart().StartsWith("::", StringComparison.Ordinal) ? "> " + line : line;
    }
}
