using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;
using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Store;

namespace Monitor.Research;

/// <summary>
/// The researcher's data frames: the episodes, the segments with their lineage, and a measurement's cohort
/// as <see cref="DataFrame"/>s with explicit column types (<see cref="ExportColumns"/>), built from exactly
/// the rows behind <c>monitor measure</c>'s figures. The episodes are built on the measuring fast path
/// (Core's arrays); the frames are made at the edge, from its result.
/// </summary>
/// <example>
/// <code>
/// using var frames = ResearchFrames.Open("monitor.db");
/// DataFrame cohort = frames.Cohort(new FrameRequest(new DateOnly(2021, 9, 30), Period: Period.Year(2020)));
/// </code>
/// </example>
public sealed class ResearchFrames : IDisposable
{
    private readonly MonitorStore _store;
    private readonly bool _ownsStore;

    public ResearchFrames(MonitorStore store) : this(store, false) { }

    private ResearchFrames(MonitorStore store, bool ownsStore) => (_store, _ownsStore) = (store, ownsStore);

    /// <summary>The store the frames read.</summary>
    internal MonitorStore Store => _store;

    /// <summary>Opens the store at <paramref name="storePath"/> (read for the frames; closed with this object).</summary>
    public static ResearchFrames Open(string storePath) => new(MonitorStore.OpenExisting(storePath), true);

    public void Dispose()
    {
        if (_ownsStore) _store.Dispose();
    }

    /// <summary>Every episode as of the request's date; with a period, with the cohort flags.</summary>
    public DataFrame Episodes(FrameRequest request)
    {
        using var analysis = new Analysis(_store);
        return Prepare(request, analysis).EpisodeChunks(int.MaxValue).Single();
    }

    /// <summary>The cohort of the request's period: the episodes whose <c>in_cohort</c> is true.</summary>
    public DataFrame Cohort(FrameRequest request)
    {
        if (request.Period is null) throw new InvalidRequestException("a cohort needs a period");
        var episodes = Episodes(request);
        return episodes.Filter((PrimitiveDataFrameColumn<bool>)episodes["in_cohort"]);
    }

    /// <summary>Every segment in force that starts on or before the as-of date, with file, line and SHA-256,
    /// and the episode it is part of.</summary>
    public DataFrame Segments(FrameRequest request)
    {
        using var analysis = new Analysis(_store);
        var links = Prepare(request, analysis).Links();
        return SegmentChunks(request, links, int.MaxValue).Single();
    }

    /// <summary>Builds the episodes (and the measurement, with a period) once; the export writes from it.
    /// Everything read while <paramref name="analysis"/> is open comes from its one snapshot of the store.</summary>
    internal EpisodePlan Prepare(FrameRequest request, Analysis analysis)
    {
        analysis.CheckRegion(request.Region);
        if (request.Period is { } p && request.AsOf < p.To)
            throw new InvalidRequestException($"the as-of date {request.AsOf:yyyy-MM-dd} is before the period's end {p.To:yyyy-MM-dd}");
        if (request.TopN < 1) throw new InvalidRequestException($"--top-n must be at least 1 ({request.TopN})");
        var set = analysis.BuildEpisodes(request.AsOf, request.GapDays, request.Set);
        var measurement = request.Period is { } period
            ? MeasurementCalculator.Measure(set, new MeasurementParameters(period, request.Region, request.TopN), analysis.Reference)
            : null;
        return new EpisodePlan(set, measurement, analysis.Reference, _store.ReadSegmentAttributes(request.Set, request.AsOf),
            _store.AllYouthKeys(), _store.EndReasonCategories());
    }

    /// <summary>The segment rows, <paramref name="chunkRows"/> at a time, streamed from the store in id order.</summary>
    internal IEnumerable<DataFrame> SegmentChunks(FrameRequest request, SegmentLinks links, int chunkRows)
    {
        var files = _store.ImportedFiles();
        var specs = ExportColumns.Segment;
        var capacity = (int)Math.Min(chunkRows, Math.Max(1, _store.CountSegments(request.AsOf)));
        var builder = new FrameBuilder(specs, capacity);
        int cId = builder.Index("segment_id"), cEpisode = builder.Index("episode_id"), cYouth = builder.Index("youth_key"), cImport = builder.Index("import_id"),
            cFile = builder.Index("file"), cLine = builder.Index("line"), cSha = builder.Index("sha256"), cProvider = builder.Index("provider"),
            cMunicipality = builder.Index("municipality"), cCare = builder.Index("care_type"), cCode = builder.Index("care_code"),
            cProduct = builder.Index("product_code"), cStart = builder.Index("start"), cEnd = builder.Index("end"), cOpen = builder.Index("open_at_as_of"),
            cAmount = builder.Index("amount_eur_x10000"), cResidential = builder.Index("residential");
        var codes = new CodeTexts();
        var any = false;
        foreach (var s in _store.ReadSegmentLineage(request.AsOf))
        {
            var file = files.TryGetValue(s.ImportId, out var f) ? f : throw new StoreException("the store changed while it was being read: try again");
            builder.Int64(cId, s.Id);
            builder.Int64(cEpisode, links.EpisodeOf(s.Id));
            builder.String(cYouth, links.YouthKey(s.YouthId));
            builder.Int64(cImport, s.ImportId);
            builder.String(cFile, file.FileName);
            builder.Int32(cLine, s.Line);
            builder.String(cSha, file.Sha256);
            builder.String(cProvider, codes.Provider(s.Provider));
            builder.String(cMunicipality, codes.Municipality(s.Municipality));
            builder.String(cCare, s.CareType.Word());
            builder.String(cCode, s.CareCode);
            builder.String(cProduct, s.ProductCode);
            builder.Date(cStart, s.Start);
            builder.Date(cEnd, s.End);
            builder.Boolean(cOpen, s.End is not { } end || end > request.AsOf);
            builder.Int64(cAmount, s.AmountTenThousandths);
            builder.Boolean(cResidential, request.Set.Contains(s.CareType));
            builder.Next();
            if (builder.Count == builder.Capacity)
            {
                yield return builder.ToDataFrame();
                any = true;
                builder.Reset();
            }
        }
        if (builder.Count > 0 || !any) yield return builder.ToDataFrame();
    }

    /// <summary>Shared strings for codes: millions of rows name a few hundred municipalities and providers.</summary>
    internal sealed class CodeTexts
    {
        private readonly Dictionary<int, string> _municipalities = new(), _providers = new();

        public string Municipality(int code) => CollectionsMarshal.GetValueRefOrAddDefault(_municipalities, code, out _) ??= Codes.Municipality(code);
        public string Provider(int code) => CollectionsMarshal.GetValueRefOrAddDefault(_providers, code, out _) ??= Codes.Provider(code);
    }
}

/// <summary>Which episode each residential segment is part of, and the youth keys: all the segment export
/// needs of the episode set, so the set (hundreds of MB) can go before the segments are written.</summary>
internal sealed class SegmentLinks(long[] segmentIds, long[] episodeIds, string?[] youthKeys)
{
    private int _cursor;

    /// <summary>The episode of a segment. The segments come in id order, so a cursor walks the sorted ids
    /// forward (a binary search only when an id comes out of order).</summary>
    public long? EpisodeOf(long segmentId)
    {
        if (_cursor > 0 && segmentIds[_cursor - 1] >= segmentId)
        {
            var found = Array.BinarySearch(segmentIds, segmentId);
            _cursor = found >= 0 ? found : ~found;
        }
        while (_cursor < segmentIds.Length && segmentIds[_cursor] < segmentId) _cursor++;
        return _cursor < segmentIds.Length && segmentIds[_cursor] == segmentId ? episodeIds[_cursor] : null;
    }

    public string YouthKey(int youthId) =>
        youthId < youthKeys.Length && youthKeys[youthId] is { } key ? key : throw new StoreException("the store changed while it was being read: try again");
}
