using Transferkatalog.Diagnostics;

namespace Transferkatalog.Validation;

/// <summary>A value that passed its schema check, with the place it came from.</summary>
/// <remarks>Value is a string, long, decimal, DateOnly, a list of Validated or a map of name to Validated.</remarks>
internal sealed record Validated(object Value, SourceSpan At)
{
    public string? Str(string key) => Map.TryGetValue(key, out var v) ? v.Value as string : null;

    public long? Long(string key) => Map.TryGetValue(key, out var v) && v.Value is long l ? l : null;

    public decimal? Decimal(string key) => Map.TryGetValue(key, out var v) && v.Value is decimal d ? d : null;

    public Validated? Get(string key) => Map.TryGetValue(key, out var v) ? v : null;

    public IReadOnlyList<Validated> List(string key) =>
        Map.TryGetValue(key, out var v) && v.Value is List<Validated> list ? list : [];

    public IReadOnlyList<string> Strings(string key) => List(key).Select(v => v.Value).OfType<string>().ToList();

    public IReadOnlyDictionary<string, Validated> Map => Value as Dictionary<string, Validated> ?? Empty;

    private static readonly Dictionary<string, Validated> Empty = new();
}
