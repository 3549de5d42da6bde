using Dapper;
using Monitor.Core.Measurements;

namespace Monitor.Store;

/// <summary>The date <c>--as-of latest</c> stands for, and why (PROTOCOL.md 5).</summary>
public sealed record LatestAsOf(DateOnly Date, string Explanation);

public sealed partial class MonitorStore
{
    /// <summary>
    /// <c>--as-of latest</c> (PROTOCOL.md 5): the earliest coverage date among the stored, not superseded
    /// extracts that hold open segments (no end, or an end after the extract's coverage date: care still
    /// running when its picture was taken), since after that day one of them no longer says what happened;
    /// without such extracts, the latest segment start. Null when no segment is stored.
    /// </summary>
    public LatestAsOf? LatestAsOf()
    {
        var earliest = Connection.QueryFirstOrDefault<(string File, long Coverage)?>("""
            SELECT f.file_name, f.coverage_date FROM import_file f
            WHERE f.status = 'imported' AND f.coverage_date IS NOT NULL
              AND EXISTS (SELECT 1 FROM segment s WHERE s.id BETWEEN f.first_segment_id AND f.last_segment_id
                          AND s.import_id = f.id AND s.superseded_by IS NULL
                          AND (s.end_date IS NULL OR s.end_date > f.coverage_date))
            ORDER BY f.coverage_date, f.id
            LIMIT 1
            """);
        if (earliest is { } e)
            return new LatestAsOf(DateCodec.FromInt(e.Coverage),
                $"the earliest coverage date of an extract with open segments: {System.IO.Path.GetFileName(e.File)}");
        return LatestStart() is { } start ? new LatestAsOf(start, "the latest segment start stored (no extract holds open segments)") : null;
    }

    /// <summary>
    /// For each segment open at <paramref name="asOf"/> (started by then, not ended by then) that comes from an
    /// extract whose coverage date is before <paramref name="asOf"/>: that extract. The coverage warnings of
    /// PROTOCOL.md 3.4 are made of these.
    /// </summary>
    public IReadOnlyDictionary<long, ExtractCoverage> OpenSegmentsOfEarlyExtracts(DateOnly asOf)
    {
        var day = DateCodec.ToInt(asOf);
        var sources = new Dictionary<long, ExtractCoverage>();
        // Extract by extract, through its segments' id range: a nightly delta's extract reads its own rows. A join
        // made SQLite start from the segments and read all of them (3.8 s at ten million rows against 0.6 s for a
        // delta of 100,000).
        foreach (var (import, file, coverage, first, last) in Connection.Query<(long, string, long, long?, long?)>(
                     "SELECT id, file_name, coverage_date, first_segment_id, last_segment_id FROM import_file WHERE coverage_date < @day ORDER BY id",
                     new { day }).ToList())
        {
            if (first is null) continue;
            var source = new ExtractCoverage(import, System.IO.Path.GetFileName(file), DateCodec.FromInt(coverage));
            foreach (var segment in Connection.Query<long>("""
                         SELECT id FROM segment
                         WHERE id BETWEEN @first AND @last AND import_id = @import
                           AND superseded_by IS NULL AND start_date <= @day AND (end_date IS NULL OR end_date > @day)
                         """, new { first, last, import, day }))
                sources[segment] = source;
        }
        return sources;
    }

    /// <summary>See <see cref="Analysis.CoveredYears"/>: the years from that of <paramref name="firstEnd"/> (the earliest
    /// segment end, which the analysis finds in the segments it holds) to the last the imported extracts' coverage dates
    /// complete. Null without a coverage date.</summary>
    internal (int First, int Last)? CoveredYears(DateOnly firstEnd)
    {
        var coverage = Connection.QuerySingle<long?>(
            "SELECT max(coverage_date) FROM import_file WHERE status = 'imported' AND coverage_date IS NOT NULL");
        if (coverage is not { } c) return null;
        var last = DateCodec.FromInt(c);
        return (firstEnd.Year, last.Month == 12 && last.Day == 31 ? last.Year : last.Year - 1);
    }
}
