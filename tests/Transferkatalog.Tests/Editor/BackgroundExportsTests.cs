using Transferkatalog.Pipeline;
using Transferkatalog.Serving;

namespace Transferkatalog.Tests.Editor;

/// <summary>The preview's export thread: one run at a time, and a newer run supersedes the running and the waiting one.</summary>
public sealed class BackgroundExportsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_newer_run_cancels_the_running_one_and_replaces_the_waiting_one()
    {
        using var exports = new BackgroundExports(TimeSpan.Zero);
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var seenCancelled = false;
        var running = exports.Run(token =>
        {
            entered.Set();
            release.Wait(Patience);
            seenCancelled = token.IsCancellationRequested;
            token.ThrowIfCancellationRequested();
            return Result(1);
        });
        Assert.True(entered.Wait(Patience));

        var waitingRan = false;
        var waiting = exports.Run(_ =>
        {
            waitingRan = true;
            return Result(2);
        });
        var newest = exports.Run(_ => Result(3));

        // The waiting run was superseded before it started; the running one learns it at its next step.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(seenCancelled);
        Assert.Equal(3, (await newest).ProfileCount);
        Assert.False(waitingRan);
    }

    [Fact]
    public async Task A_failing_run_reports_its_exception_and_the_next_run_still_works()
    {
        using var exports = new BackgroundExports(TimeSpan.Zero);
        var failing = exports.Run(_ => throw new InvalidDataException("kaputt"));
        await Assert.ThrowsAsync<InvalidDataException>(() => failing);
        Assert.Equal(7, (await exports.Run(_ => Result(7))).ProfileCount);
    }

    [Fact]
    public async Task Runs_use_one_thread_of_their_own_and_one_degree_of_parallelism()
    {
        using var exports = new BackgroundExports(TimeSpan.Zero);
        var (first, firstSequential) = await ThreadOf(exports);
        var (second, _) = await ThreadOf(exports);
        Assert.Equal(first, second);
        Assert.NotEqual(Environment.CurrentManagedThreadId, first);
        Assert.True(firstSequential);
    }

    [Fact]
    public async Task Runs_queued_within_the_quiet_period_never_start_except_the_last()
    {
        // Queued back to back, far within the quiet period: the thread waits for the pause and then makes the newest only.
        using var exports = new BackgroundExports(TimeSpan.FromSeconds(1));
        var started = new List<int>();
        var runs = Enumerable.Range(1, 3).Select(n => exports.Run(_ =>
        {
            lock (started)
            {
                started.Add(n);
            }

            return Result(n);
        })).ToList();

        Assert.Equal(3, (await runs[2]).ProfileCount);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runs[0]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runs[1]);
        Assert.Equal([3], started);
    }

    private static async Task<(int Thread, bool Sequential)> ThreadOf(BackgroundExports exports)
    {
        var thread = 0;
        var sequential = false;
        await exports.Run(_ =>
        {
            thread = Environment.CurrentManagedThreadId;
            sequential = Parallelism.IsSequential;
            return Result(0);
        });
        return (thread, sequential);
    }

    private static BuildResult Result(int marker) => new([], marker, 0, [], false, TimeSpan.Zero);
}
