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
    /// <param name="segments">The segments in youth order, which the builder sorts in its order for <paramref name="rules"/>
    /// (<see cref="SegmentOrder.Sort"/>): the file's episodes are placed by where their youths' segments are now.</param>
    public static EpisodeSet Build(MonitorStore store, LoadedSegments loaded, StoreVersion version, Segment[] segments, EpisodeRules rules,
        byte[] tariffs)
    {
        if (loaded.Lineage is not { } lineage) return WithoutCollections(segments.Length, () => EpisodeBuilder.Build(segments, rules));
        var key = EpisodeColumns.Key(rules.GapDays, rules.ResidentialSet, tariffs);
        var path = EpisodeColumns.PathIn(store.CacheFolder, key);
        var (earlier, set) = WithoutCollections(segments.Length, () =>
        {
            var earlier = EpisodeColumns.Load(path, key, lineage, segments);
            return (earlier, EpisodeBuilder.Build(segments, rules, earlier));
        });
        // Written anew when more than 5% of the youths had to be built (a few nights' deltas are built again
        // each night rather than the whole file written each night), or when there was none.
        if (earlier is null || set.Episodes.Count - earlier.Taken > set.Episodes.Count / SegmentSource.RewriteShare)
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

    /// <summary>
    /// Runs a build without garbage collections where the runtime allows it. A build allocates millions of
    /// episodes that all live on; each collection in between copies them to an older generation (profile of
    /// bench measure at 10 million rows: 0.8-1.3 s of collector pauses in a 3 s build).
    /// </summary>
    private static T WithoutCollections<T>(int segments, Func<T> build)
    {
        // About one episode per three segments, 96 bytes each, and the lists that hold them (a file's episodes
        // that no longer hold are built again: room for some of them twice).
        var bytes = Math.Min(segments / 3L * 160 + (16 << 20), 1L << 30);
        var started = false;
        try
        {
            started = GC.TryStartNoGCRegion(bytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Larger than the runtime allows, or a region already open: build with collections.
        }
        try
        {
            return build();
        }
        finally
        {
            if (started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                try
                {
                    GC.EndNoGCRegion();
                }
                catch (InvalidOperationException)
                {
                    // The region ended by itself meanwhile (more was allocated than it allowed).
                }
            }
        }
    }
}
