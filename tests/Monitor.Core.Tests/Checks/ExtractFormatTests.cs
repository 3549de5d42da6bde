using Monitor.Core.Checks;

namespace Monitor.Core.Tests.Checks;

/// <summary>PROTOCOL.md 3.2: the format is told from the header by the columns only that format has.</summary>
public class ExtractFormatTests
{
    [Theory]
    [InlineData("client_id,geboortedatum,geslacht,gemeentecode,agb_code,aanbieder,productcode,zorgsoort,begindatum,einddatum,bedrag", ExtractFormat.Rijm)]
    [InlineData("bsn,geboortedatum,geslacht,postcode,gemeentecode,agb_code,verwijzer,hulpvorm,gestart_met_crisis,datum_aanvang,datum_einde,reden_beeindiging", ExtractFormat.Cbs)]
    [InlineData("agb_code,naam,sector", ExtractFormat.Providers)]
    [InlineData("gemeentecode,gemeente,regio", ExtractFormat.Regions)]
    [InlineData("zorgsoort,jaar,tarief_per_dag", ExtractFormat.Tariffs)]
    [InlineData("code,zorgsoort", ExtractFormat.Caretypes)]
    public void HeaderTellsTheFormat(string header, ExtractFormat expected) =>
        Assert.Equal(expected, ExtractFormats.Detect(header.Split(',')));

    [Fact]
    public void UnknownHeaderHasNoFormat() => Assert.Null(ExtractFormats.Detect(["naam", "adres"]));

    [Fact]
    public void RijmWithoutBsnAndClientIdMissesOneOfThem() =>
        Assert.Equal(["bsn or client_id", "begindatum"],
            ExtractFormat.Rijm.MissingColumns(["geboortedatum", "gemeentecode", "agb_code", "zorgsoort"]));

    [Fact]
    public void RijmWithClientIdOnlyMissesNothing() =>
        Assert.Empty(ExtractFormat.Rijm.MissingColumns(["client_id", "geboortedatum", "gemeentecode", "agb_code", "zorgsoort", "begindatum"]));

    [Fact]
    public void CbsRequiresBsn() =>
        Assert.Equal(["bsn"], ExtractFormat.Cbs.MissingColumns(["geboortedatum", "gemeentecode", "agb_code", "hulpvorm", "datum_aanvang"]));

    [Theory]
    [InlineData("rijm", ExtractFormat.Rijm)]
    [InlineData("CBS", ExtractFormat.Cbs)]
    [InlineData("Tariffs", ExtractFormat.Tariffs)]
    public void FormatNamesParseCaseInsensitively(string text, ExtractFormat expected)
    {
        Assert.True(ExtractFormats.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("auto")]
    [InlineData("csv")]
    public void OtherFormatNamesDoNotParse(string text) => Assert.False(ExtractFormats.TryParse(text, out _));

    [Fact]
    public void CommaListOfFormatsDoesNotParse()
    {
        Assert.False(ExtractFormats.TryParse("rijm,cbs", out _)); // Enum.TryParse ORs the values: Rijm|Cbs = 0|1 = Cbs
        Assert.False(ExtractFormats.TryParse("providers,rijm", out _)); // 2|0 = Providers
    }
}
