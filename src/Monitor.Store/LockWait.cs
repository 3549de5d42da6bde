namespace Monitor.Store;

/// <summary>
/// How a write waits for another process's write lock. The store lets one import write at a time (SQLite's one
/// writer; on PostgreSQL an advisory lock, so that duplicate detection sees the rows of the import before); a large
/// nightly import holds the lock for minutes, and a second import waiting for it is doing nothing wrong. So it
/// waits as long as <see cref="Limit"/> allows, and says every so often that it waits, and for whom.
/// </summary>
/// <param name="Limit">How long to wait in all before giving up (settings: <c>lock_wait_seconds</c>).</param>
/// <param name="Waiting">Told who holds the lock and how long this write has waited so far, about once a second.</param>
public sealed record LockWait(TimeSpan Limit, Action<string, TimeSpan>? Waiting = null)
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromHours(1);

    public static LockWait Default { get; } = new(DefaultLimit);

    internal static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} minutes" : $"{span.TotalSeconds:0} seconds";
}
