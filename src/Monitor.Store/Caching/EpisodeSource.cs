using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Store.Caching;

/// <summary>
/// Builds the episodes of an analysis, taking over from the episode file of the same gap, residential set
/// and tariffs what still holds (<see cref="EpisodeColumns"/>), and writes the file anew when the build
/// added to it. The figures are the same with or without the file (tests/…/CacheTests).
/// </summary>
internal static class EpisodeSource
{
    public static EpisodeSet Build(MonitorStore store, LoadedSegments loaded, StoreVersion version, Segment[] segments, EpisodeRules rules,
        byte[] tariffs)
    {
        if (loaded.Lineage is not { } lineage) return EpisodeBuilder.Build(segments, rules);
        SegmentOrder.Sort(segments, rules); // the file's episodes are placed by where their youths' segments are now
        var key = EpisodeColumns.Key(rules.GapDays, rules.ResidentialSet, tariffs);
        var path = EpisodeColumns.PathIn(store.CacheFolder, key);
        var earlier = EpisodeColumns.Load(path, key, lineage, segments);
        var set = EpisodeBuilder.Build(segments, rules, earlier);
        if (earlier is not { Complete: true } || earlier.AsOf != rules.AsOf)
        {
            try
            {
                EpisodeColumns.Write(path, key, lineage, version.MaxSegmentId, segments, set);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A store in a folder that cannot be written is measured all the same.
            }
        }
        return set;
    }
}
