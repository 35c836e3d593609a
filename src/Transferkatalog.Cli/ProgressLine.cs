namespace Transferkatalog.Cli;

/// <summary>A single self-overwriting status line on stderr for builds that take a while; silent in CI, in pipes and for short builds.</summary>
internal sealed class ProgressLine : IProgress<string>, IDisposable
{
    /// <summary>Builds faster than this never show a progress line, so quick builds print only their summary.</summary>
    private static readonly TimeSpan ShowAfter = TimeSpan.FromMilliseconds(700);

    private readonly TextWriter writer;
    private readonly DateTime started = DateTime.UtcNow;
    private readonly Timer timer;
    private readonly Lock gate = new();
    private string stage = string.Empty;
    private bool shown;
    private bool disposed;

    private ProgressLine(TextWriter writer)
    {
        this.writer = writer;
        timer = new Timer(_ => Draw(), null, ShowAfter, TimeSpan.FromMilliseconds(250));
    }

    /// <summary>A progress line when stderr is an interactive terminal outside CI, otherwise null (no output at all).</summary>
    public static ProgressLine? For(TextWriter stderr)
    {
        var interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || CliApp.IsGitHubActions;
        return interactive && !ci ? new ProgressLine(stderr) : null;
    }

    public void Report(string value)
    {
        lock (gate)
        {
            stage = value;
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        lock (gate)
        {
            disposed = true;
            if (shown)
            {
                // Erase the line so the summary and diagnostics start clean.
                writer.Write("\r\u001b[2K");
                writer.Flush();
            }
        }
    }

    private void Draw()
    {
        lock (gate)
        {
            if (disposed || stage.Length == 0)
            {
                return;
            }

            var seconds = (DateTime.UtcNow - started).TotalSeconds;
            writer.Write($"\r\u001b[2K{stage} … {seconds:0.0} s");
            writer.Flush();
            shown = true;
        }
    }
}
