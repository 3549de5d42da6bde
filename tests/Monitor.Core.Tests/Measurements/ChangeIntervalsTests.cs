using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Statistics;
using Monitor.Core.Tests.Episodes;

namespace Monitor.Core.Tests.Measurements;

/// <summary>The bootstrap intervals of the changes in the key figures.</summary>
public class ChangeIntervalsTests
{
    private static readonly Period Y2020 = Period.Year(2020), Y2021 = Period.Year(2021);

    /// <summary>Random youths with one to three stays each (several providers, open ends, amounts, ambulant care).</summary>
    private static Segment[] RandomStore(Random random, int youths, int firstYouth = 1)
    {
        var segments = new List<Segment>();
        for (var y = firstYouth; y < firstYouth + youths; y++)
        {
            var birth = new DateOnly(2003 + random.Next(15), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd");
            var start = new DateOnly(2019, 1, 1).AddDays(random.Next(1000));
            for (var stay = 0; stay < 1 + random.Next(3); stay++)
            {
                var days = 1 + (int)(-150 * Math.Log(1 - random.NextDouble()));
                var end = random.NextDouble() < 0.15 ? (string?)null : start.AddDays(days - 1).ToString("yyyy-MM-dd");
                var provider = 10000000 + random.Next(5);
                segments.Add(Seg.Make(y, provider, start.ToString("yyyy-MM-dd"), end, amount: random.Next(3) == 0 ? null : random.Next(100, 50000), birth: birth));
                if (random.Next(4) == 0)
                    segments.Add(Seg.Make(y, provider + 7, start.AddDays(3).ToString("yyyy-MM-dd"), start.AddDays(40).ToString("yyyy-MM-dd"), CareType.Ambulant, amount: 900, birth: birth));
                if (end is null) break;
                start = start.AddDays(days + 10 + random.Next(300));
            }
        }
        return segments.ToArray();
    }

    private static (EpisodeSet Set, Measurement Baseline, Measurement Followup) Measured(Segment[] segments, string asOf = "2022-06-30", int followupYear = 2021)
    {
        var set = EpisodeBuilder.Build(segments, Seg.Rules(asOf));
        return (set, MeasurementCalculator.Measure(set, new MeasurementParameters(Y2020), ReferenceData.Empty),
            MeasurementCalculator.Measure(set, new MeasurementParameters(Period.Year(followupYear)), ReferenceData.Empty));
    }

    /// <summary>The key figures of <paramref name="m"/> as MeasurementCalculator gives them equal <paramref name="own"/>
    /// (in the order of <see cref="ChangeIntervals.Keys"/>) to 1e-9.</summary>
    private static void AssertFigures(Measurement m, IReadOnlyList<double?> own, string where)
    {
        double?[] expected =
        [
            m.Counts.Youths, m.Counts.Episodes, m.Counts.ExitedInPeriod, m.Counts.ExitedByAsOf, m.Counts.OngoingAtAsOf,
            m.Counts.EntriesInPeriod, m.Counts.Aged12OrYounger, m.Counts.ShortEpisodes, m.Counts.SingleProviderEpisodes,
            m.Duration.MeanAll, m.Duration.MedianAll, m.Duration.MeanExitedInPeriod, m.Duration.MeanOngoingAtAsOf,
            m.EntryCohort.KmMedianDays, m.Providers.MeanPerMultiProviderEpisode, m.Providers.MovesPer1000Days,
            (double?)m.Cost.MeanEpisode, (double?)m.Cost.MeanAllEpisodesPerYouth, (double?)m.Cost.MeanAmbulantPerYouth,
        ];
        for (var f = 0; f < expected.Length; f++)
        {
            if (expected[f] is null) Assert.Null(own[f]);
            else Assert.True(own[f] is { } v && Math.Abs(expected[f]!.Value - v) <= 1e-9 * Math.Max(1, Math.Abs(expected[f]!.Value)),
                $"{where}, {ChangeIntervals.Keys[f]}: {expected[f]} vs {own[f]}");
        }
    }

    [Fact]
    public void WithEveryWeightOneTheFiguresAreTheMeasurementsOwn()
    {
        // Property: the reweighting code computes the protocol's figures, checked against MeasurementCalculator.
        var random = new Random(11);
        for (var run = 0; run < 40; run++)
        {
            var (set, baseline, followup) = Measured(RandomStore(random, random.Next(0, 60)));
            var changes = ChangeIntervals.Compute(set, baseline, set, followup, replicates: 20);
            foreach (var m in new[] { baseline, followup })
            {
                var own = m == baseline ? changes.Changes.Select(c => c.Baseline).ToList() : changes.Changes.Select(c => c.Followup).ToList();
                AssertFigures(m, own, $"run {run}");
            }
        }
    }

    [Fact]
    public void AReplicateIsTheMeasurementOfTheStoreWithEachYouthThereWeightTimes()
    {
        // Property: a replicate's figures are those MeasurementCalculator gives for a store in which each youth
        // appears as often as its Poisson weight (copies under new numbers): the model of the bootstrap, written
        // without the reweighting code's arrays, histograms or hashing shortcuts.
        var random = new Random(29);
        for (var run = 0; run < 30; run++)
        {
            var segments = RandomStore(random, random.Next(1, 40));
            var (set, baseline, followup) = Measured(segments);
            // A few replicates of a bootstrap of many, each checked on its own.
            var seed = (ulong)random.Next(1000);
            var sums = new[] { baseline, followup }.Select(m => BootstrapSums.Of(set, new MeasurementParameters(m.Period), ReferenceData.Empty, 300, seed)).ToList();
            foreach (var replicate in Enumerable.Range(0, 4).Select(_ => random.Next(300)))
            {
                var weighted = sums.Select(s => s.Figures(1 + replicate)).ToList();
                var expanded = new List<Segment>();
                foreach (var youth in segments.GroupBy(s => s.YouthId))
                    for (var copy = 0; copy < PoissonBootstrap.Weight(seed, replicate, youth.Key); copy++)
                        expanded.AddRange(youth.Select(s => Segment.FromStore(s.Id * 100 + copy, youth.Key * 100 + copy, s.BirthDate, s.Municipality, s.Provider,
                            s.CareType, s.ProductCode, s.Start, s.End, s.AmountTenThousandths)));
                var (_, expandedBaseline, expandedFollowup) = Measured(expanded.ToArray());
                foreach (var (m, own) in new[] { expandedBaseline, expandedFollowup }.Zip(weighted))
                    AssertFigures(m, own, $"run {run}, replicate {replicate}");
            }
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameIntervals_AnotherSeedOthers()
    {
        var (set, baseline, followup) = Measured(RandomStore(new Random(3), 300));
        var first = ChangeIntervals.Compute(set, baseline, set, followup, 200, seed: 5);
        var second = ChangeIntervals.Compute(set, baseline, set, followup, 200, seed: 5);
        var other = ChangeIntervals.Compute(set, baseline, set, followup, 200, seed: 6);
        Assert.Equal(first.Changes.Select(c => c.Interval), second.Changes.Select(c => c.Interval));
        Assert.NotEqual(first["duration_days.mean_all"].Interval, other["duration_days.mean_all"].Interval);
    }

    [Fact]
    public void AYouthCarriesTheSameWeightInBothMeasurements()
    {
        // Measuring the same period twice: every replicate changes both sides alike, so every change is 0.
        var (set, baseline, _) = Measured(RandomStore(new Random(4), 200));
        var changes = ChangeIntervals.Compute(set, baseline, set, baseline, 100);
        Assert.All(changes.Changes.Where(c => c.Interval is not null), c => Assert.Equal((0.0, 0.0), (c.Interval!.Value.Lower, c.Interval!.Value.Upper)));
    }

    [Fact]
    public void TopNFiguresAndEmptyGroupsGetNoInterval()
    {
        Assert.DoesNotContain("duration_days.mean_top_n", ChangeIntervals.Keys);
        Assert.DoesNotContain("cost_eur.mean_top_n", ChangeIntervals.Keys);
        var (set, baseline, followup) = Measured([Seg.Make(1, 10000001, "2020-03-01", "2020-04-01")]);
        var changes = ChangeIntervals.Compute(set, baseline, set, followup, 50);
        Assert.Null(changes["duration_days.mean_all"].Interval); // the follow-up cohort is empty in every replicate
        Assert.Null(changes["duration_days.mean_all"].Change);
    }

    [Fact]
    public void IntervalsCoverTheTrueChangeAtTheStatedRateOnSimulatedStores()
    {
        // 150 simulated stores. Per year, the number of youths entering care is Poisson(120) in 2020 and
        // Poisson(100) in 2023 (true change in counts.youths: -20); each has one stay of 1 + Geometric days,
        // mean 60 in 2020 and 75 in 2023 (true change in the stock's mean stay: +15), all closed long before
        // the as-of date, so the cohort of a year is its entries (2023 is far enough from 2020 that no stay
        // of 2020 lasts into it). Each store gets its own seed. Binomial(150,
        // 0.95) stays in [0.89, 0.99] with 99.9% probability.
        var random = new Random(13);
        int coveredCount = 0, coveredMean = 0;
        const int stores = 150;
        for (var store = 0; store < stores; store++)
        {
            var segments = new List<Segment>();
            var youth = 0;
            foreach (var (year, mean, expected) in new[] { (2020, 60.0, 120.0), (2023, 75.0, 100.0) })
            {
                var n = Poisson(random, expected);
                for (var i = 0; i < n; i++)
                {
                    var start = new DateOnly(year, 1, 1).AddDays(random.Next(200));
                    var days = 1 + (int)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(1 - 1 / mean));
                    segments.Add(Seg.Make(++youth, 10000001, start.ToString("yyyy-MM-dd"), start.AddDays(days - 1).ToString("yyyy-MM-dd")));
                }
            }
            var (set, baseline, followup) = Measured(segments.ToArray(), asOf: "2025-12-31", followupYear: 2023);
            var changes = ChangeIntervals.Compute(set, baseline, set, followup, 300, seed: (ulong)store);
            if (changes["counts.youths"].Interval is { } c && c.Lower <= -20 && -20 <= c.Upper) coveredCount++;
            // 1 + Geometric(p = 1/mean) has mean exactly `mean`
            if (changes["duration_days.mean_all"].Interval is { } m && m.Lower <= 15 && 15 <= m.Upper) coveredMean++;
        }
        Assert.True(coveredCount / (double)stores is >= 0.89 and <= 0.99, $"counts.youths covered {coveredCount} of {stores}");
        Assert.True(coveredMean / (double)stores is >= 0.89 and <= 0.99, $"mean_all covered {coveredMean} of {stores}");
    }

    private static int Poisson(Random random, double mean)
    {
        // Knuth's method: fine for a mean of about 100 in a test.
        var (limit, k, product) = (Math.Exp(-mean), 0, random.NextDouble());
        while (product > limit) (k, product) = (k + 1, product * random.NextDouble());
        return k;
    }
}
