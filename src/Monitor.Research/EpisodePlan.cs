using Microsoft.Data.Analysis;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Store;

namespace Monitor.Research;

/// <summary>The built episodes of one request and what their rows need: the measurement (for the cohort
/// flags), the reference data, the segments' extra attributes and the youth keys.</summary>
internal sealed class EpisodePlan(EpisodeSet set, Measurement? measurement, ReferenceData reference,
    SegmentAttributes attributes, string?[] youthKeys, IReadOnlyDictionary<string, EndCategory> endReasons)
{
    private const int ShortStayDays = 30;

    public int EpisodeCount => set.Episodes.Count;
    public Measurement? Measurement => measurement;
    public EpisodeSet Set => set;

    /// <summary>The episode rows, <paramref name="chunkRows"/> at a time; episode ids count from 1 in row order.</summary>
    public IEnumerable<DataFrame> EpisodeChunks(int chunkRows)
    {
        var specs = ExportColumns.EpisodeColumns(measurement is not null);
        var episodes = set.Episodes;
        var capacity = Math.Max(1, Math.Min(chunkRows, episodes.Count));
        var builder = new FrameBuilder(specs, capacity);
        int cId = builder.Index("episode_id"), cYouth = builder.Index("youth_key"), cStart = builder.Index("start"), cEnd = builder.Index("end"),
            cOngoing = builder.Index("ongoing"), cDuration = builder.Index("duration_days"), cProviders = builder.Index("provider_count"),
            cMoves = builder.Index("placement_moves"), cCost = builder.Index("cost_eur_x10000"), cWithout = builder.Index("segments_without_cost"),
            cSegments = builder.Index("segment_count"), cMunicipality = builder.Index("municipality"), cRegion = builder.Index("region"),
            cFirstProvider = builder.Index("first_provider"), cFirstCare = builder.Index("first_care_type"), cCrisis = builder.Index("crisis_start"),
            cReason = builder.Index("end_reason"), cCategory = builder.Index("end_category"), cSex = builder.Index("sex"),
            cAge = builder.Index("age_at_start"), cBand = builder.Index("age_band");
        var codes = new ResearchFrames.CodeTexts();
        var flags = measurement is null ? null : new CohortFlags(measurement, builder);
        var any = false;
        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            var segments = set.SegmentsOf(e);
            var first = segments[0];
            builder.Int64(cId, i + 1);
            builder.String(cYouth, youthKeys[e.YouthId] ?? throw new StoreException("the store changed while it was being read: try again"));
            builder.Date(cStart, e.Start);
            builder.Date(cEnd, e.End);
            builder.Boolean(cOngoing, e.Ongoing);
            builder.Int32(cDuration, e.DurationDays);
            builder.Int32(cProviders, e.ProviderCount);
            builder.Int32(cMoves, e.PlacementMoves);
            builder.Int64(cCost, TenThousandths(e.Cost));
            builder.Int32(cWithout, e.SegmentsWithoutCost);
            builder.Int32(cSegments, e.SegmentCount);
            builder.String(cMunicipality, codes.Municipality(e.Municipality));
            builder.String(cRegion, reference.RegionOf(e.Municipality));
            builder.String(cFirstProvider, codes.Provider(first.Provider));
            builder.String(cFirstCare, first.CareType.Word());
            builder.Boolean(cCrisis, first.CareType == CareType.Crisis || attributes.StartedAsCrisis[attributes.IndexOf(first.Id)] == 1);
            var reason = EndReason(e, segments);
            builder.String(cReason, reason);
            builder.String(cCategory, reason is not null && endReasons.TryGetValue(reason, out var category) ? category.Word() : null);
            builder.String(cSex, Sex(segments));
            var age = Age.InYears(e.BirthDate, e.Start);
            builder.Int32(cAge, age);
            builder.String(cBand, AgeBand(age));
            flags?.Write(e);
            builder.Next();
            if (builder.Count == capacity)
            {
                yield return builder.ToDataFrame();
                any = true;
                builder.Reset();
            }
        }
        if (builder.Count > 0 || !any) yield return builder.ToDataFrame();
    }

    /// <summary>What the segment rows need of the episodes: segment id → episode id, sorted for lookup.</summary>
    public SegmentLinks Links()
    {
        var count = 0L;
        foreach (var e in set.Episodes) count += e.SegmentCount;
        var segmentIds = new long[count];
        var episodeIds = new long[count];
        var k = 0;
        for (var i = 0; i < set.Episodes.Count; i++)
        {
            foreach (var s in set.SegmentsOf(set.Episodes[i]))
            {
                segmentIds[k] = s.Id;
                episodeIds[k++] = i + 1;
            }
        }
        Array.Sort(segmentIds, episodeIds);
        return new SegmentLinks(segmentIds, episodeIds, youthKeys);
    }

    /// <summary>The reason of the segment that ends the episode: the last, in the protocol's order, of those
    /// whose end is the episode's end.</summary>
    private string? EndReason(Episode e, ReadOnlySpan<Segment> segments)
    {
        if (e.End is not { } end) return null;
        for (var k = segments.Length - 1; k >= 0; k--)
            if (segments[k].End == end) return attributes.EndReason[attributes.IndexOf(segments[k].Id)];
        return null;
    }

    private string? Sex(ReadOnlySpan<Segment> segments)
    {
        foreach (var s in segments)
        {
            var sex = attributes.Sex[attributes.IndexOf(s.Id)];
            if (sex != '\0') return sex switch { 'M' => "M", 'V' => "V", _ => "X" };
        }
        return null;
    }

    internal static string AgeBand(int age) => age switch
    {
        <= 3 => "0-3",
        <= 11 => "4-11",
        <= 17 => "12-17",
        <= 22 => "18-22",
        _ => "23+",
    };

    /// <summary>Money as an exact count of 1/10,000 euro (the store's unit); a finer tariff cost rounds half to even.</summary>
    internal static long TenThousandths(decimal euros) => (long)decimal.Round(euros * 10_000m, MidpointRounding.ToEven);

    /// <summary>The cohort flags, taken from the measurement's own lists (not recomputed), so a flag's sum is
    /// the figure: the cohort and its parts are subsequences of the episodes in set order.</summary>
    private sealed class CohortFlags(Measurement m, FrameBuilder builder)
    {
        private readonly FrameBuilder _builder = builder;
        private int _cohort, _exited, _entries, _entries8;
        private readonly HashSet<Episode> _topN = new(m.Cohort.TopN, ReferenceEqualityComparer.Instance);
        private readonly int cIn = builder.Index("in_cohort"), cExited = builder.Index("exited_in_period"), cClosed = builder.Index("exited_by_as_of"),
            cOngoing = builder.Index("ongoing_at_as_of"), cEntry = builder.Index("entry_in_period"), cEntry8 = builder.Index("entry_8plus"),
            cShort = builder.Index("short_episode"), cTop = builder.Index("top_n"), cDays = builder.Index("residential_days_in_period");

        public void Write(Episode e)
        {
            var inCohort = Next(m.Cohort.Episodes, ref _cohort, e);
            _builder.Boolean(cIn, inCohort);
            _builder.Boolean(cExited, inCohort && Next(m.Cohort.ExitedInPeriod, ref _exited, e));
            _builder.Boolean(cClosed, inCohort && !e.Ongoing);
            _builder.Boolean(cOngoing, inCohort && e.Ongoing);
            var entry = inCohort && Next(m.Cohort.Entries, ref _entries, e);
            _builder.Boolean(cEntry, entry);
            _builder.Boolean(cEntry8, entry && Next(m.Cohort.Entries8Plus, ref _entries8, e));
            _builder.Boolean(cShort, inCohort && e.DurationDays < ShortStayDays);
            _builder.Boolean(cTop, inCohort && _topN.Contains(e));
            _builder.Int32(cDays, inCohort ? OutcomeCalculator.ResidentialDaysIn(e, m.Period, m.AsOf) : 0);
        }

        private static bool Next(IReadOnlyList<Episode> list, ref int position, Episode e)
        {
            if (position < list.Count && ReferenceEquals(list[position], e))
            {
                position++;
                return true;
            }
            return false;
        }
    }
}
