using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 4, placement_moves: walk the days; the responsible provider keeps the stay on every day it
/// covers and across gaps; on a covered day it does not cover, the provider of the earliest-starting covering segment
/// (ties: lowest provider code) takes over: one move.</summary>
public class PlacementMovesTests
{
    private const int A = 41000011, B = 41000022, C = 41000033;

    private static int Moves(string asOf, params Monitor.Core.Domain.Segment[] segments) =>
        Assert.Single(Build(Rules(asOf, gap: 7), segments)).PlacementMoves;

    [Fact]
    public void SingleSegmentHasNoMove() => Assert.Equal(0, Moves("2021-12-31", Make(1, A, "2020-01-01", "2020-12-31")));

    [Fact]
    public void ReturnToAnEarlierProviderCounts()
    {
        // K01, gap 7: A from 6 Jan; 1 Mar only B covers (move 1); 1–7 May nobody, B stays; 8 May only A (move 2)
        var episodes = Build(Case01.Rules(7), Case01.K01);
        Assert.Equal(2, episodes[0].PlacementMoves);
        Assert.Equal(0, episodes[1].PlacementMoves);
    }

    [Fact]
    public void K01WithGap0HasOneMoveInItsFirstEpisode() =>
        Assert.Equal([1, 0, 0], Build(Case01.Rules(0), Case01.K01).Select(e => e.PlacementMoves));

    [Fact]
    public void NestedCareOfAnotherProviderIsNoMove()
    {
        // K02: the GGZ admission lies inside the group stay (no move); from 15 Aug both cover, 41000011 stays;
        // on 1 Sep only 41000044 covers: 1 move
        Assert.Equal(1, Assert.Single(Build(Case01.Rules(), Case01.K02)).PlacementMoves);
    }

    [Fact]
    public void SameDayStartGoesToTheLowestProviderCode()
    {
        // K07: 06000015 and 41000044 both start 1 Mar 2017; 06000015 is responsible, 41000044 takes over on 1 Apr 2017
        // (move 1), 41000011 on 1 Jan 2021 (move 2). With the highest code first it would be 1 move.
        Assert.Equal(2, Assert.Single(Build(Case01.Rules(), Case01.K07)).PlacementMoves);
    }

    [Fact]
    public void GapInsideTheEpisodeKeepsTheResponsibleProvider()
    {
        // K08, gap 7: 41000022 stays responsible through 1–4 Jan 2020; on 5 Jan only 41000011 covers: 1 move
        Assert.Equal(1, Assert.Single(Build(Case01.Rules(7), Case01.K08)).PlacementMoves);
    }

    [Fact]
    public void ResponsibleProviderReturningAfterAGapIsNoMoveEvenWithALowerCodeStartingTheSameDay()
    {
        // B is responsible in January; 1–5 Feb nobody; on 6 Feb B and A (lower code) both start: B covers the day, so B stays
        Assert.Equal(0, Moves("2021-12-31",
            Make(1, B, "2020-01-01", "2020-01-31"), Make(1, A, "2020-02-06", "2020-02-29"), Make(1, B, "2020-02-06", "2020-03-31")));
    }

    [Fact]
    public void AfterAGapAnotherProviderTakesOverOnTheFirstCoveredDay()
    {
        // B in January; 1–5 Feb nobody; 6 Feb only C: 1 move
        Assert.Equal(1, Moves("2021-12-31", Make(1, B, "2020-01-01", "2020-01-31"), Make(1, C, "2020-02-06", "2020-02-29")));
    }

    [Fact]
    public void OverlapIsAMoveOnlyWhenTheResponsibleProviderStops()
    {
        // A Jan; B from 15 Jan to Feb: on 1 Feb only B covers: 1 move
        Assert.Equal(1, Moves("2021-12-31", Make(1, A, "2020-01-01", "2020-01-31"), Make(1, B, "2020-01-15", "2020-02-29")));
    }

    [Fact]
    public void TakerIsTheEarliestStartingCoveringSegmentNotTheLowestCode()
    {
        // On 1 Feb C (from 10 Jan) and A (from 20 Jan) cover: C takes over (move 1); C stops after 15 Feb, A takes over
        // (move 2). Picking the lowest code on 1 Feb would give A straight through: 1 move.
        Assert.Equal(2, Moves("2021-12-31",
            Make(1, B, "2020-01-01", "2020-01-31"), Make(1, C, "2020-01-10", "2020-02-15"), Make(1, A, "2020-01-20", "2020-03-31")));
    }

    [Fact]
    public void TakerTieOnStartGoesToTheLowestProviderCode()
    {
        // On 1 Feb C and A cover, both from 10 Jan: A (lower code) takes over (move 1); A stops after 15 Feb, C takes over
        // (move 2). Picking C on 1 Feb would give C straight through: 1 move.
        Assert.Equal(2, Moves("2021-12-31",
            Make(1, B, "2020-01-01", "2020-01-31"), Make(1, C, "2020-01-10", "2020-03-31"), Make(1, A, "2020-01-10", "2020-02-15")));
    }

    [Fact]
    public void EveryChangeBackAndForthCounts()
    {
        // A, B, A, B back to back: 3 moves
        Assert.Equal(3, Moves("2021-12-31",
            Make(1, A, "2020-01-01", "2020-01-31"), Make(1, B, "2020-02-01", "2020-02-29"),
            Make(1, A, "2020-03-01", "2020-03-31"), Make(1, B, "2020-04-01", "2020-04-30")));
    }

    [Fact]
    public void MovesAfterTheAsOfDateDoNotCount()
    {
        // A until 15 Jun, B from 10 Jun: seen on 12 Jun, A still covers every day; seen on 30 Jun, B took over on 16 Jun
        Monitor.Core.Domain.Segment[] segments = [Make(1, A, "2021-01-01", "2021-06-15"), Make(1, B, "2021-06-10", "2021-12-31")];
        Assert.Equal(0, Moves("2021-06-12", segments));
        Assert.Equal(1, Moves("2021-06-30", segments));
    }

    [Fact]
    public void K03MovesOnceAndItsNestedGgzIsNoMove() =>
        // 1 Jun 2021 only 41000022 covers (move 1); the GGZ from 1 Sep is inside the open 41000022 segment
        Assert.Equal(1, Assert.Single(Build(Case01.Rules(), Case01.K03)).PlacementMoves);
}
