using Monitor.Core.Checks;
using Monitor.Core.Domain;

namespace Monitor.Core.Tests.Checks;

/// <summary>Row checks of the reference formats (PROTOCOL.md 2.3 and 3.2).</summary>
public class ReferenceRowCheckerTests
{
    private static (object? Row, List<RowError> Errors) Check(ExtractFormat format, string header, string?[] cells,
        CareTypeMapping? mapping = null)
    {
        var errors = new List<RowError>();
        var checker = new ReferenceRowChecker(format, header.Split(';'), semicolonFile: true, mapping ?? CareTypeMapping.BuiltInOnly);
        return (checker.Check(cells, errors), errors);
    }

    [Fact]
    public void ProviderRowKeepsItsSector() =>
        Assert.Equal(new ProviderRow(6000015, "GGZ Jeugdkliniek Noord", Sector.GGZ),
            Check(ExtractFormat.Providers, "agb_code;naam;sector", ["06000015", "GGZ Jeugdkliniek Noord", "GGZ"]).Row);

    [Theory]
    [InlineData("jo", Sector.JO)]
    [InlineData("Jeugdbescherming", Sector.Overig)]
    [InlineData(null, Sector.Overig)]
    public void SectorOtherThanTheFourBecomesOverig(string? text, Sector expected) =>
        Assert.Equal(expected, Assert.IsType<ProviderRow>(Check(ExtractFormat.Providers, "agb_code;naam;sector", ["41000011", "x", text]).Row).Sector);

    [Fact]
    public void ProviderCodeOfTheWrongFormIsRefused()
    {
        var (row, errors) = Check(ExtractFormat.Providers, "agb_code;naam;sector", ["4100001", "x", "JO"]);
        Assert.Null(row);
        Assert.Equal([new RowError("agb_code", Reasons.ProviderForm)], errors);
    }

    [Fact]
    public void RegionRowReadsAGmPrefixedMunicipality() =>
        Assert.Equal(new RegionRow(153, "Enschede", "Twente"),
            Check(ExtractFormat.Regions, "gemeentecode;gemeente;regio", ["GM0153", "Enschede", "Twente"]).Row);

    [Fact]
    public void RegionRowWithoutRegionIsRefused()
    {
        var (row, errors) = Check(ExtractFormat.Regions, "gemeentecode;gemeente;regio", ["0153", "Enschede", null]);
        Assert.Null(row);
        Assert.Equal([new RowError("regio", Reasons.Missing)], errors);
    }

    [Fact]
    public void TariffRowReadsADutchAmountAndACareTypeCode() =>
        // 44 is the built-in code for verblijf; 150,00 is Dutch for 150.00
        Assert.Equal(new TariffRow(CareType.Verblijf, 2020, 150.00m),
            Check(ExtractFormat.Tariffs, "zorgsoort;jaar;tarief_per_dag", ["44", "2020", "150,00"]).Row);

    [Fact]
    public void TariffRowWithBadYearAndNegativeTariffReportsBoth()
    {
        var (row, errors) = Check(ExtractFormat.Tariffs, "zorgsoort;jaar;tarief_per_dag", ["verblijf", "20", "-1,00"]);
        Assert.Null(row);
        Assert.Equal([new RowError("jaar", Reasons.YearForm), new RowError("tarief_per_dag", Reasons.NegativeAmount)], errors);
    }

    [Fact]
    public void CareTypeCodeRowMapsACodeToAWord() =>
        Assert.Equal(new CareTypeCodeRow("P-GZH", CareType.Gezinshuis),
            Check(ExtractFormat.Caretypes, "code;zorgsoort", ["P-GZH", "Gezinshuis"]).Row);

    [Fact]
    public void CareTypeCodeRowMustNameACareTypeWord()
    {
        // a code (44) is not a word: caretypes rows map codes to the canonical words only
        var (row, errors) = Check(ExtractFormat.Caretypes, "code;zorgsoort", ["X1", "44"]);
        Assert.Null(row);
        Assert.Equal([new RowError("zorgsoort", Reasons.NotACareTypeWord)], errors);
    }
}
