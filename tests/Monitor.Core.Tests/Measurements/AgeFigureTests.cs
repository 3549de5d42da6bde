using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5: aged_12_or_younger takes the age on the later of the first cohort episode's start and
/// from; mean_at_as_of_top_n the age on the as-of date.</summary>
public class AgeFigureTests
{
    private const int A = 41000011;

    [Fact]
    public void BirthdayOnFirstDayOfPeriodCounts()
    {
        // born 1 Jan 2007, in care since 2019: on 1 Jan 2020 (later than the start) they turn 13: not counted
        var m = Measure.Of("2020", "2021-06-30", [Make(1, A, "2019-06-01", "2020-03-31", birth: "2007-01-01")]);
        Assert.Equal(0, m.Counts.Aged12OrYounger);
    }

    [Fact]
    public void DayBeforeTheBirthdayIsStill12()
    {
        // born 2 Jan 2007: 12 on 1 Jan 2020
        var m = Measure.Of("2020", "2021-06-30", [Make(1, A, "2019-06-01", "2020-03-31", birth: "2007-01-02")]);
        Assert.Equal(1, m.Counts.Aged12OrYounger);
    }

    [Fact]
    public void AgeIsTakenAtTheLaterOfFirstCohortStartAndFrom()
    {
        var m = Measure.Of("2020", "2021-06-30",
        [
            // born 1 Mar 2007, entering 1 May 2020: 13 at the start (12 on 1 Jan): not counted
            Make(1, A, "2020-05-01", "2020-08-31", birth: "2007-03-01"),
            // born 1 Nov 2006, in care since 1 Oct 2019: 13 on 1 Jan 2020 (12 at the start): not counted
            Make(2, A, "2019-10-01", "2020-02-29", birth: "2006-11-01"),
            // born 1 May 2007: first cohort episode from 1 Feb 2020 (12); the second from 1 Oct 2020 (13) does not matter: counted
            Make(3, A, "2020-02-01", "2020-02-20", birth: "2007-05-01"), Make(3, A, "2020-10-01", "2020-10-31", birth: "2007-05-01"),
            // born 31 Dec 2008, from 1 Jun 2020: 11: counted
            Make(4, A, "2020-06-01", null, birth: "2008-12-31"),
            // born 1 May 2007: an episode in 2018 (aged 10) is not in the cohort; the cohort one from 1 Jun 2020 (13): not counted
            Make(5, A, "2018-01-01", "2018-03-31", birth: "2007-05-01"), Make(5, A, "2020-06-01", "2020-07-01", birth: "2007-05-01"),
        ]);
        Assert.Equal(2, m.Counts.Aged12OrYounger); // youths 3 and 4
    }

    [Fact]
    public void LeapDayBirthdayCountsFromFirstMarch()
    {
        // born 29 Feb 2008, entering 28 Feb 2021: 2021 has no 29 Feb, the 13th birthday is 1 March: 12, counted;
        // entering 1 Mar 2021: 13, not counted
        Assert.Equal(1, Measure.Of("2021", "2021-12-31", [Make(1, A, "2021-02-28", null, birth: "2008-02-29")]).Counts.Aged12OrYounger);
        Assert.Equal(0, Measure.Of("2021", "2021-12-31", [Make(1, A, "2021-03-01", null, birth: "2008-02-29")]).Counts.Aged12OrYounger);
    }

    [Fact]
    public void MeanAgeOfTheTopNIsTakenOnTheAsOfDate()
    {
        // as of 30 Jun 2021: born 1 Jul 2006 → 14, born 30 Jun 2008 → 13; K01-style double count: youth 1 twice
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2020-01-01", "2020-01-31", birth: "2006-07-01"), Make(1, A, "2020-06-01", "2020-06-30", birth: "2006-07-01"),
            Make(2, A, "2020-01-01", "2020-01-31", birth: "2008-06-30"),
        ]);
        Assert.Equal((14 + 14 + 13) / 3.0, m.MeanAgeAtAsOfTopN);
    }
}
