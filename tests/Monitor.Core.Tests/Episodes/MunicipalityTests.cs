using Monitor.Core.Domain;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 4, municipality: that of the earliest-starting segment (ties: lowest provider code, then care
/// type, product code, municipality code). And the youth's birth date: that of their first residential segment.</summary>
public class MunicipalityTests
{
    private const int A = 6000015, B = 41000044;

    [Fact]
    public void MunicipalityComesFromTheEarliestStartingSegment()
    {
        var e = Assert.Single(Build(Rules("2021-12-31"),
            Make(1, B, "2020-02-01", "2020-12-31", municipality: 193), Make(1, B, "2020-01-01", "2020-03-31", municipality: 150)));
        Assert.Equal(150, e.Municipality);
    }

    [Fact]
    public void TieOnStartGoesToTheLowestProviderCode()
    {
        var e = Assert.Single(Build(Rules("2021-12-31"),
            Make(1, B, "2020-01-01", "2020-12-31", municipality: 153), Make(1, A, "2020-01-01", "2020-01-31", municipality: 402)));
        Assert.Equal(402, e.Municipality);
    }

    [Fact]
    public void K07KeepsTheMunicipalityOfItsStartAfterMovingToZwolle() =>
        // lines 22 and 23 both start 1 Mar 2017 in 0402; line 24 (0193) starts in 2021
        Assert.Equal(402, Assert.Single(Build(Case01.Rules(), Case01.K07)).Municipality);

    [Fact]
    public void TieOnStartAndProviderGoesToTheCareTypeFirstInWordOrder()
    {
        // The protocol names care type as the next tie-break without an order; the code orders by the word: crisis < verblijf.
        var e = Assert.Single(Build(Rules("2021-12-31"),
            Make(1, A, "2020-01-01", "2020-01-31", CareType.Verblijf, municipality: 402),
            Make(1, A, "2020-01-01", "2020-01-31", CareType.Crisis, municipality: 153)));
        Assert.Equal(153, e.Municipality);
    }

    [Fact]
    public void TieOnCareTypeGoesToTheLowestProductCodeWithMissingAsEmpty()
    {
        var e = Assert.Single(Build(Rules("2021-12-31"),
            Make(1, A, "2020-01-01", "2020-01-31", municipality: 402, product: "41A01"),
            Make(1, A, "2020-01-01", "2020-01-31", municipality: 153, product: null)));
        Assert.Equal(153, e.Municipality);
    }

    [Fact]
    public void LastTieGoesToTheLowestMunicipalityCode()
    {
        var e = Assert.Single(Build(Rules("2021-12-31"),
            Make(1, A, "2020-01-01", "2020-01-31", municipality: 402), Make(1, A, "2020-01-01", "2020-01-31", municipality: 153)));
        Assert.Equal(153, e.Municipality);
    }

    [Fact]
    public void EveryEpisodeHasItsOwnMunicipality()
    {
        var episodes = Build(Rules("2021-12-31"),
            Make(1, A, "2019-01-01", "2019-01-31", municipality: 150), Make(1, A, "2020-01-01", "2020-01-31", municipality: 193));
        Assert.Equal([150, 193], episodes.Select(e => e.Municipality));
    }

    [Fact]
    public void BirthDateIsThatOfTheFirstResidentialSegment()
    {
        // the birth dates disagree (a data error): every episode takes that of the earliest residential segment, not of
        // an earlier ambulant segment
        var episodes = Build(Rules("2021-12-31"),
            Make(1, A, "2018-01-01", "2018-01-31", CareType.Ambulant, birth: "2005-05-05"),
            Make(1, A, "2020-01-01", "2020-01-31", birth: "2008-08-08"),
            Make(1, A, "2019-01-01", "2019-01-31", birth: "2007-07-07"));
        Assert.Equal([D("2007-07-07"), D("2007-07-07")], episodes.Select(e => e.BirthDate));
    }
}
