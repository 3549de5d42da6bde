using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>A cohort's sums brought up to date by the youths a delta touched alone (their old part taken away, their new
/// part added) against the sums of the whole store after the delta.</summary>
public class CohortSumsTests
{
    [Fact]
    public void SumsBroughtUpToDateByTheTouchedYouthsAreThoseOfTheWholeStore()
    {
        // Property: seeded random stores and deltas. A delta adds rows (later ids) to some youths (a stay that goes on, a
        // stay before or between theirs, one of another care type) and brings new youths; gap rules, a region or all, the
        // year or part of it, open segments of an early extract (also among the new rows). Kept − old part + new part
        // equals the sums of all youths now, entry by entry, and so do the figures made of them.
        var random = new Random(907);
        var reference = Outcome.TwoRegions;
        int[] municipalities = [193, 148, 153, 164, 344];
        var early = new ExtractCoverage(1, "vroeg.csv", new DateOnly(2021, 3, 31));
        var late = new ExtractCoverage(2, "delta.csv", new DateOnly(2021, 4, 30));
        for (var run = 0; run < 200; run++)
        {
            var before = RandomStays.Of(random, 40, new DateOnly(2019, 6, 1), municipalities, maxDays: 300);
            var maxId = before.Length == 0 ? 0 : before.Max(s => s.Id);
            var added = RandomStays.Delta(random, before, municipalities);
            Segment[] after = [.. before, .. added];
            var openSources = after.Where(_ => random.Next(3) == 0).ToDictionary(s => s.Id, s => s.Id > maxId ? late : early);
            var gap = new[] { 0, 2, 7, 30 }[random.Next(4)];
            var asOf = random.Next(2) == 0 ? "2021-07-01" : "2022-06-30";
            var period = random.Next(4) == 0 ? new Period(new DateOnly(2020, 4, 1), new DateOnly(2020, 9, 30)) : Period.Year(2020);
            var parameters = new MeasurementParameters(period, random.Next(3) == 0 ? "IJsselland" : null);
            CohortSums Sums(Segment[] segments) =>
                CohortSums.Of(EpisodeBuilder.Build(PeriodSegments.Of(segments, period, gap), Seg.Rules(asOf, gap)), parameters, reference, openSources);

            var touched = added.Select(s => s.YouthId).ToHashSet();
            var updated = Sums(before)
                .Minus(Sums(before.Where(s => touched.Contains(s.YouthId)).ToArray()))
                .Plus(Sums(after.Where(s => touched.Contains(s.YouthId)).ToArray()));
            var expected = Sums(after);
            Assert.True(expected.SameAs(updated), $"run {run}: {expected.Totals} against {updated.Totals}");
            Assert.Equal(SensitivityFigures.Of("p", expected), SensitivityFigures.Of("p", updated));
            Assert.Equal(expected.Warnings, updated.Warnings);
        }
    }

    [Fact]
    public void TakingAwayWhatIsNotPartOfTheSumsIsRefused()
    {
        var parameters = new MeasurementParameters(Period.Year(2020));
        CohortSums Of(params Segment[] segments) =>
            CohortSums.Of(EpisodeBuilder.Build(segments, Seg.Rules("2021-06-30")), parameters, ReferenceData.Empty, new Dictionary<long, ExtractCoverage>());
        var one = Of(Seg.Make(1, 10000001, "2020-02-01", "2020-03-31"));
        var other = Of(Seg.Make(2, 10000001, "2020-05-01", null));
        Assert.Throws<InvalidOperationException>(() => one.Minus(other)); // a running entry that one never had
        Assert.True(one.Plus(other).Minus(other).SameAs(one));
        var laterAsOf = CohortSums.Of(EpisodeBuilder.Build([Seg.Make(3, 10000001, "2020-02-01", null)], Seg.Rules("2021-12-31")), parameters,
            ReferenceData.Empty, new Dictionary<long, ExtractCoverage>());
        Assert.Throws<ArgumentException>(() => one.Plus(laterAsOf));
    }
}
