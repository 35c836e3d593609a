using System.Runtime.InteropServices;
using Transferkatalog.Pipeline;

namespace Transferkatalog.Serving;

/// <summary>Makes the exports a rebuild left on one thread of its own, below normal priority; a newer run supersedes the one before.</summary>
/// <remarks>
/// Exports take seconds at 10,000 profiles, a page rebuild a tenth of one. On the thread pool at normal priority they
/// took CPU from the next save's rebuild, and with saves a second apart several runs piled up: the page came 0.5-3 s
/// after the save instead of 0.15 s. Here only one run works at a time, a new one cancels the one before (its exports
/// would be stale once done), a run starts only after a short pause in saving, and the OS gives the rebuild's threads
/// the cores first.
/// </remarks>
internal sealed class BackgroundExports : IDisposable
{
    /// <summary>Linux nice value of the export thread: the rebuild gets about 10 times its share of a core while both want one.</summary>
    /// <remarks>
    /// Not 19: a collection the export thread triggers runs on it while every other thread waits, so a thread that
    /// other programs can starve would stretch those pauses. 10 against the default 0 measured best
    /// (saves 1 s apart at 10,000 profiles: median 172 ms save-to-page against 193 ms at 0).
    /// </remarks>
    private const int Nice = 10;

    private readonly Lock gate = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly TimeSpan quiet;
    private Thread? thread;
    private Job? waiting;
    private Job? running;
    private bool disposed;

    /// <summary>Runs start once no newer run has come for <paramref name="quiet"/>.</summary>
    /// <remarks>
    /// An editor who saves again a moment later would otherwise meet a run that has just started: its first
    /// allocations bring collections that stop the next rebuild too (two saves 200 ms apart at 10,000 profiles).
    /// </remarks>
    public BackgroundExports(TimeSpan quiet) => this.quiet = quiet;

    /// <summary>Queues <paramref name="exports"/>, cancelling the run before; the task is cancelled in turn when a newer run supersedes this one.</summary>
    public Task<BuildResult> Run(Func<CancellationToken, BuildResult> exports)
    {
        var job = new Job(exports);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            waiting?.Done.TrySetCanceled();
            running?.Cancel.Cancel();
            waiting = job;
            if (thread is null)
            {
                // Started at the first run: a rebuilder whose builds leave no exports needs no thread.
                thread = new Thread(Loop) { IsBackground = true, Name = "Transferkatalog exports" };
                thread.Start();
            }
        }

        wake.Release();
        return job.Done.Task;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            waiting?.Done.TrySetCanceled();
            waiting = null;
            running?.Cancel.Cancel();
        }

        // The thread ends after the export it is in (cancelled at the next step); it is a background thread, so nobody waits for it.
        wake.Release();
    }

    private void Loop()
    {
        LowerPriority();

        // One thread, so Parallel.For in an export runs inline here and never hands work to the pool the rebuild uses.
        using var sequential = Parallelism.Use(1);
        while (true)
        {
            wake.Wait();

            // Every newer run wakes the thread again: wait until none has come for the quiet period.
            while (quiet > TimeSpan.Zero && wake.Wait(quiet))
            {
            }

            Job? job;
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                job = waiting;
                waiting = null;
                running = job;
            }

            if (job is null)
            {
                continue;
            }

            try
            {
                job.Done.TrySetResult(job.Exports(job.Cancel.Token));
            }
            catch (OperationCanceledException) when (job.Cancel.IsCancellationRequested)
            {
                job.Done.TrySetCanceled(job.Cancel.Token);
            }
            catch (Exception ex)
            {
                job.Done.TrySetException(ex);
            }
            finally
            {
                lock (gate)
                {
                    running = null;
                }

                job.Cancel.Dispose();
            }
        }
    }

    /// <summary>Lowers the calling thread's priority: on Linux its own nice value (Thread.Priority changes nothing there), elsewhere Thread.Priority.</summary>
    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return;
        }

        try
        {
            // PRIO_PROCESS with who = 0 names the calling thread on Linux, where the nice value is a per-thread attribute.
            _ = SetPriority(0, 0, Nice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: the exports run at normal priority, which is slower to follow but still correct.
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, and ints need none.
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    private sealed class Job(Func<CancellationToken, BuildResult> exports)
    {
        public Func<CancellationToken, BuildResult> Exports { get; } = exports;

        public CancellationTokenSource Cancel { get; } = new();

        public TaskCompletionSource<BuildResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
