using System.Runtime.CompilerServices;
using Monitor.Store;
using Polly;
using Polly.Retry;

namespace Monitor.Jobs;

/// <summary>
/// Which failures are worth another try, and the Polly pipeline that tries again. Transient: the store
/// busy or locked by another writer (SQLITE_BUSY 5, SQLITE_LOCKED 6 — also when wrapped, as
/// <c>MonitorStore.Open</c> wraps them), a PostgreSQL connection that dropped or a serialisation failure
/// (<see cref="MonitorStore.IsTransient"/>) and I/O errors (a file held open, a share that blinked). Not
/// transient: a rejected file (not an exception at all), a missing file or folder, a bad parameter — they
/// would fail the same way again.
/// </summary>
public static class Retries
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case System.Data.Common.DbException when MonitorStore.IsTransient(e):
                    return true;
                case FileNotFoundException or DirectoryNotFoundException:
                    return false;
                case IOException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Retries transient failures under <paramref name="settings"/>; each retry is told to <paramref name="log"/>.</summary>
    public static ResiliencePipeline Pipeline(RetrySettings settings, TextWriter log, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (settings.Attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = settings.Attempts - 1,
                BackoffType = settings.Backoff switch
                {
                    BackoffKind.Constant => DelayBackoffType.Constant,
                    BackoffKind.Linear => DelayBackoffType.Linear,
                    _ => DelayBackoffType.Exponential,
                },
                Delay = settings.Delay,
                MaxDelay = settings.MaxDelay,
                UseJitter = false, // one machine, one store: there is no herd to spread, and the waits stay readable
                OnRetry = args =>
                {
                    log.WriteLine($"  transient failure ({Describe(args.Outcome.Exception!)}): try {args.AttemptNumber + 2} of {settings.Attempts} " +
                                  $"in {args.RetryDelay.TotalSeconds:0.#} s");
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }

    /// <summary>Runs <paramref name="action"/> under <paramref name="pipeline"/>, counting the tries in <paramref name="tries"/>
    /// (also when it fails in the end).</summary>
    public static T Execute<T>(ResiliencePipeline pipeline, Func<T> action, StrongBox<int> tries, CancellationToken cancellationToken) =>
        pipeline.Execute(_ =>
        {
            tries.Value++;
            return action();
        }, cancellationToken);

    /// <summary>One line for the run history: the message, without SQLite's prefix.</summary>
    public static string Describe(Exception e) =>
        MonitorStore.Describe(e).ReplaceLineEndings(" ");
}
