using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>The research intervals as published figures (issue 13): every bound a figure of its own that belongs
/// to the figure it is an interval of, hidden whenever that one is, and over fewer than T youths.</summary>
public class IntervalFigureTests
{
    /// <summary>Youths in two regions with stays of every length from 2019 to 2022, some still running.</summary>
    private static Segment[] Stays(int youths, int seed)
    {
        var random = new Random(seed);
        var segments = new List<Segment>();
        int[] municipalities = [193, 148, 153, 164];
        for (var youth = 1; youth <= youths; youth++)
        {
            var start = new DateOnly(2019, 1, 1).AddDays(random.Next(1000));
            var length = random.Next(3) switch { 0 => random.Next(1, 40), 1 => random.Next(40, 400), _ => random.Next(400, 1400) };
            var end = start.AddDays(length);
            segments.Add(Seg.Make(youth, 41000001 + random.Next(3), start.ToString("yyyy-MM-dd"), end > new DateOnly(2022, 6, 30) ? null : end.ToString("yyyy-MM-dd"),
                municipality: municipalities[random.Next(municipalities.Length)]));
        }
        return segments.ToArray();
    }

    private static (FigureSet Set, Comparison Comparison) Compared(int youths, int replicates = 200)
    {
        var segments = Stays(youths, 11);
        var episodes = EpisodeBuilder.Build(segments, Seg.Rules("2022-06-30"));
        var comparison = Comparison.Of(MeasurementCalculator.Measure(episodes, new MeasurementParameters(Period.Year(2020)), ReferenceData.Empty),
            MeasurementCalculator.Measure(episodes, new MeasurementParameters(Period.Year(2021)), ReferenceData.Empty));
        comparison = comparison with { Statistics = ComparisonStatistics.Compute(episodes, episodes, comparison, replicates, seed: 5) };
        var set = new FigureSet();
        MeasurementFigures.Add(set, comparison, ReferenceData.Empty);
        IntervalFigures.Add(set, comparison);
        return (set, comparison);
    }

    [Fact]
    public void EveryChangeWithAnIntervalGetsTwoBoundsThatBelongToIt()
    {
        var (set, comparison) = Compared(300);
        foreach (var c in comparison.Statistics!.Changes.Changes)
        {
            var lower = set[$"change_ci_lower.{c.Key}"];
            var upper = set[$"change_ci_upper.{c.Key}"];
            Assert.Equal(("change." + c.Key, "change." + c.Key), (lower.Of, upper.Of));
            Assert.Equal(FigureKind.Statistic, lower.Kind);
            if (set["change." + c.Key].Value is null) continue;
            Assert.Equal(c.Interval?.Lower, lower.Value);
            Assert.Equal(c.Interval?.Upper, upper.Value);
        }
        Assert.NotNull(set["change_ci_lower.counts.youths"].Value);
        foreach (var prefix in new[] { "baseline", "followup" })
        foreach (var cohort in IntervalFigures.KmCohorts)
        {
            var lower = set[IntervalFigures.KmBound(prefix, cohort, upper: false)];
            Assert.Equal($"{prefix}.{cohort}.km_median_days", lower.Of);
            Assert.Equal(set[lower.Of!].Youths, lower.Youths);
        }
        Assert.Equal(comparison.Statistics.BaselineEntries.Interval.Lower, set["baseline.entry_cohort.km_median_ci_lower"].Value);
    }

    [Fact]
    public void NoIntervalIsShownBesideAHiddenFigure()
    {
        // Thirty youths at a threshold of 10: several counts and means are hidden, and with them their changes.
        var (set, _) = Compared(30);
        foreach (var threshold in new[] { 5, 10, 20, 40 })
        {
            var published = new PublicationRules(threshold).Apply(set);
            var bounds = set.Figures.Where(f => f.Of is not null).ToList();
            Assert.True(bounds.Count >= 40);
            foreach (var bound in bounds)
            {
                if (!published.IsShown(bound.Of!)) Assert.False(published.IsShown(bound.Key), $"T={threshold}: {bound.Key} is shown beside hidden {bound.Of}");
                if (bound.Value is not null && bound.Youths < threshold) Assert.False(published.IsShown(bound.Key), $"T={threshold}: {bound.Key} over {bound.Youths} youths");
            }
            if (threshold == 10) Assert.Contains(bounds, b => !published.IsShown(b.Key));
        }
    }

    [Fact]
    public void WithoutStatisticsThereAreNoBounds()
    {
        var segments = Stays(50, 3);
        var episodes = EpisodeBuilder.Build(segments, Seg.Rules("2022-06-30"));
        var comparison = Comparison.Of(MeasurementCalculator.Measure(episodes, new MeasurementParameters(Period.Year(2020)), ReferenceData.Empty),
            MeasurementCalculator.Measure(episodes, new MeasurementParameters(Period.Year(2021)), ReferenceData.Empty));
        var set = new FigureSet();
        MeasurementFigures.Add(set, comparison, ReferenceData.Empty);
        var before = set.Figures.Count;
        IntervalFigures.Add(set, comparison);
        Assert.Equal(before, set.Figures.Count);
    }

    [Fact]
    public void TheDifferenceInDifferencesIsTheDifferenceOfTheRegionsChangesWithItsIntervalAndTrendCheck()
    {
        var segments = Stays(400, 21);
        var population = Outcome.Data([.. new[] { 193, 148, 153, 164 }.SelectMany(m => new[] { 2019, 2020, 2021 }.Select(y => new PopulationRow(m, y, 4000 + m)))]);
        Measurement M(string period, string asOf, string region) => Outcome.MeasurementOf(period, asOf, segments, population, region, Outcome.TwoRegions);
        var did = new DifferenceInDifferences("IJsselland", "Twente", M("2020", "2021-06-30", "IJsselland"), M("2021", "2022-06-30", "IJsselland"),
            M("2020", "2021-06-30", "Twente"), M("2021", "2022-06-30", "Twente"));
        var earlier = new[] { (M("2019", "2020-06-30", "IJsselland"), M("2019", "2020-06-30", "Twente")) };
        did = did with { Statistics = DidStatistics.Compute(did, earlier, 200, 9) };

        var set = new FigureSet();
        foreach (var (prefix, m) in new[] { ("a0", did.ABaseline), ("a1", did.AFollowup), ("b0", did.BBaseline), ("b1", did.BFollowup) })
        {
            MeasurementFigures.Add(set, prefix, m, Outcome.TwoRegions);
            OutcomeFigures.Add(set, prefix, m);
        }
        IntervalFigures.AddDifferenceInDifferences(set, did, ("a0", "a1", "a.change"), ("b0", "b1", "b.change"));

        Assert.Equal(did.ResidentialDaysPer1000.DifferenceInDifferences!.Value, set["difference_in_differences.outcomes.residential_days_per_1000"].Value!.Value, 9);
        Assert.Equal(did.MeanStayDays.DifferenceInDifferences!.Value, set["difference_in_differences.duration_days.mean_all"].Value!.Value, 9);
        var interval = did.Statistics!.Intervals.Single(i => i.Figure == "mean_stay_days").Interval!.Value;
        Assert.Equal(interval.Lower, set["difference_in_differences_ci_lower.duration_days.mean_all"].Value);
        Assert.Equal(interval.Upper, set["difference_in_differences_ci_upper.duration_days.mean_all"].Value);
        var trend = set["pre_trend_parallel.duration_days.mean_all"];
        Assert.Equal(did.Statistics.Trends.Single(t => t.Figure == "mean_stay_days").Parallel!.Value ? 1 : 0, trend.Value);
        Assert.Equal("difference_in_differences.duration_days.mean_all", trend.Of);
        Assert.InRange(trend.Youths, 10, 400);

        // A region's mean over too few youths hides its change, the difference in differences and all that belongs to it.
        var published = new PublicationRules(trend.Youths + 1).Apply(set);
        Assert.False(published.IsShown("pre_trend_parallel.duration_days.mean_all"));
        published = new PublicationRules(500).Apply(set);
        Assert.False(published.IsShown("difference_in_differences.duration_days.mean_all"));
        Assert.False(published.IsShown("difference_in_differences_ci_lower.duration_days.mean_all"));
    }
}
