using System.Globalization;
using Monitor.Core.Episodes;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 4: episodes are deterministic: the same segments give the same episodes in any input order.</summary>
public class OrderIndependenceTests
{
    internal static string Describe(Episode e) => string.Create(CultureInfo.InvariantCulture,
        $"y{e.YouthId} {e.Start:yyyy-MM-dd}..{e.End:yyyy-MM-dd} ongoing={e.Ongoing} days={e.DurationDays} " +
        $"providers={e.ProviderCount} moves={e.PlacementMoves} cost={e.Cost:0.00##} without={e.SegmentsWithoutCost} " +
        $"municipality={e.Municipality} birth={e.BirthDate:yyyy-MM-dd} " +
        $"involvement=[{string.Join(",", e.Involvement.OrderBy(i => i.Provider).Select(i => $"{i.Provider}:{i.Days}"))}]");

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void ShuffledInputGivesTheSameEpisodes(int gap)
    {
        var rules = Case01.Rules(gap);
        var expected = EpisodeBuilder.Build(Case01.All, rules).Episodes.Select(Describe).ToList();
        var random = new Random(20250601);
        for (var run = 0; run < 25; run++)
        {
            var shuffled = Case01.All.ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, EpisodeBuilder.Build(shuffled, rules).Episodes.Select(Describe));
        }
        Assert.Equal(expected, EpisodeBuilder.Build(Case01.All.Reverse(), rules).Episodes.Select(Describe));
    }

    /// <summary>Line by line, so a failure shows the first differing episode in full.</summary>
    internal static void AssertLines(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++) Assert.Equal(expected[i], actual[i]);
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void Case01HasTheEpisodesOfTheReadme()
    {
        // the "cohort of 2020" table of examples/case-01-rules, gap 7, plus K05's 2018 episode;
        // K01 involvement: 41000011 6 Jan–29 Feb (26 + 29) + 8 May–30 Jun (24 + 30) = 109, 41000022 March–April = 61;
        // K05: 41000011 15 Sep 2020–28 Feb 2021 = 16 + 31 + 30 + 31 + 31 + 28 = 167; K08: 41000011 27 + 29 + 31 = 87
        AssertLines(
        [
            "y1 2020-01-06..2020-06-30 ongoing=False days=177 providers=2 moves=2 cost=25250.00 without=0 municipality=193 birth=2006-04-12 involvement=[41000011:109,41000022:61]",
            "y1 2020-07-09..2020-07-20 ongoing=False days=12 providers=1 moves=0 cost=2520.00 without=0 municipality=193 birth=2006-04-12 involvement=[41000033:12]",
            "y2 2019-10-01..2021-03-31 ongoing=False days=548 providers=3 moves=1 cost=89840.00 without=0 municipality=150 birth=2009-07-20 involvement=[6000015:44,41000011:336,41000044:229]",
            "y3 2020-11-01.. ongoing=True days=334 providers=3 moves=1 cost=69000.00 without=0 municipality=164 birth=2005-02-28 involvement=[6000015:30,41000022:122,45000016:212]",
            "y5 2018-05-01..2019-04-30 ongoing=False days=365 providers=1 moves=0 cost=45000.00 without=0 municipality=153 birth=2004-11-30 involvement=[41000022:365]",
            "y5 2020-09-01..2021-02-28 ongoing=False days=181 providers=2 moves=1 cost=27940.00 without=0 municipality=153 birth=2004-11-30 involvement=[41000011:167,41000033:14]",
            "y6 2020-12-28..2021-01-01 ongoing=False days=5 providers=1 moves=0 cost=750.00 without=0 municipality=153 birth=2008-03-15 involvement=[41999999:5]",
            "y7 2017-03-01.. ongoing=True days=1675 providers=3 moves=2 cost=199000.00 without=0 municipality=402 birth=2007-01-01 involvement=[6000015:31,41000011:273,41000044:1402]",
            "y8 2019-06-01..2020-03-31 ongoing=False days=305 providers=2 moves=1 cost=34000.00 without=0 municipality=150 birth=2011-05-05 involvement=[41000011:87,41000022:214]",
        ], EpisodeBuilder.Build(Case01.All, Case01.Rules(7)).Episodes.Select(Describe).ToList());
    }
}
