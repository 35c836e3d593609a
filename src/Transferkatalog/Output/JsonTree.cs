using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Transferkatalog.Output;

/// <summary>Writes the open data and search files, trees of dictionaries, lists, text and numbers, as JSON with <see cref="Utf8JsonWriter"/>.</summary>
/// <remarks>
/// The native (AOT) build has no reflection-based <see cref="JsonSerializer"/>, and source generation needs every runtime
/// type named in advance: these trees hold whatever list a field returns (arrays, lists, the compiler's own collection
/// types), so they are walked by interface. Same writer, same encoder: the bytes are those the serializer wrote.
/// </remarks>
public static class JsonTree
{
    /// <summary>Umlauts and other letters as they are, for files served as JSON and never embedded in HTML.</summary>
    public static readonly JavaScriptEncoder Readable = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>The tree as UTF-8 JSON; an unsupported value type is a programming error and throws.</summary>
    public static byte[] ToUtf8Bytes(object? tree, bool indented = false)
    {
        var buffer = new Chunks();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Readable, Indented = indented }))
        {
            Write(writer, tree);
        }

        return buffer.ToArray();
    }

    /// <summary>Written bytes in chunks of at most 1 MiB, joined once at the end.</summary>
    /// <remarks>katalog.json is 17 MiB at 10,000 profiles: a doubling buffer allocated and copied 32 MiB of large
    /// objects on the way, each allocation a chance for a full collection (1.7 % of a build's CPU samples).</remarks>
    private sealed class Chunks : System.Buffers.IBufferWriter<byte>
    {
        private const int MaxChunk = 1 << 20;
        private readonly List<(byte[] Bytes, int Used)> done = [];
        private byte[] current = new byte[4096];
        private int used;

        public void Advance(int count) => used += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).Span;

        public byte[] ToArray()
        {
            var result = new byte[done.Sum(c => c.Used) + used];
            var at = 0;
            foreach (var (bytes, count) in done)
            {
                bytes.AsSpan(0, count).CopyTo(result.AsSpan(at));
                at += count;
            }

            current.AsSpan(0, used).CopyTo(result.AsSpan(at));
            return result;
        }

        private Memory<byte> Reserve(int sizeHint)
        {
            var need = Math.Max(sizeHint, 1);
            if (current.Length - used < need)
            {
                done.Add((current, used));
                current = new byte[Math.Max(need, Math.Min(current.Length * 2, MaxChunk))];
                used = 0;
            }

            return current.AsMemory(used);
        }
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(entry.Key as string ?? throw new InvalidOperationException($"JSON key of type {entry.Key.GetType()}"));
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"JsonTree cannot write a {value.GetType()}");
        }
    }
}
