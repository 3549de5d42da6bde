using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Monitor.Store;

/// <summary>
/// How a write waits for another process's write lock. SQLite lets one writer at a time; a large nightly
/// import holds the lock for minutes, and a second import waiting for it is doing nothing wrong. So it
/// waits as long as <see cref="Limit"/> allows, and says every so often that it waits, and for whom.
/// </summary>
/// <param name="Limit">How long to wait in all before giving up (settings: <c>lock_wait_seconds</c>).</param>
/// <param name="Waiting">Told who holds the lock and how long this write has waited so far, about once a second.</param>
public sealed record LockWait(TimeSpan Limit, Action<string, TimeSpan>? Waiting = null)
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromHours(1);

    public static LockWait Default { get; } = new(DefaultLimit);
}

public sealed partial class MonitorStore
{
    /// <summary>The side file that says which import holds the write lock, for those who wait for it.</summary>
    private string WriterNotePath => System.IO.Path.GetFullPath(Path) + ".writer";

    /// <summary>
    /// Takes the write lock (BEGIN IMMEDIATE), waiting for another writer as <paramref name="wait"/> says.
    /// Each try waits about a second inside SQLite, so the waiter hears of progress between tries.
    /// </summary>
    internal SqliteTransaction BeginWrite(LockWait wait)
    {
        var started = Stopwatch.GetTimestamp();
        var commandTimeout = Connection.DefaultTimeout;
        Connection.DefaultTimeout = 1;
        SetBusyTimeout(TimeSpan.FromSeconds(1));
        try
        {
            while (true)
            {
                try
                {
                    return Connection.BeginTransaction(deferred: false);
                }
                catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
                {
                    var waited = Stopwatch.GetElapsedTime(started);
                    if (waited >= wait.Limit)
                        throw new StoreException($"cannot write the store {Path}: {Describe(e)}: {WriterDescription()} held its write lock for longer than {Minutes(wait.Limit)} (lock_wait_seconds in the settings)", e);
                    wait.Waiting?.Invoke(WriterDescription(), waited);
                }
            }
        }
        finally
        {
            Connection.DefaultTimeout = commandTimeout;
            SetBusyTimeout(_busyTimeout);
        }
    }

    /// <summary>Says, for those who wait, that this process imports <paramref name="file"/> now.</summary>
    internal void NoteWriter(string file)
    {
        try
        {
            File.WriteAllText(WriterNotePath, $"process {Environment.ProcessId}, importing {System.IO.Path.GetFileName(file)} since {DateTime.UtcNow:HH:mm:ss} UTC");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a courtesy to those who wait: the import goes on without it.
        }
    }

    internal void ClearWriterNote()
    {
        try
        {
            File.Delete(WriterNotePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private string WriterDescription()
    {
        try
        {
            if (File.Exists(WriterNotePath))
            {
                var note = File.ReadAllText(WriterNotePath).Trim();
                if (note.Length is > 0 and < 300) return "another import (" + note + ")";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return "another process";
    }

    private void SetBusyTimeout(TimeSpan timeout)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + (long)timeout.TotalMilliseconds;
        command.ExecuteNonQuery();
    }

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} minutes" : $"{span.TotalSeconds:0} seconds";
}
