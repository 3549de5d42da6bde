using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Store.Caching;

/// <summary>The segments an analysis reads, in youth order, and where they came from.</summary>
/// <param name="Segments">The segments in force at the snapshot's version, by youth number, then row id.</param>
/// <param name="Lineage">The column file's lineage they belong to; null when they were read without one
/// (caching off, or a newer file that this snapshot may not use): episode caches are then not used.</param>
/// <param name="How">How they were read, for the benchmarks: "columns", "columns + N added", "store".</param>
internal sealed record LoadedSegments(Segment[] Segments, Guid? Lineage, string How)
{
    public Guid? Lineage { get; set; } = Lineage;

    /// <summary>The version the column file is to be written as, once the first episode build has put the
    /// segments in its order (the next run then finds them sorted); null when the file is up to date.</summary>
    public StoreVersion? Unwritten { get; set; }
}

/// <summary>
/// Reads the segments of a snapshot (<see cref="MonitorStore.BeginSnapshot"/>) from the column file when it
/// is of the snapshot's version; extends it with the rows added since when the store only gained rows; else
/// rebuilds it from the store. What is read always comes from the snapshot's read transaction or from a
/// file of exactly its version, so the figures and the import log describe the same imports.
/// </summary>
internal static class SegmentSource
{
    /// <summary>The file is written anew when the rows added since it pass 1 / this of its rows.</summary>
    public const int RewriteShare = 20;

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
                // A header that promises more rows than the file holds is damaged.
                if (header.Rows * SegmentColumns.RowBytes <= reader.Remaining)
                {
                    // Every element is written by the read (or the array is dropped): no need to clear 400 MB first.
                    var segments = LargeArray.Uninitialized<Segment>(checked((int)(header.Rows + added.Length)));
                    // A few nights' rows are read from the store each time rather than the whole file written
                    // again each night: it is written anew once they pass 5% of it.
                    if (SegmentColumns.Read(header, reader, segments, added))
                        return new(segments, header.Lineage, same ? "columns" : $"columns + {added.Length:N0} added")
                            { Unwritten = added.Length > header.Rows / RewriteShare ? now : null };
                }
            }
            else if (header.Version.LastImport > now.LastImport)
            {
                // A later import is in the file already: this snapshot may not see it. Read the store, leave the file.
                return new(InYouthOrder(store.ReadSegments()), null, "store");
            }
        }
        return new(InYouthOrder(store.ReadSegments()), Guid.NewGuid(), "store, columns written") { Unwritten = now };
    }

    private static Segment[] InYouthOrder(Segment[] segments)
    {
        SegmentOrder.ByYouth(segments);
        return segments;
    }

    /// <summary>
    /// Writes the column file of <paramref name="loaded"/> if it is due, from <paramref name="segments"/> (the same
    /// rows, in any order that keeps youths together). A store in a folder that cannot be written is measured all
    /// the same, but its lineage then ends here: episode files are neither read nor written against rows no file holds.
    /// </summary>
    public static void WriteIfDue(MonitorStore store, LoadedSegments loaded, Segment[] segments)
    {
        if (loaded.Unwritten is not { } version || loaded.Lineage is not { } lineage) return;
        try
        {
            SegmentColumns.Write(SegmentColumns.PathIn(store.CacheFolder), segments, version, lineage);
            loaded.Unwritten = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            loaded.Unwritten = null;
            loaded.Lineage = null;
        }
    }
}
