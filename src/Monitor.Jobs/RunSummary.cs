using System.Globalization;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>How a run's counts read, the same in the run's log, <c>monitor jobs</c>, <c>jobs health</c> and the dashboard.</summary>
public static class RunSummary
{
    /// <summary><c>2 imported, 0 already imported, 1 rejected, 0 waiting; 12 of 4,000 rows refused (0.3 %)</c>.</summary>
    public static string Files(PipelineRun r) =>
        $"{r.FilesImported} imported, {r.FilesAlreadyImported} already imported, {r.FilesRejected} rejected, {r.FilesWaiting} waiting; {Refused(r)}";

    /// <summary><c>12 of 4,000 rows refused (0.3 %)</c>, or <c>no rows read</c>.</summary>
    public static string Refused(PipelineRun r) =>
        r.RowsRead == 0 ? "no rows read" : $"{r.RowsRefused.ToString("N0", CultureInfo.InvariantCulture)} of {r.RowsRead.ToString("N0", CultureInfo.InvariantCulture)} rows refused ({Percent(r.RefusedShare)})";

    public static string Percent(double share) => (share * 100).ToString(share is > 0 and < 0.001 ? "0.00" : "0.#", CultureInfo.InvariantCulture) + " %";
}
