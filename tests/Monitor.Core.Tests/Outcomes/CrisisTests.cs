using Monitor.Core.Domain;
using Monitor.Core.Outcomes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2, <c>outcomes.crisis</c>: crisis segments of the cohort's youths starting in the
/// period, per 100 youths of the cohort; and cbs trajectories flagged <c>gestart_met_crisis = J</c>.</summary>
public class CrisisTests
{
    // Period 2020, as-of 2021-06-30. Youths 1–3 (0193, IJsselland) are the cohort of IJsselland; youth 4 is Twente.
    private static Segment[] Stays =>
    [
        // youth 1: one episode 2019-12-20..2020-03-31 (the crisis before it joins back to back)
        Make(1, 41000033, "2019-12-20", "2019-12-31", CareType.Crisis),   // starts before the period: not counted
        Make(1, 41000011, "2020-01-01", "2020-03-31"),
        Make(1, 41000033, "2020-02-01", "2020-02-10", CareType.Crisis),   // counted
        // youth 2: a crisis starting on the period's last day
        Make(2, 41000033, "2020-12-31", "2021-01-05", CareType.Crisis),   // counted
        // youth 3: a stay in 2020 and a crisis after the period
        Make(3, 41000011, "2020-05-01", "2020-05-31"),
        Make(3, 41000033, "2021-01-10", "2021-01-20", CareType.Crisis),   // starts after to: not counted
        // youth 4: Twente
        Make(4, 41000033, "2020-06-01", "2020-06-10", CareType.Crisis, municipality: 153),
    ];

    private static CrisisFigures IJsselland(OutcomeData? data = null) =>
        Outcome.Of("2020", "2021-06-30", Stays, data, region: "IJsselland", reference: Outcome.TwoRegions).Crisis;

    [Fact]
    public void CrisisSegmentsStartingInThePeriodAreCounted() =>
        // youth 1's of 2020-02-01 and youth 2's of 2020-12-31 = 2 (not 2019-12-20, 2021-01-10, nor Twente's)
        Assert.Equal(2, IJsselland().CrisisSegmentsStarted);

    [Fact]
    public void OnlyTheCohortsYouthsCount() =>
        // without a region youth 4 (Twente, 2020-06-01) is in the cohort too: 3
        Assert.Equal(3, Outcome.Of("2020", "2021-06-30", Stays, reference: Outcome.TwoRegions).Crisis.CrisisSegmentsStarted);

    [Fact]
    public void CrisisSegmentsPer100YouthsAreOverTheCohortsYouths() =>
        // 2 crisis starts over 3 youths: 2 × 100 / 3 = 66.67
        Assert.Equal(200.0 / 3, IJsselland().CrisisSegmentsPer100Youths!.Value, 10);

    [Fact]
    public void CbsCrisisStartsOfTheCohortsYouthsInThePeriodAreCounted()
    {
        var data = Outcome.Data(cbsCrisisStarts:
        [
            new CrisisStart(1, 193, D("2020-01-01")), // counted
            new CrisisStart(3, 193, D("2019-12-31")), // before the period
            new CrisisStart(4, 153, D("2020-06-01")), // Twente: not in the cohort
            new CrisisStart(9, 193, D("2020-06-01")), // no stay at all: not in the cohort
        ]);
        var crisis = IJsselland(data);
        Assert.Equal(1, crisis.CbsStartedAsCrisis);
        // 1 × 100 / 3 youths = 33.33
        Assert.Equal(100.0 / 3, crisis.CbsStartedAsCrisisPer100Youths!.Value, 10);
    }

    [Fact]
    public void AnEmptyCohortHasNoRatePer100()
    {
        var crisis = Outcome.Of("2018", "2021-06-30", Stays).Crisis;
        Assert.Equal(0, crisis.CrisisSegmentsStarted);
        Assert.Null(crisis.CrisisSegmentsPer100Youths);
        Assert.Null(crisis.CbsStartedAsCrisisPer100Youths);
    }
}
