using System.Text;

namespace Transferkatalog.Rendering;

/// <summary>
/// HTML the generator produced itself (rendered Markdown, a rendered template, encoded JSON-LD): the only kind of value a
/// theme may print without encoding, and only through its raw function; printed normally it is encoded like any text.
/// </summary>
/// <remarks>
/// Large HTML (a profile's body, a page's content inside the layout) is written straight into the page being rendered
/// instead of becoming a string of its own first.
/// </remarks>
public sealed class TrustedHtml
{
    private readonly string? html;
    private readonly Action<StringBuilder>? write;

    private TrustedHtml(string? html, Action<StringBuilder>? write)
    {
        this.html = html;
        this.write = write;
    }

    /// <summary>The HTML as one string (made on each call when the HTML is written on demand).</summary>
    public string Html
    {
        get
        {
            if (html is not null)
            {
                return html;
            }

            var output = new StringBuilder();
            write!(output);
            return output.ToString();
        }
    }

    /// <summary>Marks HTML as produced by the generator; never call it with text that came from content or a template author.</summary>
    internal static TrustedHtml FromGenerator(string html) => new(html, null);

    /// <summary>HTML the generator writes where it is printed; the same rule as <see cref="FromGenerator(string)"/> applies to what it writes.</summary>
    internal static TrustedHtml FromGenerator(Action<StringBuilder> write) => new(null, write);

    /// <summary>Appends the HTML to a page being rendered.</summary>
    internal void WriteTo(StringBuilder output)
    {
        if (html is not null)
        {
            output.Append(html);
        }
        else
        {
            write!(output);
        }
    }

    public override string ToString() => Html;
}
