using Monitor.Core.Domain;
using Monitor.Core.Outcomes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2, <c>outcomes.flows[]</c>: one entry per calendar quarter overlapping the period,
/// clipped to it; entries = episodes starting in the quarter, exits = closed episodes ending in it, in care at
/// end = episodes with start &lt;= quarter.to and (ongoing or end &gt;= quarter.to).</summary>
public class FlowTests
{
    // The period starts and ends mid-quarter: 2020-02-15..2020-11-15, read on 2021-06-30.
    private static IReadOnlyList<QuarterFlow> Flows => Outcome.Of("2020-02-15..2020-11-15", "2021-06-30",
    [
        Make(1, 41000011, "2020-03-31", "2020-05-15"), // starts on 31 March: Q1; ends in Q2
        Make(2, 41000011, "2020-04-01", "2020-06-30"), // starts on 1 April: Q2; ends on 30 June: Q2
        Make(3, 41000011, "2020-02-01", "2020-03-31"), // starts before the clipped Q1 (02-15): no entry; ends on 31 March: Q1
        Make(4, 41000011, "2019-06-01", null),         // ongoing throughout
        Make(5, 41000011, "2020-09-30", "2020-12-31"), // starts on Q3's last day; ends after the period
        Make(6, 41000011, "2020-07-01", "2020-09-29"), // starts on Q3's first day, ends the day before Q3's last
        Make(7, 41000011, "2020-11-15", null),         // starts on the period's last day (the clipped Q4's last)
        Make(8, 41000011, "2020-10-01", "2020-11-16"), // ends the day after the period: no exit
    ]).Flows;

    [Fact]
    public void QuartersAreClippedToThePeriod() =>
        Assert.Equal(
            [("2020-Q1", D("2020-02-15"), D("2020-03-31")), ("2020-Q2", D("2020-04-01"), D("2020-06-30")),
             ("2020-Q3", D("2020-07-01"), D("2020-09-30")), ("2020-Q4", D("2020-10-01"), D("2020-11-15"))],
            Flows.Select(q => (q.Quarter, q.From, q.To)));

    [Fact]
    public void EntriesFallInTheQuarterOfTheirStart() =>
        // Q1: youth 1 (31 March; youth 3 started 1 February, before the clipped quarter) = 1
        // Q2: youth 2 (1 April) = 1; Q3: youths 6 (1 July) and 5 (30 September) = 2; Q4: youths 8 (1 October) and 7 (15 November) = 2
        Assert.Equal([1, 1, 2, 2], Flows.Select(q => q.Entries));

    [Fact]
    public void ExitsFallInTheQuarterOfTheirEnd() =>
        // Q1: youth 3 (31 March) = 1; Q2: youths 1 (15 May) and 2 (30 June) = 2; Q3: youth 6 (29 September) = 1;
        // Q4: none (youth 8 ends 16 November and youth 5 31 December, after the period; 4 and 7 are ongoing) = 0
        Assert.Equal([1, 2, 1, 0], Flows.Select(q => q.Exits));

    [Fact]
    public void TheStockIsCountedOnTheQuartersLastDay() =>
        // 31 March: youths 1 (started that day), 3 (ended that day), 4 = 3
        // 30 June: youths 2 (ends that day), 4 = 2 (youth 1 ended 15 May)
        // 30 September: youths 4, 5 (started that day) = 2 (youth 6 ended the day before)
        // 15 November (the clipped end): youths 4, 5, 7 (started that day), 8 (ends the next day) = 4
        Assert.Equal([3, 2, 2, 4], Flows.Select(q => q.InCareAtEnd));

    [Fact]
    public void AQuarterOfAnotherYearIsLabelledWithItsYear()
    {
        var flows = Outcome.Of("2020-12-01..2021-01-31", "2021-06-30", [Make(1, 41000011, "2021-01-10", null)]).Flows;
        Assert.Equal(["2020-Q4", "2021-Q1"], flows.Select(q => q.Quarter));
        Assert.Equal((D("2020-12-01"), D("2020-12-31")), (flows[0].From, flows[0].To));
        Assert.Equal((D("2021-01-01"), D("2021-01-31")), (flows[1].From, flows[1].To));
        Assert.Equal([0, 1], flows.Select(q => q.Entries));
    }

    [Fact]
    public void WithARegionOnlyItsEpisodesFlow()
    {
        // youth 1 in 0193 (IJsselland) and youth 2 in 0153 (Twente) both enter in Q1 2020
        Segment[] stays = [Make(1, 41000011, "2020-01-10", null, municipality: 193), Make(2, 41000011, "2020-02-10", null, municipality: 153)];
        var flows = Outcome.Of("2020", "2021-06-30", stays, region: "IJsselland", reference: Outcome.TwoRegions).Flows;
        Assert.Equal([1, 0, 0, 0], flows.Select(q => q.Entries));
        Assert.Equal([1, 1, 1, 1], flows.Select(q => q.InCareAtEnd));
    }
}
