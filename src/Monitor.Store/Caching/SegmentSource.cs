using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Store.Caching;

/// <summary>The segments an analysis reads, in youth order, and where they came from.</summary>
/// <param name="Segments">The segments in force at the snapshot's version, by youth number, then row id.</param>
/// <param name="Lineage">The column file's lineage they belong to; null when they were read without one
/// (caching off, or a newer file that this snapshot may not use): episode caches are then not used.</param>
/// <param name="How">How they were read, for the benchmarks: "columns", "columns + N added", "store".</param>
internal sealed record LoadedSegments(Segment[] Segments, Guid? Lineage, string How);

/// <summary>
/// Reads the segments of a snapshot (<see cref="MonitorStore.BeginSnapshot"/>) from the column file when it
/// is of the snapshot's version; extends it with the rows added since when the store only gained rows; else
/// rebuilds it from the store. What is read always comes from the snapshot's read transaction or from a
/// file of exactly its version, so the figures and the import log describe the same imports.
/// </summary>
internal static class SegmentSource
{
    public static LoadedSegments Load(MonitorStore store, StoreVersion now, bool useCache)
    {
        if (!useCache) return new(InYouthOrder(store.ReadSegments()), null, "store");
        var path = SegmentColumns.PathIn(store.CacheFolder);
        var opened = SegmentColumns.Open(path);
        if (opened is { } file)
        {
            using var reader = file.Reader;
            var header = file.Header;
            var same = header.Version.SameAs(now);
            if (same || store.OnlyAddedSince(header.Version, now))
            {
                var added = same ? [] : InYouthOrder(store.ReadSegments(afterId: header.Version.MaxSegmentId));
                // Each row takes 43 bytes in the file: a header that promises more rows than the file holds is damaged.
                if (header.Rows * 43 <= reader.Remaining)
                {
                    var segments = new Segment[header.Rows + added.Length];
                    if (SegmentColumns.Read(header, reader, segments, added))
                    {
                        if (!same) TryWrite(store, segments, now, header.Lineage);
                        return new(segments, header.Lineage, same ? "columns" : $"columns + {added.Length:N0} added");
                    }
                }
            }
            else if (header.Version.LastImport > now.LastImport)
            {
                // A later import is in the file already: this snapshot may not see it. Read the store, leave the file.
                return new(InYouthOrder(store.ReadSegments()), null, "store");
            }
        }
        var all = InYouthOrder(store.ReadSegments());
        var lineage = Guid.NewGuid();
        return new(all, TryWrite(store, all, now, lineage) ? lineage : null, "store, columns written");
    }

    private static Segment[] InYouthOrder(Segment[] segments)
    {
        SegmentOrder.ByYouth(segments);
        return segments;
    }

    /// <summary>Writes the column file; a store in a folder that cannot be written is measured all the same.</summary>
    private static bool TryWrite(MonitorStore store, Segment[] segments, StoreVersion version, Guid lineage)
    {
        try
        {
            SegmentColumns.Write(SegmentColumns.PathIn(store.CacheFolder), segments, version, lineage);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
