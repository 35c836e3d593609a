namespace Transferkatalog.Rendering;

/// <summary>
/// HTML the generator produced itself (rendered Markdown, a rendered template, encoded JSON-LD): the only kind of value a
/// theme may print without encoding, and only through its raw function; printed normally it is encoded like any text.
/// </summary>
public sealed class TrustedHtml
{
    private TrustedHtml(string html) => Html = html;

    public string Html { get; }

    /// <summary>Marks HTML as produced by the generator; never call it with text that came from content or a template author.</summary>
    internal static TrustedHtml FromGenerator(string html) => new(html);

    public override string ToString() => Html;
}
