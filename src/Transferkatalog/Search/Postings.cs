using System.Text;

namespace Transferkatalog.Search;

/// <summary>Compact text encoding of ascending profile numbers: base-36 gaps joined by commas; suche.js decodes it.</summary>
public static class Postings
{
    /// <summary>Encodes ascending numbers, each optionally carrying a weight 0–3 in the two low bits of its gap.</summary>
    public static string Encode(IEnumerable<(int Id, int Weight)> entries)
    {
        var sb = new StringBuilder();
        var previous = -1;
        foreach (var (id, weight) in entries)
        {
            if (id <= previous)
            {
                throw new ArgumentException("Posting ids must ascend", nameof(entries));
            }

            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            AppendBase36(sb, ((long)(id - previous - 1) << 2) | (uint)(weight & 3));
            previous = id;
        }

        return sb.ToString();
    }

    /// <summary>Encodes ascending numbers without weights.</summary>
    public static string Encode(IEnumerable<int> ids) => Encode(ids.Select(id => (id, 0)));

    /// <summary>Decodes what <see cref="Encode(IEnumerable{ValueTuple{int, int}})"/> wrote; for tests and tools.</summary>
    public static IReadOnlyList<(int Id, int Weight)> Decode(string text)
    {
        var result = new List<(int, int)>();
        if (text.Length == 0)
        {
            return result;
        }

        var previous = -1;
        foreach (var part in text.Split(','))
        {
            long value = 0;
            foreach (var c in part)
            {
                value = (value * 36) + (char.IsAsciiDigit(c) ? c - '0' : c - 'a' + 10);
            }

            var id = previous + 1 + (int)(value >> 2);
            result.Add((id, (int)(value & 3)));
            previous = id;
        }

        return result;
    }

    private static void AppendBase36(StringBuilder sb, long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[16];
        var pos = buffer.Length;
        do
        {
            buffer[--pos] = digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        sb.Append(buffer[pos..]);
    }
}
