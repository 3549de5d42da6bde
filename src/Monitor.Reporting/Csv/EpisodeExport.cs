using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;

namespace Monitor.Reporting.Csv;

/// <summary>
/// The episodes behind the figures, for researchers who check them (issue: traceability): one row per
/// episode, and one row per segment saying which file and line it came from.
/// </summary>
public static class EpisodeExport
{
    public static void WriteEpisodes(EpisodeSet set, IReadOnlyDictionary<int, string> youthKeys, ReferenceData reference, TextWriter writer)
    {
        var csv = new CsvText(writer);
        csv.Row("youth_key", "start", "end", "ongoing", "duration_days", "providers", "placement_moves", "cost_eur",
            "segments_without_cost", "municipality", "region");
        foreach (var e in set.Episodes)
        {
            csv.Row(youthKeys[e.YouthId], e.Start, e.End, e.Ongoing, e.DurationDays, e.ProviderCount, e.PlacementMoves, e.Cost,
                e.SegmentsWithoutCost, Codes.Municipality(e.Municipality), reference.RegionOf(e.Municipality));
        }
    }

    public static void WriteSegments(EpisodeSet set, IReadOnlyDictionary<int, string> youthKeys,
        IReadOnlyDictionary<long, (string File, int Line)> origins, TextWriter writer)
    {
        var csv = new CsvText(writer);
        csv.Row("youth_key", "episode_start", "segment_id", "file", "line", "provider", "care_type", "start", "end", "amount_eur");
        foreach (var e in set.Episodes)
        foreach (var s in set.SegmentsOf(e))
        {
            var (file, line) = origins[s.Id];
            csv.Row(youthKeys[e.YouthId], e.Start, s.Id, file, line, Codes.Provider(s.Provider), s.CareType.Word(), s.Start, s.End, s.Amount);
        }
    }
}
