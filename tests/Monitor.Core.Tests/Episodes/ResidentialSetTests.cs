using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 1: episodes are made of the residential set; foster care and respite are out by default.</summary>
public class ResidentialSetTests
{
    private const int X = 41000011, P = 41000055;
    private static readonly CareType[] WithFosterAndRespite =
        [CareType.Verblijf, CareType.Gezinshuis, CareType.Gesloten, CareType.Crisis, CareType.Pleegzorg, CareType.KortdurendVerblijf];

    [Fact]
    public void FosterCareAndRespiteFormNoEpisodeByDefault()
    {
        // K04: foster care (built-in code 35), respite, ambulant care
        var set = EpisodeBuilder.Build(Case01.K04, Case01.Rules());
        Assert.Empty(set.Episodes);
        Assert.Empty(set.Residential);
        Assert.Equal(3, set.AllSegments.Count); // still there for the figures around stays
    }

    [Fact]
    public void FosterCareAndRespiteFormEpisodesWhenTheSetIncludesThem()
    {
        var episodes = Build(Rules(Case01.AsOf, set: WithFosterAndRespite), Case01.K04);
        // the foster care from 1 Mar 2019 is open: 306 + 366 + 273 = 945 days; the respite (5–7 Jun 2020) lies inside it
        var e = Assert.Single(episodes);
        Assert.Equal(D("2019-03-01"), e.Start);
        Assert.True(e.Ongoing);
        Assert.Equal(945, e.DurationDays);
        Assert.Equal(2, e.ProviderCount);
    }

    [Fact]
    public void FosterCareDoesNotBridgeTwoStaysByDefault()
    {
        Segment[] segments =
        [
            Make(1, X, "2020-01-01", "2020-01-31"),
            Make(1, P, "2020-02-01", "2020-03-31", CareType.Pleegzorg),
            Make(1, X, "2020-04-01", "2020-04-30"),
        ];
        Assert.Equal(2, Build(Rules("2021-12-31"), segments).Count); // 1 Feb .. 31 Mar: 60 days without residential care
        var joined = Assert.Single(Build(Rules("2021-12-31", set: WithFosterAndRespite), segments));
        Assert.Equal(121, joined.DurationDays); // 31 + 29 + 31 + 30
    }

    [Fact]
    public void AmbulantCareNeverFormsAnEpisodeWithTheDefaultSet() =>
        Assert.Empty(Build(Rules("2021-12-31"), Make(1, X, "2020-01-01", null, CareType.Ambulant)));

    [Theory]
    [InlineData(CareType.Verblijf)]
    [InlineData(CareType.Gezinshuis)]
    [InlineData(CareType.Gesloten)]
    [InlineData(CareType.Crisis)]
    public void EachDefaultResidentialCareTypeFormsAnEpisode(CareType care) =>
        Assert.Single(Build(Rules("2021-12-31"), Make(1, X, "2020-01-01", "2020-01-31", care)));
}
