namespace Monitor.Jobs;

/// <summary>
/// One run of a pipeline at a time, across processes: an exclusive lock on the file
/// <c>&lt;database&gt;.pipeline.&lt;name&gt;.lock</c> beside the store (and one scheduler per store:
/// <c>&lt;database&gt;.scheduler.lock</c>). .NET takes it with <c>flock</c> on Unix
/// (FileShare.None) and a share-mode lock on Windows; either way the operating system drops it when the
/// process ends, however it ends, so a killed run never leaves the pipeline locked. The file itself stays:
/// deleting it would race a process that has just opened it.
/// </summary>
public sealed class PipelineLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _stream;

    private PipelineLock(FileStream stream) => _stream = stream;

    public static string PathFor(string databasePath, string pipeline) => Path.GetFullPath(databasePath) + ".pipeline." + pipeline + ".lock";

    public static string SchedulerPathFor(string databasePath) => Path.GetFullPath(databasePath) + ".scheduler.lock";

    /// <summary>Takes the lock at <paramref name="path"/> if no other process (or stream) holds it.</summary>
    public static PipelineLock? TryAcquire(string path) => TryTake(path);

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for a run that holds it.</summary>
    /// <exception cref="PipelineBusyException">Another run still holds it.</exception>
    public static PipelineLock Acquire(string databasePath, string pipeline, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        var path = PathFor(databasePath, pipeline);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            if (TryTake(path) is { } taken) return taken;
            if (clock.GetUtcNow() >= deadline || cancellationToken.IsCancellationRequested)
                throw new PipelineBusyException($"another run of pipeline '{pipeline}' is under way (it holds {path}); nothing was done");
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

    public void Dispose() => _stream.Dispose();
}

/// <summary>Another run of the pipeline holds its lock.</summary>
public sealed class PipelineBusyException(string message) : Exception(message);
