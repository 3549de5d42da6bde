using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Store.Caching;

namespace Monitor.Store;

/// <summary>
/// The report's trend years and sensitivity rows: sums over a period's cohort (<see cref="CohortSums"/>), made once and
/// then kept beside the store and brought up to date, night after night, by the youths the new rows touch alone.
/// </summary>
public sealed partial class Analysis
{
    // The segments of the youths with a segment above an id (a kept file's version), by that id.
    private readonly Dictionary<long, Segment[]> _touchedSince = [];

    /// <summary>How many cohort sums this analysis made from the episodes, took from the files beside the store
    /// (<see cref="CohortSumsFile"/>) as they were, and took from them brought up to date: what the tests look at.</summary>
    public (int Made, int Kept, int Updated) Sums { get; private set; }

    /// <summary>One year of a report's trend: the figures the trend shows of the year's cohort sums (<see cref="SumsOf"/>).</summary>
    public TrendYear TrendYear(Period period, AsOfChoice asOf, int gapDays, IReadOnlyList<CareType> residentialSet, string? region,
        int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        if (topN < 1) throw new InvalidRequestException($"--top-n must be at least 1 ({topN})");
        var parameters = new MeasurementParameters(period, region, topN);
        return TrendFigures.Of(TrendFigures.Prefix(period.From.Year), SumsOf(parameters, AsOfFor(asOf, period), gapDays, residentialSet), parameters,
            Reference, OutcomeData);
    }

    /// <summary>
    /// The figures a report's sensitivity table shows of <paramref name="period"/> under a gap rule, under
    /// <paramref name="prefix"/>: those of the period's cohort sums under that rule (<see cref="SumsOf"/>).
    /// </summary>
    public IReadOnlyList<Figure> SensitivityFigures(string prefix, Period period, AsOfChoice asOf, string periodName, int gapDays,
        IReadOnlyList<CareType> residentialSet, string? region, int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        var date = AsOfFor(asOf, period, periodName);
        return Core.Publication.SensitivityFigures.Of(prefix, SumsOf(new MeasurementParameters(period, region, topN), date, gapDays, residentialSet));
    }

    /// <summary>
    /// The sums of the cohort of <paramref name="parameters"/> read at <paramref name="date"/>. Sums made before are taken
    /// from their file while the store only gained rows of extracts since (<see cref="MonitorStore.OnlyExtractRowsAddedSince"/>):
    /// as they were when all new rows start after <paramref name="date"/> (the measurement ignores them), else brought up
    /// to date by the youths with new rows alone: their part of the kept sums (their episodes of the rows they had then)
    /// taken away, their part now added. Otherwise made from the episodes of the youths around the period
    /// (<see cref="EpisodesAround"/>). The same sums every way (tests/Monitor.Integration.Tests/TrendCacheTests.cs).
    /// </summary>
    private CohortSums SumsOf(MeasurementParameters parameters, DateOnly date, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        var period = parameters.Period;
        if (gapDays < 0) throw new InvalidRequestException($"gap days cannot be negative ({gapDays})");
        CohortSums Of(EpisodeSet set) => CohortSums.Of(set, parameters, Reference, OpenSourcesAt(date));
        if (!_useCaches)
        {
            Sums = Sums with { Made = Sums.Made + 1 };
            return Of(EpisodesAround(period, date, gapDays, residentialSet));
        }

        var path = CohortSumsFile.PathIn(_store.CacheFolder, period, date, gapDays, residentialSet, parameters.Region);
        if (CohortSumsFile.Read(path) is var (version, kept) && kept.Period == period && kept.AsOf == date
            && _store.OnlyExtractRowsAddedSince(version, Version))
        {
            if (version.SameAs(Version))
            {
                CohortSumsFile.Touch(path);
                Sums = Sums with { Kept = Sums.Kept + 1 };
                return kept;
            }
            CohortSums? sums = kept;
            if (_store.FirstStartSince(version) is { } start && start <= date)
            {
                LoadForBuilding(gapDays);
                var rules = new EpisodeRules(date, gapDays, residentialSet, _tariffs);
                CohortSums Around(Segment[] segments) => Of(EpisodeBuilder.Build(PeriodSegments.Of(segments, period, gapDays), rules));
                var touched = TouchedSince(version.MaxSegmentId);
                try
                {
                    sums = kept.Minus(Around(Array.FindAll(touched, s => s.Id <= version.MaxSegmentId))).Plus(Around(touched));
                    Sums = Sums with { Updated = Sums.Updated + 1 };
                }
                catch (InvalidOperationException)
                {
                    // The file does not hold the part of youths it should (edited or damaged by hand): made anew below.
                    sums = null;
                }
            }
            else Sums = Sums with { Kept = Sums.Kept + 1 };
            if (sums is not null)
            {
                // Written as of this version: the next night looks only at the rows added after it.
                CohortSumsFile.Write(path, Version, sums);
                return sums;
            }
        }
        var made = Of(EpisodesAround(period, date, gapDays, residentialSet));
        CohortSumsFile.Write(path, Version, made);
        Sums = Sums with { Made = Sums.Made + 1 };
        return made;
    }

    /// <summary>Every segment of the youths with a segment above <paramref name="maxSegmentId"/> (rows added since a
    /// version), in the analysis's order; one pass over the segments per version asked for.</summary>
    private Segment[] TouchedSince(long maxSegmentId)
    {
        if (_touchedSince.TryGetValue(maxSegmentId, out var kept)) return kept;
        LoadForBuilding(0);
        var youths = new HashSet<int>();
        foreach (ref readonly var s in _segments.AsSpan())
            if (s.Id > maxSegmentId) youths.Add(s.YouthId);
        var touched = new List<Segment>();
        foreach (ref readonly var s in _segments.AsSpan())
            if (youths.Contains(s.YouthId)) touched.Add(s);
        return _touchedSince[maxSegmentId] = touched.ToArray();
    }

    /// <summary>
    /// The episodes of <paramref name="period"/> read at <paramref name="date"/> when they are needed once (a trend year, a
    /// row of the sensitivity table):
    /// built for the youths around the period alone (<see cref="PeriodSegments"/>, a small copy of their segments), not
    /// kept, and the episode files beside the store left as they are. A set this analysis keeps under the same rules
    /// is taken instead.
    /// </summary>
    private EpisodeSet EpisodesAround(Period period, DateOnly date, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        if (_episodeSets.TryGetValue((date, gapDays, string.Join(",", residentialSet.Order())), out var kept)) return kept;
        LoadForBuilding(gapDays);
        return EpisodeBuilder.Build(PeriodSegments.Of(_segments, period, gapDays), new EpisodeRules(date, gapDays, residentialSet, _tariffs));
    }
}
