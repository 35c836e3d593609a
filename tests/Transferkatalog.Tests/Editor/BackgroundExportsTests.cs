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
        using var exports = new BackgroundExports();
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
        using var exports = new BackgroundExports();
        var failing = exports.Run(_ => throw new InvalidDataException("kaputt"));
        await Assert.ThrowsAsync<InvalidDataException>(() => failing);
        Assert.Equal(7, (await exports.Run(_ => Result(7))).ProfileCount);
    }

    [Fact]
    public async Task Runs_use_one_thread_of_their_own_and_one_degree_of_parallelism()
    {
        using var exports = new BackgroundExports();
        var (first, firstSequential) = await ThreadOf(exports);
        var (second, _) = await ThreadOf(exports);
        Assert.Equal(first, second);
        Assert.NotEqual(Environment.CurrentManagedThreadId, first);
        Assert.True(firstSequential);
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
