using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Transferkatalog.Content;

/// <summary>Reads a content file's bytes, refusing what is no ordinary file (a FIFO, a device) and what is far too large.</summary>
/// <remarks>
/// A FIFO named x.md made the build wait forever in open(), /dev/zero behind a link filled the memory. On Unix the file is
/// opened without blocking and must be seekable (FIFOs and sockets are not); reading stops after <see cref="MaxBytes"/>.
/// </remarks>
internal static class ContentFile
{
    /// <summary>Largest content file read: the registries of 4,000 Kommunen take well under 1 MiB.</summary>
    internal const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The file's bytes, or null with the reason (German) when it is no ordinary file or too large.</summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Reading is not permitted.</exception>
    public static byte[]? Read(string path, out string? problem)
    {
        problem = null;
        using var stream = Open(path);
        if (stream is null || !stream.CanSeek)
        {
            problem = "keine gewöhnliche Datei (z. B. eine Pipe oder ein Gerät) und wird nicht gelesen — entfernen Sie sie aus dem Inhaltsordner";
            return null;
        }

        // Sized by the file's length, so an ordinary file is read into one array of exactly its size (an 80 KiB chunk
        // and a growing MemoryStream per file were 800 MiB of zeroed memory at 10,000 profiles); a file that grows
        // while it is read, or whose length says nothing, is read on up to the limit.
        var length = stream.Length;
        if (length > MaxBytes)
        {
            problem = TooLarge;
            return null;
        }

        var bytes = new byte[length];
        var total = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            if (total == bytes.Length)
            {
                if (stream.Read(probe) == 0)
                {
                    return bytes;
                }

                if (total >= MaxBytes)
                {
                    problem = TooLarge;
                    return null;
                }

                Array.Resize(ref bytes, (int)Math.Min(Math.Max(bytes.Length * 2L, 4096), MaxBytes + 1L));
                bytes[total++] = probe[0];
                continue;
            }

            var read = stream.Read(bytes, total, bytes.Length - total);
            if (read == 0)
            {
                return bytes.AsSpan(0, total).ToArray();
            }

            total += read;
            if (total > MaxBytes)
            {
                problem = TooLarge;
                return null;
            }
        }
    }

    private static string TooLarge => $"Datei ist größer als {MaxBytes / 1024 / 1024} MiB und wird nicht gelesen — Steckbriefe und Register sind viel kleiner; prüfen Sie, ob die richtige Datei hier liegt";

    private static FileStream? Open(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }

        var flags = OperatingSystem.IsLinux() ? LinuxNonBlockCloexec : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? BsdNonBlockCloexec : -1;
        if (flags < 0)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }

        var fd = OpenNative(path, flags);
        if (fd < 0)
        {
            // Let .NET open it again to raise the usual exception (not found, permission denied) for the usual message.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            return new FileStream(handle, FileAccess.Read, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            handle.Dispose();
            return null;
        }
    }

    /// <summary>O_RDONLY | O_NONBLOCK | O_CLOEXEC on Linux (all architectures .NET runs on).</summary>
    private const int LinuxNonBlockCloexec = 0x800 | 0x80000;

    /// <summary>O_RDONLY | O_NONBLOCK on macOS and FreeBSD (the descriptor is closed right after reading).</summary>
    private const int BsdNonBlockCloexec = 0x4;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
