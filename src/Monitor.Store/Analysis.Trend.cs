using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;
using Monitor.Store.Caching;

namespace Monitor.Store;

/// <summary>The report's trend years: measured once, then kept beside the store for as long as what they read holds.</summary>
public sealed partial class Analysis
{
    /// <summary>How many trend years this analysis measured, and how many it took from the files beside the store
    /// (<see cref="TrendYearFile"/>): what the tests look at.</summary>
    public (int Measured, int Kept) TrendYears { get; private set; }

    /// <summary>
    /// One year of a report's trend: the figures the trend shows (<see cref="TrendFigures.Of(string, EpisodeSet, MeasurementParameters, ReferenceData, OutcomeData, IReadOnlyDictionary{long, ExtractCoverage})"/>)
    /// of the episodes of the youths around the year (<see cref="EpisodesAround"/>). A year measured
    /// before is taken from its file when the store still holds what it read (<see cref="MonitorStore.UnchangedUpTo"/>:
    /// a nightly delta whose rows all start after the year's as-of date leaves it as it was), else measured anew.
    /// The same figures either way (tests/Monitor.Integration.Tests/TrendCacheTests.cs).
    /// </summary>
    public TrendYear TrendYear(Period period, AsOfChoice asOf, int gapDays, IReadOnlyList<CareType> residentialSet, string? region,
        int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        var date = AsOfFor(asOf, period);
        var path = TrendYearFile.PathIn(_store.CacheFolder, period, date, gapDays, residentialSet, region, topN);
        if (_useCaches && TrendYearFile.Read(path) is var (version, kept) && kept.Period == period && kept.AsOf == date
            && _store.UnchangedUpTo(version, Version, date))
        {
            // Kept as of this version: the next night's check looks only at the rows added after it.
            if (!version.SameAs(Version)) TrendYearFile.Write(path, Version, kept);
            TrendYears = (TrendYears.Measured, TrendYears.Kept + 1);
            return kept;
        }
        if (topN < 1) throw new InvalidRequestException($"--top-n must be at least 1 ({topN})");
        var year = TrendFigures.Of(TrendFigures.Prefix(period.From.Year), EpisodesAround(period, date, gapDays, residentialSet),
            new MeasurementParameters(period, region, topN), Reference, OutcomeData, OpenSourcesAt(date));
        if (_useCaches) TrendYearFile.Write(path, Version, year);
        TrendYears = (TrendYears.Measured + 1, TrendYears.Kept);
        return year;
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
