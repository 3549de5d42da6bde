using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 1 and 4: segments starting after the as-of date are ignored; an end after it, or none,
/// is open, and its days count up to the as-of date.</summary>
public class AsOfTests
{
    private const int X = 41000011, Y = 41000022;

    [Fact]
    public void SegmentWithoutEndIsOpen()
    {
        // 1 Jan .. 30 Jun 2021 = 31 + 28 + 31 + 30 + 31 + 30 = 181 days
        var e = Assert.Single(Build(Rules("2021-06-30"), Make(1, X, "2021-01-01", null)));
        Assert.True(e.Ongoing);
        Assert.Null(e.End);
        Assert.Equal(181, e.DurationDays);
        Assert.Equal(D("2021-06-30"), e.LastDay(D("2021-06-30")));
    }

    [Fact]
    public void SegmentEndingAfterTheAsOfDateCountsAsOpenUpToTheAsOfDate()
    {
        var e = Assert.Single(Build(Rules("2021-06-30"), Make(1, X, "2021-01-01", "2021-12-31")));
        Assert.True(e.Ongoing);
        Assert.Equal(181, e.DurationDays); // not 365
        Assert.Equal(181, InvolvementOf(e)[X]);
    }

    [Fact]
    public void SegmentEndingOnTheAsOfDateIsClosed()
    {
        var e = Assert.Single(Build(Rules("2021-06-30"), Make(1, X, "2021-01-01", "2021-06-30")));
        Assert.False(e.Ongoing);
        Assert.Equal(D("2021-06-30"), e.End);
        Assert.Equal(181, e.DurationDays);
    }

    [Fact]
    public void SegmentStartingOnTheAsOfDateCounts()
    {
        var e = Assert.Single(Build(Rules("2021-06-30"), Make(1, X, "2021-06-30", null)));
        Assert.True(e.Ongoing);
        Assert.Equal(1, e.DurationDays);
    }

    [Fact]
    public void OneOpenSegmentMakesTheWholeEpisodeOngoing()
    {
        // Y's later end is after the as-of date; X's open end too: the episode runs to the as-of date.
        var e = Assert.Single(Build(Rules("2021-06-30"), Make(1, X, "2021-01-01", null), Make(1, Y, "2021-02-01", "2021-02-28")));
        Assert.True(e.Ongoing);
        Assert.Equal(181, e.DurationDays);
    }

    [Fact]
    public void ClosedEpisodeEndsOnItsLatestSegmentEnd()
    {
        var e = Assert.Single(Build(Rules("2021-06-30"), Make(1, X, "2021-01-01", "2021-03-31"), Make(1, Y, "2021-02-01", "2021-02-10")));
        Assert.Equal(D("2021-03-31"), e.End);
        Assert.Equal(90, e.DurationDays); // 31 + 28 + 31
    }

    [Fact]
    public void SegmentStartingAfterTheAsOfDateIsIgnoredEverywhere()
    {
        // K03 line 12 (41000044, gezinshuis from 15 Oct 2021) starts after the as-of date 30 Sep 2021.
        var set = EpisodeBuilder.Build(Case01.K03, Case01.Rules());
        var e = Assert.Single(set.Episodes);
        Assert.Equal(3, e.ProviderCount);
        Assert.DoesNotContain(41000044, e.Involvement.Select(i => i.Provider));
        Assert.Equal(69000.00m, e.Cost); // 31,000 + 18,000 + 20,000; not + 10,000
        Assert.Equal(3, set.AllSegments.Count);
        Assert.Equal(3, set.Residential.Count);
        Assert.DoesNotContain(set.AllSegments, s => s.Provider == 41000044);
    }

    [Fact]
    public void SegmentStartingTheDayAfterTheAsOfDateDoesNotExtendAClosedEpisode()
    {
        var e = Assert.Single(Build(Rules("2021-06-30"), Make(1, X, "2021-06-01", "2021-06-28"), Make(1, Y, "2021-07-01", null)));
        Assert.False(e.Ongoing);
        Assert.Equal(D("2021-06-28"), e.End);
        Assert.Equal(1, e.ProviderCount);
    }

    [Fact]
    public void YouthWhoseOnlySegmentStartsAfterTheAsOfDateHasNothing()
    {
        var set = EpisodeBuilder.Build([Make(1, X, "2021-07-01", null), Make(1, Y, "2021-08-01", null, CareType.Ambulant)], Rules("2021-06-30"));
        Assert.Empty(set.Episodes);
        Assert.Empty(set.AllSegments);
    }

    [Fact]
    public void K03IsOneOngoingEpisodeOf334Days()
    {
        // 1 Nov 2020 .. 30 Sep 2021 = 30 + 31 + 273
        var e = Assert.Single(Build(Case01.Rules(), Case01.K03));
        Assert.Equal(D("2020-11-01"), e.Start);
        Assert.True(e.Ongoing);
        Assert.Equal(334, e.DurationDays);
    }

    [Fact]
    public void K07IsOneOngoingEpisodeOf1675Days()
    {
        // 1 Mar 2017 .. 30 Sep 2021 = 306 + 365 + 365 + 366 + 273
        var e = Assert.Single(Build(Case01.Rules(), Case01.K07));
        Assert.True(e.Ongoing);
        Assert.Equal(1675, e.DurationDays);
    }
}
