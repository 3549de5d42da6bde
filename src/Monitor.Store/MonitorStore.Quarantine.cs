using System.Globalization;
using Dapper;

namespace Monitor.Store;

/// <summary>An import with refused rows: which delivery it was, when, where the file went, and its refused rows.</summary>
/// <param name="ImportId">The import's number (<c>import_file.id</c>): two deliveries of the same name differ in it.</param>
/// <param name="FileName">The file as imported (a pipeline's imports carry the inbox path).</param>
/// <param name="ImportedAt">When the import finished (UTC).</param>
/// <param name="ArchivedAs">Where a pipeline moved the file afterwards, or null (imported by hand, or not moved).</param>
/// <param name="Pipeline">The pipeline whose run imported it, or null.</param>
/// <param name="RowsRefused">Rows refused in all (<see cref="Rows"/> may hold fewer).</param>
/// <param name="Rows">The refused rows: line, column, reason — never a value.</param>
public sealed record QuarantinedImport(long ImportId, string FileName, DateTime ImportedAt, string? ArchivedAs, string? Pipeline,
    int RowsRefused, IReadOnlyList<QuarantineEntry> Rows);

/// <summary>The quarantine grouped by import, for <c>monitor quarantine</c> and the dashboard.</summary>
public sealed partial class MonitorStore
{
    /// <summary>The imports with refused rows, oldest first, each with at most <paramref name="rowsPerImport"/> of its rows.</summary>
    /// <param name="fileName">Only imports of this file (its name as imported, or its base name).</param>
    /// <param name="importId">Only this import.</param>
    public IReadOnlyList<QuarantinedImport> QuarantineByImport(string? fileName = null, long? importId = null, int rowsPerImport = int.MaxValue)
    {
        var imports = Connection.Query<(long Id, string FileName, string FinishedAt, string? ArchivedAs, string? Pipeline, long Refused)>("""
            SELECT f.id, f.file_name, f.finished_at,
                   (SELECT pf.moved_to FROM pipeline_file pf WHERE pf.sha256 = f.sha256 AND pf.outcome = 'imported' ORDER BY pf.id DESC LIMIT 1),
                   (SELECT r.pipeline FROM pipeline_file pf JOIN pipeline_run r ON r.id = pf.run_id
                    WHERE pf.sha256 = f.sha256 AND pf.outcome = 'imported' ORDER BY pf.id DESC LIMIT 1),
                   (SELECT count(*) FROM quarantine q WHERE q.import_id = f.id)
            FROM import_file f
            WHERE EXISTS (SELECT 1 FROM quarantine q WHERE q.import_id = f.id)
              AND (@importId IS NULL OR f.id = @importId)
              AND (@fileName IS NULL OR f.file_name = @fileName OR f.file_name LIKE '%/' || @fileName)
            ORDER BY f.id
            """, new { fileName, importId }).ToList();
        return imports.Select(i => new QuarantinedImport(i.Id, i.FileName,
            DateTime.Parse(i.FinishedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), i.ArchivedAs, i.Pipeline, (int)i.Refused,
            Connection.Query<QuarantineEntry>("""
                SELECT @fileName AS File, import_id AS ImportId, line AS Line, column_name AS "Column", reason AS Reason
                FROM quarantine WHERE import_id = @id ORDER BY line, id LIMIT @limit
                """, new { fileName = i.FileName, id = i.Id, limit = rowsPerImport }).ToList())).ToList();
    }
}
