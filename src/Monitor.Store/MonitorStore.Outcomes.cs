using Dapper;
using Monitor.Core.Domain;
using Monitor.Core.Outcomes;

namespace Monitor.Store;

public sealed partial class MonitorStore
{
    /// <summary>What the outcome figures need besides the episodes (docs/outcomes.md).</summary>
    public OutcomeData LoadOutcomeData() => new(
        Connection.Query<(long Municipality, long Year, long Youths)>("SELECT municipality, year, youths FROM population")
            .Select(r => new PopulationRow((int)r.Municipality, (int)r.Year, (int)r.Youths)).ToList(),
        Connection.Query<(string Code, string Category)>("SELECT code, category FROM end_reason")
            .ToDictionary(r => r.Code, r => EndCategories.TryParse(r.Category, out var c) ? c : EndCategory.Other, StringComparer.OrdinalIgnoreCase),
        KnownInstruments(),
        Connection.Query<(long Youth, string Instrument, string Informant, long Date, double Score)>(
                "SELECT youth_id, instrument, informant, date, score FROM rom_score ORDER BY youth_id, date, id")
            .Select(r => new RomScore((int)r.Youth, r.Instrument, Informants.TryParse(r.Informant, out var i) ? i : Informant.Professional, DateCodec.FromInt(r.Date), r.Score))
            .ToList(),
        TrajectoriesOfCbsFiles().ToList(),
        Connection.Query<(long Youth, long Municipality, long Start)>(
                "SELECT youth_id, municipality, start_date FROM segment WHERE started_as_crisis = 1 AND superseded_by IS NULL")
            .Select(r => new CrisisStart((int)r.Youth, (int)r.Municipality, DateCodec.FromInt(r.Start))).ToList());

    /// <summary>Trajectories are the rows of cbs files: only they carry an end reason. Read import by import through
    /// each one's segment id range, so a store of rijm rows is not scanned.</summary>
    private IEnumerable<TrajectoryEnding> TrajectoriesOfCbsFiles()
    {
        var imports = Connection.Query<(long Import, long First, long Last)>("""
            SELECT id, first_segment_id, last_segment_id FROM import_file
            WHERE format = 'cbs' AND first_segment_id IS NOT NULL ORDER BY id
            """).ToList();
        foreach (var (import, first, last) in imports)
        foreach (var r in Connection.Query<(long Youth, long Municipality, long CareType, long End, string? Reason)>("""
                     SELECT youth_id, municipality, care_type, end_date, end_reason FROM segment
                     WHERE id BETWEEN @first AND @last AND import_id = @import AND end_date IS NOT NULL AND superseded_by IS NULL
                     ORDER BY id
                     """, new { first, last, import }))
            yield return new TrajectoryEnding((int)r.Youth, (int)r.Municipality, (CareType)r.CareType, DateCodec.FromInt(r.End), r.Reason);
    }

    /// <summary>The instruments imported so far: a rom file's scores are checked against them.</summary>
    public IReadOnlyList<InstrumentRow> KnownInstruments() =>
        Connection.Query<(string Name, long LowerIsBetter, double Sd, double Reliability, double Cutoff, double? Minimum, double? Maximum)>(
                "SELECT name, lower_is_better, sd, reliability, cutoff, minimum, maximum FROM instrument")
            .Select(r => new InstrumentRow(r.Name, r.LowerIsBetter != 0, r.Sd, r.Reliability, r.Cutoff, r.Minimum, r.Maximum)).ToList();
}
