using Transferkatalog.Cli;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.Editor;

/// <summary>Paths of the real repository and a throwaway copy of its content, for tests of the editors' workflow.</summary>
internal sealed class TempCatalog : IDisposable
{
    public TempCatalog()
    {
        Root = Path.Combine(Path.GetTempPath(), "tk-editor-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        Output = Path.Combine(Root, "_site");
        CopyDirectory(Repo.Content, Content);
    }

    public string Root { get; }

    public string Content { get; }

    public string Output { get; }

    public string Profile(string slug) => Path.Combine(Content, "projekte", slug + ".md");

    /// <summary>Runs the CLI in-process; returns exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does no harm.
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
