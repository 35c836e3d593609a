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
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Readable, Indented = indented }))
        {
            Write(writer, tree);
        }

        return buffer.WrittenSpan.ToArray();
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
