namespace Monitor.Ingest;

/// <summary>
/// A hold for fault trials: with <c>MONITOR_FAULT_HOLD_IMPORT_AFTER_ROWS=N</c> in the environment, an import
/// stops after the batch in which it has read N rows, inside its open transaction (rows already written to
/// it), and waits there until the process is killed or the import is stopped: progress is still reported
/// while it waits, so a stop request (Ctrl-C, a scheduler's shutdown) still stops it. After two minutes it goes
/// on, so a forgotten hold never hangs a run. The tests of killed and stopped imports use it, so that "in the
/// middle of an import" does not depend on how fast the machine is or how late a test reads a progress line
/// (a 400,000-row file once finished in the moment between the two). Unset, it costs one comparison per batch.
/// </summary>
internal static class FaultHold
{
    public const string Variable = "MONITOR_FAULT_HOLD_IMPORT_AFTER_ROWS";
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(2);
    private static readonly int? AfterRows =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var rows) && rows > 0 ? rows : null;

    /// <summary>Holds the import when the hold is set and <paramref name="rowsRead"/> has reached it, reporting
    /// its progress meanwhile (which throws when the import is to stop).</summary>
    public static void After(IImportProgress? progress, long bytesRead, int rowsRead)
    {
        if (AfterRows is not { } limit || rowsRead < limit) return;
        var until = DateTime.UtcNow + Longest;
        while (DateTime.UtcNow < until)
        {
            Thread.Sleep(50);
            progress?.Advanced(bytesRead, rowsRead);
        }
    }
}
