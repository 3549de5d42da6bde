using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;
using Monitor.Core.Tests.Publication;

namespace Monitor.Core.Tests.Measurements;

/// <summary>A measurement's bootstrap sums brought up to date by the youths a delta touched alone (their old part taken
/// away, their new part added) against the sums of the whole store after the delta.</summary>
public class BootstrapSumsTests
{
    private static readonly int[] Municipalities = [193, 148, 153, 164, 344];

    /// <summary>Tariffs with more than four decimals: costs the bootstrap rounds to ten-thousandths of a euro.</summary>
    private static readonly TariffTable Tariffs = new([
        new TariffRow(CareType.Verblijf, 2019, 201.123456m), new TariffRow(CareType.Verblijf, 2020, 210.5m), new TariffRow(CareType.Verblijf, 2021, 219.98765m),
    ]);

    [Fact]
    public void SumsBroughtUpToDateByTheTouchedYouthsAreThoseOfTheWholeStore()
    {
        // Property: seeded random stores and deltas, as for the cohort sums (CohortSumsTests), with amounts, tariff costs
        // and ambulant care. Kept − old part + new part equals the sums of all youths now, row by row and duration by
        // duration, in every replicate; and so do the figures made of them.
        var random = new Random(4711);
        var reference = Outcome.TwoRegions;
        for (var run = 0; run < 150; run++)
        {
            var before = RandomStays.Of(random, 40, new DateOnly(2019, 6, 1), Municipalities, maxDays: 300)
                .Select(s => random.Next(3) == 0 ? s : Segment.FromStore(s.Id, s.YouthId, new DateOnly(2004 + random.Next(14), 3, 1), s.Municipality,
                    s.Provider, s.CareType, s.ProductCode, s.Start, s.End, random.NextInt64(1, 5_000_000_000)))
                .ToArray();
            var added = RandomStays.Delta(random, before, Municipalities, amounts: true);
            Segment[] after = [.. before, .. added];
            var gap = new[] { 0, 2, 7, 30 }[random.Next(4)];
            var asOf = random.Next(2) == 0 ? "2021-07-01" : "2022-06-30";
            var period = random.Next(4) == 0 ? new Period(new DateOnly(2020, 4, 1), new DateOnly(2020, 9, 30)) : Period.Year(2020);
            var parameters = new MeasurementParameters(period, random.Next(3) == 0 ? "IJsselland" : null);
            var (replicates, seed) = (random.Next(1, 40), (ulong)random.Next());
            BootstrapSums Sums(Segment[] segments) =>
                BootstrapSums.Of(EpisodeBuilder.Build(PeriodSegments.Of(segments, period, gap), Seg.Rules(asOf, gap, tariffs: Tariffs)), parameters,
                    reference, replicates, seed);

            var touched = added.Select(s => s.YouthId).ToHashSet();
            var (kept, old, now) = (Sums(before), Sums(before.Where(s => touched.Contains(s.YouthId)).ToArray()),
                Sums(after.Where(s => touched.Contains(s.YouthId)).ToArray()));
            var expected = Sums(after);
            foreach (var updated in new[] { kept.Minus(old).Plus(now), kept.Replaced(old, now) })
            {
                Assert.True(expected.SameAs(updated), $"run {run}");
                for (var row = 0; row < expected.Rows; row++) Assert.Equal(expected.Figures(row), updated.Figures(row));
            }
        }
    }

    [Fact]
    public void TheOwnRowIsTheMeasurementsFigures_WithCostsRoundedToTenThousandthsOfAEuro()
    {
        // Row 0 counts every youth once: MeasurementCalculator's figures. Tariff costs with more decimals differ from the
        // measurement's by the rounding alone (under half a ten-thousandth of a euro per episode).
        var random = new Random(5);
        for (var run = 0; run < 40; run++)
        {
            var segments = RandomStays.Of(random, 30, new DateOnly(2019, 6, 1), Municipalities, maxDays: 400);
            var set = EpisodeBuilder.Build(segments, Seg.Rules("2022-06-30", tariffs: Tariffs));
            var parameters = new MeasurementParameters(Period.Year(2020));
            var m = MeasurementCalculator.Measure(set, parameters, ReferenceData.Empty);
            var own = BootstrapSums.Of(set, parameters, ReferenceData.Empty, 5, 1).Figures(0);
            Assert.Equal(m.Counts.Youths, own[0]);
            Assert.Equal(m.Counts.Episodes, own[1]);
            Assert.Equal(m.Duration.MedianAll, own[10]);
            Assert.Equal(m.EntryCohort.KmMedianDays, own[13]);
            if (m.Cost.MeanEpisode is { } mean) Assert.InRange(own[16]!.Value, (double)mean - 0.00005, (double)mean + 0.00005);
            else Assert.Null(own[16]);
        }
    }

    [Fact]
    public void SumsThatAreNotPartOfOthersCannotBeTakenAway_NorSumsOfAnotherBootstrapCombined()
    {
        var segments = RandomStays.Of(new Random(8), 30, new DateOnly(2019, 6, 1), Municipalities, maxDays: 300);
        var set = EpisodeBuilder.Build(segments, Seg.Rules("2022-06-30"));
        var parameters = new MeasurementParameters(Period.Year(2020));
        var all = BootstrapSums.Of(set, parameters, ReferenceData.Empty, 20, 3);
        var some = BootstrapSums.Of(EpisodeBuilder.Build(segments.Where(s => s.YouthId % 2 == 0).ToArray(), Seg.Rules("2022-06-30")), parameters,
            ReferenceData.Empty, 20, 3);
        Assert.True(all.Minus(some).Plus(some).SameAs(all));
        Assert.Throws<InvalidOperationException>(() => some.Minus(all));
        // Taken away before the other part is added: a part that is not there fails even when the sum would end up >= 0.
        Assert.Throws<InvalidOperationException>(() => some.Replaced(all, all));
        Assert.Throws<ArgumentException>(() => all.Minus(BootstrapSums.Of(set, parameters, ReferenceData.Empty, 20, 4)));
        Assert.Throws<ArgumentException>(() => all.Plus(BootstrapSums.Of(set, parameters, ReferenceData.Empty, 21, 3)));
    }
}
