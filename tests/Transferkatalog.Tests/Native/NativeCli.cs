using System.Diagnostics;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Native;

/// <summary>The generator published as a native (AOT) executable, as the GitHub action and the benchmark run it.</summary>
/// <remarks>
/// tests/run-all.sh publishes it once and passes its path in TK_NATIVE_CLI; without that the fixture publishes it
/// itself (a minute or two, and it needs clang, which run-all.sh installs).
/// </remarks>
public sealed class NativeCli
{
    public NativeCli()
    {
        var given = Environment.GetEnvironmentVariable("TK_NATIVE_CLI");
        if (!string.IsNullOrEmpty(given))
        {
            Assert.True(File.Exists(given), $"TK_NATIVE_CLI={given} gibt es nicht");
            Executable = Path.GetFullPath(given);
            return;
        }

        var folder = Repo.PathOf("artifacts", "native-tests");
        var publish = Run("dotnet", Repo.Root, ["publish", Repo.PathOf("src", "Transferkatalog.Cli"), "-c", "Release", "--use-current-runtime", "-p:PublishAot=true", "-o", folder, "--nologo", "-v", "quiet"], TimeSpan.FromMinutes(10));
        Assert.True(publish.Exit == 0, "dotnet publish -p:PublishAot=true ist fehlgeschlagen (clang installiert?):\n" + publish.Out + publish.Err);
        Executable = Path.Combine(folder, "Transferkatalog.Cli");
    }

    /// <summary>Full path of the native executable.</summary>
    public string Executable { get; }

    /// <summary>Runs the native executable to its end in <paramref name="workingDirectory"/>.</summary>
    public (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        Run(Executable, workingDirectory, args, TimeSpan.FromMinutes(2));

    /// <summary>Starts the native executable and leaves it running, its output redirected.</summary>
    public Process Start(string workingDirectory, params string[] args) => Start(Executable, workingDirectory, args);

    private static Process Start(string file, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static (int Exit, string Out, string Err) Run(string file, string workingDirectory, string[] args, TimeSpan timeout)
    {
        using var process = Start(file, workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} lief länger als {timeout}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
