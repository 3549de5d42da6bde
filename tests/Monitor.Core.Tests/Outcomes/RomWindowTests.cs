using Monitor.Core.Domain;
using Monitor.Core.Outcomes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2, questionnaire pairs: the pre-score is the earliest from start − 90 to start + 30 days;
/// the post-score the latest from pre.date + 60 days to end + 90 days (or the as-of date when that is earlier or the
/// episode is ongoing); both windows inclusive; scores of one date are ordered by score.</summary>
public class RomWindowTests
{
    public static readonly InstrumentRow Sdq = new("SDQ", LowerIsBetter: true, Sd: 10, Reliability: 0.5, Cutoff: 15, Minimum: 0, Maximum: 40);

    // The stay of youth 1: 2020-04-01..2020-06-30. Its windows:
    //   pre:  2020-04-01 − 90 = 2020-01-02 (April 1 − 31 = March 1, − 29 = February 1, − 30 = January 2) .. 2020-04-01 + 30 = 2020-05-01
    //   post: pre.date + 60 .. 2020-06-30 + 90 = 2020-09-28 (+ 31 = July 31, + 31 = August 31, + 28 = September 28)
    private static Segment[] ClosedStay => [Make(1, 41000011, "2020-04-01", "2020-06-30")];

    private static RomScore Score(string date, double score, Informant informant = Informant.Ouder, string instrument = "SDQ", int youth = 1) =>
        new(youth, instrument, informant, D(date), score);

    private static IReadOnlyList<RomFigures> Rom(Segment[] stays, string asOf, params RomScore[] scores) =>
        Outcome.Of("2020", asOf, stays, Outcome.Data(instruments: [Sdq], scores: scores)).Rom;

    /// <summary>The one pair of the closed stay, or null when there is none.</summary>
    private static (double Pre, double Post)? Pair(params RomScore[] scores)
    {
        var rom = Rom(ClosedStay, "2021-06-30", scores);
        if (rom.Count == 0) return null;
        var figures = Assert.Single(rom);
        Assert.Equal(1, figures.Pairs);
        return (figures.MeanPre!.Value, figures.MeanPost!.Value);
    }

    [Fact]
    public void APreScoreExactly90DaysBeforeTheStartIsIn() =>
        Assert.Equal((20, 10), Pair(Score("2020-01-02", 20), Score("2020-06-01", 10)));

    [Fact]
    public void APreScore91DaysBeforeTheStartIsOut() =>
        // 2020-01-01 (30) is one day too early: the pre-score is the next, 2020-02-01 (20)
        Assert.Equal((20, 10), Pair(Score("2020-01-01", 30), Score("2020-02-01", 20), Score("2020-06-01", 10)));

    [Fact]
    public void APreScoreExactly30DaysAfterTheStartIsIn() =>
        // pre 2020-05-01; post from 2020-06-30 (+ 60): 2020-08-01 is in
        Assert.Equal((20, 10), Pair(Score("2020-05-01", 20), Score("2020-08-01", 10)));

    [Fact]
    public void APreScore31DaysAfterTheStartIsOut() =>
        // 2020-05-02 is not a pre-score, and without one there is no pair
        Assert.Null(Pair(Score("2020-05-02", 20), Score("2020-08-01", 10)));

    [Fact]
    public void TheEarliestScoreInThePreWindowIsTaken() =>
        // 2020-03-01 (25) and 2020-04-15 (20) are both in the window: the earliest, 25
        Assert.Equal((25, 10), Pair(Score("2020-04-15", 20), Score("2020-03-01", 25), Score("2020-08-01", 10)));

    [Fact]
    public void APostScoreExactly60DaysAfterThePreScoreIsIn() =>
        // pre 2020-04-01; + 60 = 2020-05-31 (April 30 days: + 30 = May 1, + 30 = May 31)
        Assert.Equal((20, 10), Pair(Score("2020-04-01", 20), Score("2020-05-31", 10)));

    [Fact]
    public void APostScore59DaysAfterThePreScoreIsOut() =>
        Assert.Null(Pair(Score("2020-04-01", 20), Score("2020-05-30", 10)));

    [Fact]
    public void APostScoreExactly90DaysAfterTheEndIsIn() =>
        Assert.Equal((20, 5), Pair(Score("2020-04-01", 20), Score("2020-08-01", 15), Score("2020-09-28", 5)));

    [Fact]
    public void APostScore91DaysAfterTheEndIsOut() =>
        // 2020-09-29 (5) is one day too late: the post-score is 2020-08-01 (15)
        Assert.Equal((20, 15), Pair(Score("2020-04-01", 20), Score("2020-08-01", 15), Score("2020-09-29", 5)));

    [Fact]
    public void TheLatestScoreInThePostWindowIsTaken() =>
        Assert.Equal((20, 12), Pair(Score("2020-04-01", 20), Score("2020-09-01", 12), Score("2020-06-01", 15), Score("2020-08-01", 10)));

    [Fact]
    public void ForAnOngoingStayThePostWindowEndsOnTheAsOfDate()
    {
        // open since 2020-04-01, read on 2020-12-31: 2020-12-31 (12) is in, 2021-01-01 (5) is after the as-of date
        var rom = Rom([Make(1, 41000011, "2020-04-01", null)], "2020-12-31",
            Score("2020-04-01", 20), Score("2020-12-31", 12), Score("2021-01-01", 5));
        var figures = Assert.Single(rom);
        Assert.Equal((20.0, 12.0), (figures.MeanPre, figures.MeanPost));
    }

    [Fact]
    public void ThePostWindowEndsOnTheAsOfDateWhenThatIsBeforeEndPlus90()
    {
        // 2020-04-01..2020-12-15 read on 2020-12-31: end + 90 = 2021-03-15, but the as-of date comes first
        var rom = Rom([Make(1, 41000011, "2020-04-01", "2020-12-15")], "2020-12-31",
            Score("2020-04-01", 20), Score("2020-12-31", 12), Score("2021-01-10", 5));
        Assert.Equal(12.0, Assert.Single(rom).MeanPost);
    }

    [Fact]
    public void ScoresOfOneDateAreOrderedByScore() =>
        // two pre-scores on 2020-04-01 (25, 20): the earliest is the lower, 20; two post-scores on 2020-08-01
        // (10, 12): the latest is the higher, 12
        Assert.Equal((20, 12), Pair(Score("2020-04-01", 25), Score("2020-04-01", 20), Score("2020-08-01", 12), Score("2020-08-01", 10)));

    [Fact]
    public void InformantsAreNotMixed() =>
        // the parent's pre-score and the youth's post-score make no pair
        Assert.Null(Pair(Score("2020-04-01", 20, Informant.Ouder), Score("2020-08-01", 10, Informant.Jongere)));

    [Fact]
    public void FiguresAreOrderedByInstrumentThenParentYouthProfessional()
    {
        var obvl = Sdq with { Name = "OBVL" };
        RomScore[] scores =
        [
            Score("2020-04-01", 20, Informant.Professional), Score("2020-08-01", 10, Informant.Professional),
            Score("2020-04-01", 20, Informant.Jongere, "OBVL"), Score("2020-08-01", 10, Informant.Jongere, "OBVL"),
            Score("2020-04-01", 20, Informant.Jongere), Score("2020-08-01", 10, Informant.Jongere),
            Score("2020-04-01", 20, Informant.Ouder, "OBVL"), Score("2020-08-01", 10, Informant.Ouder, "OBVL"),
        ];
        var rom = Outcome.Of("2020", "2021-06-30", ClosedStay, Outcome.Data(instruments: [Sdq, obvl], scores: scores)).Rom;
        Assert.Equal([("OBVL", Informant.Ouder), ("OBVL", Informant.Jongere), ("SDQ", Informant.Jongere), ("SDQ", Informant.Professional)],
            rom.Select(r => (r.Instrument, r.Informant)));
    }

    [Fact]
    public void EachCohortEpisodeGivesItsOwnPair()
    {
        // youth 1 stays 2020-01-10..2020-02-10 and 2020-07-01..2020-08-31 (two episodes): pairs (30, 20) and (18, 8)
        Segment[] stays = [Make(1, 41000011, "2020-01-10", "2020-02-10"), Make(1, 41000011, "2020-07-01", "2020-08-31")];
        var rom = Rom(stays, "2021-06-30",
            Score("2020-01-10", 30), Score("2020-03-15", 20),
            Score("2020-07-01", 18), Score("2020-10-01", 8));
        var figures = Assert.Single(rom);
        // first stay: pre 2020-01-10 (30), post window 2020-03-10 .. 2020-05-10 (end 02-10 + 90): latest 2020-03-15 (20)
        // second stay: pre window 2020-04-02 .. 2020-07-31: earliest 2020-07-01 (18); post 2020-08-30 .. 2020-11-29: 2020-10-01 (8)
        Assert.Equal(2, figures.Pairs);
        Assert.Equal((30 + 18) / 2.0, figures.MeanPre);
        Assert.Equal((20 + 8) / 2.0, figures.MeanPost);
    }

    [Fact]
    public void ScoresOfAnInstrumentTheInstrumentsFileLacksAreLeftOutWithANote()
    {
        var o = Outcome.Of("2020", "2021-06-30", ClosedStay,
            Outcome.Data(instruments: [Sdq], scores: [Score("2020-04-01", 20, instrument: "CBCL"), Score("2020-08-01", 10, instrument: "CBCL")]));
        Assert.Empty(o.Rom);
        Assert.Single(o.Notes, n => n.Contains("CBCL", StringComparison.Ordinal));
    }
}
