using Transferkatalog.Content;

namespace Transferkatalog.Tests.Robustness;

/// <summary>ContentFile.Read returns exactly a file's bytes, whatever its length says, and nothing above the size limit.</summary>
public sealed class ContentFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tk-contentfile").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(81921)]
    [InlineData(ContentFile.MaxBytes)]
    public void Reads_every_byte_of_an_ordinary_file(int size)
    {
        var path = Path.Combine(folder, "x.md");
        var written = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(path, written);

        var read = ContentFile.Read(path, out var problem);

        Assert.Null(problem);
        Assert.Equal(written, read);
    }

    [Fact]
    public void Refuses_a_file_one_byte_over_the_limit()
    {
        var path = Path.Combine(folder, "x.md");
        File.WriteAllBytes(path, new byte[ContentFile.MaxBytes + 1]);

        var read = ContentFile.Read(path, out var problem);

        Assert.Null(read);
        Assert.Contains("größer als 8 MiB", problem);
    }

    [Fact]
    public void Reads_a_file_whose_length_says_nothing_to_its_end()
    {
        // Files under /proc report a length of 0 and still have content.
        if (!File.Exists("/proc/self/status"))
        {
            return;
        }

        var read = ContentFile.Read("/proc/self/status", out var problem);

        Assert.Null(problem);
        Assert.Contains("Name:", System.Text.Encoding.UTF8.GetString(read!));
    }
}
