using Monitor.Core.Domain;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>One Analysis serves several episode sets of one store; each keeps pointing at its own rows.</summary>
public sealed class AnalysisTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AnotherResidentialSetDoesNotReorderTheRowsOfAnEarlierSet()
    {
        // Foster care before each stay: counted as residential, it moves ahead of the stay's rows.
        var rows = Extracts.Bsns(12).Take(3).SelectMany(bsn => new[]
        {
            Extracts.Row(bsn, "2019-01-01", "2019-12-31", care: "pleegzorg", provider: "41000055"),
            Extracts.Row(bsn, "2020-02-01", "2020-05-31"),
            Extracts.Row(bsn, "2020-06-01", "2020-09-30", provider: "41000022"),
        }).ToArray();
        Assert.Equal(0, CommandLine.Run("import", _folder.Write("x.csv", Extracts.File(rows)), "--db", _folder.Db).Exit);
        using var store = MonitorStore.Open(_folder.Db);
        using var analysis = new Analysis(store);
        var asOf = new DateOnly(2021, 9, 30);
        var first = analysis.BuildEpisodes(asOf, 7, CareTypes.DefaultResidentialSet);
        var before = first.Episodes.Select(e => string.Join(",", first.SegmentsOf(e).ToArray().Select(s => s.Id))).ToList();

        analysis.BuildEpisodes(asOf, 0, CareTypes.DefaultResidentialSet); // same order: shares the rows
        analysis.BuildEpisodes(asOf, 7, [.. CareTypes.DefaultResidentialSet, CareType.Pleegzorg, CareType.KortdurendVerblijf]);

        var after = first.Episodes.Select(e => string.Join(",", first.SegmentsOf(e).ToArray().Select(s => s.Id))).ToList();
        Assert.Equal(before, after);
        Assert.All(first.Episodes, e => Assert.All(first.SegmentsOf(e).ToArray(), s => Assert.Equal(e.YouthId, s.YouthId)));
    }
}
