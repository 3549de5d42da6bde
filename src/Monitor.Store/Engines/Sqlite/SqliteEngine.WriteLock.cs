using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Monitor.Store;

internal sealed partial class SqliteEngine
{
    /// <summary>The side file that says which import holds the write lock, for those who wait for it.</summary>
    private string WriterNotePath => System.IO.Path.GetFullPath(_path) + ".writer";

    /// <summary>
    /// Takes the write lock (BEGIN IMMEDIATE), waiting for another writer as <paramref name="wait"/> says.
    /// Each try waits about a second inside SQLite, so the waiter hears of progress between tries.
    /// With <paramref name="parentsGuaranteed"/> the connection leaves foreign keys unchecked until
    /// <see cref="EndWrite"/>: <c>PRAGMA foreign_keys</c> cannot change inside a transaction, so it is set here.
    /// </summary>
    public override DbTransaction BeginWrite(LockWait wait, bool parentsGuaranteed = false)
    {
        if (!parentsGuaranteed) return BeginImmediate(wait);
        SetForeignKeys(false);
        try
        {
            return BeginImmediate(wait);
        }
        catch
        {
            SetForeignKeys(true);
            throw;
        }
    }

    public override void EndWrite() => SetForeignKeys(true);

    private void SetForeignKeys(bool on)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF";
        command.ExecuteNonQuery();
    }

    private DbTransaction BeginImmediate(LockWait wait)
    {
        var started = Stopwatch.GetTimestamp();
        var commandTimeout = _connection.DefaultTimeout;
        _connection.DefaultTimeout = 1;
        SetBusyTimeout(TimeSpan.FromSeconds(1));
        try
        {
            while (true)
            {
                try
                {
                    return _connection.BeginTransaction(deferred: false);
                }
                catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
                {
                    var waited = Stopwatch.GetElapsedTime(started);
                    if (waited >= wait.Limit)
                        throw new StoreException($"cannot write the store {_path}: {Describe(e)}: {WriterDescription()} held its write lock for longer than {LockWait.Minutes(wait.Limit)} (lock_wait_seconds in the settings)", e);
                    wait.Waiting?.Invoke(WriterDescription(), waited);
                }
            }
        }
        finally
        {
            _connection.DefaultTimeout = commandTimeout;
            SetBusyTimeout(_busyTimeout);
        }
    }

    /// <summary>Says, for those who wait, that this process imports <paramref name="file"/> now.</summary>
    public override void NoteWriter(string file)
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

    public override void ClearWriterNote()
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
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + (long)timeout.TotalMilliseconds;
        command.ExecuteNonQuery();
    }
}
