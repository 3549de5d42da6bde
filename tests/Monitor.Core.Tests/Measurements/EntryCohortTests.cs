using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5, entry_cohort and entry_cohort_8plus: Kaplan–Meier on the episodes entering in the period.</summary>
public class EntryCohortTests
{
    private const int A = 41000011;

    private static Measurement Entries() => Measure.Of("2020", "2020-12-31",
    [
        Make(1, A, "2020-01-01", "2020-01-05"), // 5 days
        Make(2, A, "2020-02-01", "2020-02-12"), // 12 days
        Make(3, A, "2020-03-01", "2020-08-24"), // 31 + 30 + 31 + 30 + 31 + 24 = 177 days
        Make(4, A, "2020-04-01", "2020-09-28"), // 30 + 31 + 30 + 31 + 31 + 28 = 181 days
        Make(5, A, "2020-02-01", null), // ongoing: 366 − 31 = 335 days, censored
        Make(6, A, "2020-12-29", null), // ongoing: 3 days, censored
        Make(7, A, "2019-12-01", "2020-01-31"), // in the cohort, started before the period: no entry
    ]);

    [Fact]
    public void EntryCohortQuantilesFollowKaplanMeier()
    {
        // times 3+, 5, 12, 177, 181, 335+: S = 4/5 at 5, 3/5 at 12, 2/5 at 177, 1/5 at 181
        // q1: first S <= 3/4 → 12; median: first S <= 1/2 → 177; q3: first S <= 1/4 → 181
        Assert.Equal(new EntryCohortFigures(Episodes: 6, Exited: 4, KmMedianDays: 177, KmQ1Days: 12, KmQ3Days: 181), Entries().EntryCohort);
    }

    [Fact]
    public void EntryCohort8PlusLeavesOutStaysUnder8DaysAlsoWhenOngoing()
    {
        // without 5 (closed) and 3+ (ongoing): 12, 177, 181, 335+: S = 3/4, 1/2, 1/4 exactly at 12, 177, 181
        var m = Entries();
        Assert.Equal(new EntryCohortFigures(Episodes: 4, Exited: 3, KmMedianDays: 177, KmQ1Days: 12, KmQ3Days: 181), m.EntryCohort8Plus);
        Assert.Equal([2, 3, 4, 5], m.Cohort.Entries8Plus.Select(e => e.YouthId).Order());
    }

    [Fact]
    public void StayOfExactly8DaysIsIn8Plus()
    {
        var m = Measure.Of("2020", "2020-12-31", [Make(1, A, "2020-01-01", "2020-01-08"), Make(2, A, "2020-02-01", "2020-02-07")]);
        Assert.Equal([1], m.Cohort.Entries8Plus.Select(e => e.YouthId));
    }

    [Fact]
    public void QuantileTheCurveNeverReachesIsNull()
    {
        // 10 days closed, 20+ and 30+ censored: S falls to 2/3 only
        var m = Measure.Of("2020", "2020-12-31",
            [Make(1, A, "2020-01-01", "2020-01-10"), Make(2, A, "2020-12-12", null), Make(3, A, "2020-12-02", null)]);
        Assert.Equal(new EntryCohortFigures(3, 1, null, 10, null), m.EntryCohort);
    }
}
