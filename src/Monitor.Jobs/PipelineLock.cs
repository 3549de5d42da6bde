using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>
/// One run of a pipeline at a time, across processes. In server mode (a store on PostgreSQL) across machines:
/// a session advisory lock on the server (<see cref="ServerLock"/>), and there is no scheduler lock, since several
/// schedulers share the server's Hangfire storage. For a SQLite store: an exclusive lock on the file
/// <c>&lt;database&gt;.pipeline.&lt;name&gt;.lock</c> beside the store (and one scheduler per store:
/// <c>&lt;database&gt;.scheduler.lock</c>). .NET takes it with <c>flock</c> on Unix
/// (FileShare.None) and a share-mode lock on Windows; either way the operating system drops it when the
/// process ends, however it ends, so a killed run never leaves the pipeline locked. The file itself stays:
/// deleting it would race a process that has just opened it.
/// </summary>
public sealed class PipelineLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly IDisposable _held;

    private PipelineLock(IDisposable held) => _held = held;

    public static string PathFor(string databasePath, string pipeline) => Path.GetFullPath(databasePath) + ".pipeline." + pipeline + ".lock";

    public static string SchedulerPathFor(string databasePath) => Path.GetFullPath(databasePath) + ".scheduler.lock";

    /// <summary>Takes the lock at <paramref name="path"/> if no other process (or stream) holds it.</summary>
    public static PipelineLock? TryAcquire(string path) => TryTake(path);

    /// <summary>Takes the lock of <paramref name="pipeline"/> on the store at <paramref name="location"/> if nobody holds it.</summary>
    public static PipelineLock? TryAcquire(StoreLocation location, string pipeline) =>
        location.IsServer
            ? ServerLock.TryTake(location, "pipeline:" + pipeline) is { } held ? new PipelineLock(held) : null
            : TryTake(PathFor(location.Display, pipeline));

    /// <summary>What holds the lock of <paramref name="pipeline"/>, for messages: the lock file, or the server's advisory lock.</summary>
    public static string Describe(StoreLocation location, string pipeline) =>
        location.IsServer ? $"the advisory lock of pipeline '{pipeline}' on {location.Display}" : PathFor(location.Display, pipeline);

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for a run that holds it.</summary>
    /// <exception cref="PipelineBusyException">Another run still holds it.</exception>
    public static PipelineLock Acquire(string databasePath, string pipeline, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Parse(databasePath);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            if (TryAcquire(location, pipeline) is { } taken) return taken;
            if (clock.GetUtcNow() >= deadline || cancellationToken.IsCancellationRequested)
                throw new PipelineBusyException($"another run of pipeline '{pipeline}' is under way (it holds {Describe(location, pipeline)}); nothing was done");
            cancellationToken.WaitHandle.WaitOne(PollInterval);
        }
    }

    private static PipelineLock? TryTake(string path)
    {
        try
        {
            if (Path.GetDirectoryName(path) is { } directory) Directory.CreateDirectory(directory);
            return new PipelineLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null; // held by another run (a sharing violation)
        }
    }

    public void Dispose() => _held.Dispose();
}

/// <summary>Another run of the pipeline holds its lock.</summary>
public sealed class PipelineBusyException(string message) : Exception(message);
