using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Core.Privacy;

namespace Monitor.Core.Tests.Checks;

/// <summary>The row checks of PROTOCOL.md 3.1 on rijm and cbs rows: one test per rule, small rows inline.</summary>
public class SegmentRowCheckerTests
{
    private const string Bsn = "123456782"; // passes the elfproef (sum 154 = 14·11)
    private static readonly Pseudonymizer Keys = new(new byte[32]);
    private static readonly DateOnly ImportDay = new(2026, 12, 1);

    private static readonly string[] RijmHeader =
        ["bsn", "client_id", "geboortedatum", "geslacht", "gemeentecode", "agb_code", "aanbieder", "productcode",
         "zorgsoort", "begindatum", "einddatum", "bedrag"];

    private static readonly string[] CbsHeader =
        ["bsn", "geboortedatum", "geslacht", "postcode", "gemeentecode", "agb_code", "verwijzer", "hulpvorm",
         "gestart_met_crisis", "datum_aanvang", "datum_einde", "reden_beeindiging"];

    private static Dictionary<string, string?> ValidRijm() => new()
    {
        ["bsn"] = Bsn, ["client_id"] = null, ["geboortedatum"] = "2006-04-12", ["geslacht"] = "V",
        ["gemeentecode"] = "0193", ["agb_code"] = "41000011", ["aanbieder"] = "Jeugdhulp De Horst",
        ["productcode"] = "41A01", ["zorgsoort"] = "verblijf", ["begindatum"] = "2020-01-06",
        ["einddatum"] = "2020-02-29", ["bedrag"] = "8.100,00",
    };

    private static Dictionary<string, string?> ValidCbs() => new()
    {
        ["bsn"] = Bsn, ["geboortedatum"] = "12-04-2006", ["geslacht"] = "vrouw", ["postcode"] = "8011",
        ["gemeentecode"] = "0193", ["agb_code"] = "41000011", ["verwijzer"] = "01", ["hulpvorm"] = "44",
        ["gestart_met_crisis"] = "N", ["datum_aanvang"] = "06-01-2020", ["datum_einde"] = "29-02-2020",
        ["reden_beeindiging"] = "1",
    };

    private static (CheckedSegment? Segment, List<RowError> Errors) Rijm(params (string Column, string? Value)[] changes) =>
        Run(ExtractFormat.Rijm, RijmHeader, ValidRijm(), semicolonFile: true, CareTypeMapping.BuiltInOnly, changes);

    private static (CheckedSegment? Segment, List<RowError> Errors) RijmCommaFile(params (string Column, string? Value)[] changes) =>
        Run(ExtractFormat.Rijm, RijmHeader, ValidRijm(), semicolonFile: false, CareTypeMapping.BuiltInOnly, changes);

    private static (CheckedSegment? Segment, List<RowError> Errors) Cbs(params (string Column, string? Value)[] changes) =>
        Run(ExtractFormat.Cbs, CbsHeader, ValidCbs(), semicolonFile: true, CareTypeMapping.BuiltInOnly, changes);

    private static (CheckedSegment? Segment, List<RowError> Errors) Run(ExtractFormat format, string[] header,
        Dictionary<string, string?> row, bool semicolonFile, CareTypeMapping mapping, (string Column, string? Value)[] changes,
        DateOnly? importDay = null)
    {
        foreach (var (column, value) in changes) row[column] = value;
        var cells = header.Select(h => row[h]).ToList();
        var errors = new List<RowError>();
        var checker = new SegmentRowChecker(format, header, semicolonFile, mapping, Keys, importDay ?? ImportDay);
        return (checker.Check(cells, 2, errors), errors);
    }

    private static void AssertRefused((CheckedSegment? Segment, List<RowError> Errors) result, string column, string reason)
    {
        Assert.Null(result.Segment);
        Assert.Equal([new RowError(column, reason)], result.Errors);
    }

    private static CheckedSegment AssertAccepted((CheckedSegment? Segment, List<RowError> Errors) result)
    {
        Assert.Empty(result.Errors);
        return Assert.IsType<CheckedSegment>(result.Segment);
    }

    // --- a valid row

    [Fact]
    public void ValidRijmRowIsAcceptedAndPseudonymised()
    {
        var s = AssertAccepted(Rijm());
        Assert.Equal(Keys.ForBsn(Bsn), s.YouthKey);
        Assert.Equal(new DateOnly(2006, 4, 12), s.BirthDate);
        Assert.Equal('V', s.Sex);
        Assert.Equal(193, s.Municipality);
        Assert.Equal(41000011, s.Provider);
        Assert.Equal("Jeugdhulp De Horst", s.ProviderName);
        Assert.Equal("41A01", s.ProductCode);
        Assert.Equal(CareType.Verblijf, s.CareType);
        Assert.Equal(new DateOnly(2020, 1, 6), s.Start);
        Assert.Equal(new DateOnly(2020, 2, 29), s.End);
        Assert.Equal(8100.00m, s.Amount);
        Assert.Equal(2, s.Line);
    }

    [Fact]
    public void ValidCbsRowIsAcceptedWithItsCbsColumns()
    {
        var s = AssertAccepted(Cbs());
        Assert.Equal(Keys.ForBsn(Bsn), s.YouthKey);
        Assert.Equal(new DateOnly(2006, 4, 12), s.BirthDate); // 12-04-2006, day first
        Assert.Equal('V', s.Sex); // "vrouw"
        Assert.Equal(CareType.Verblijf, s.CareType); // hulpvorm 44
        Assert.Equal("44", s.CareCode);
        Assert.Equal(false, s.StartedAsCrisis);
        Assert.Equal(new DateOnly(2020, 1, 6), s.Start);
        Assert.Equal(new DateOnly(2020, 2, 29), s.End);
        Assert.Null(s.Amount); // CBS-style files carry no money
        Assert.Equal("1", s.EndReason);
        Assert.Equal("01", s.Referrer);
    }

    [Fact]
    public void MissingEndMeansRunning() => Assert.Null(AssertAccepted(Rijm(("einddatum", null))).End);

    [Fact]
    public void MissingTrailingCellsAreMissingValues()
    {
        // A row cut off after begindatum: einddatum and bedrag are missing, not an error.
        var cells = RijmHeader.Take(10).Select(h => ValidRijm()[h]).ToList();
        var errors = new List<RowError>();
        var s = new SegmentRowChecker(ExtractFormat.Rijm, RijmHeader, true, CareTypeMapping.BuiltInOnly, Keys, ImportDay).Check(cells, 2, errors);
        Assert.Empty(errors);
        Assert.Null(s!.End);
        Assert.Null(s.Amount);
    }

    // --- out of range (protocol version 2)

    [Theory]
    [InlineData("geboortedatum", "1899-12-31")]
    [InlineData("begindatum", "0001-01-01")]
    [InlineData("einddatum", "31-12-1899")]
    public void ADateBefore1900IsOutOfRange(string column, string date) => AssertRefused(Rijm((column, date)), column, Reasons.DateBefore1900);

    [Fact]
    public void The1stOfJanuary1900IsInRange() =>
        Assert.DoesNotContain(Rijm(("geboortedatum", "1900-01-01"), ("begindatum", "1900-01-02")).Errors, e => e.Reason.StartsWith("date out of range"));

    [Fact]
    public void AStartUpTo366DaysAfterTheImportIsPlannedCare() =>
        AssertAccepted(Rijm(("begindatum", ImportDay.AddDays(366).ToString("yyyy-MM-dd")), ("einddatum", null)));

    [Theory]
    [InlineData(367)]
    [InlineData(2_900_000)] // 9999-12-30, seen in the fault trials: it stretched every as-of date taken from the data
    public void AStartMoreThan366DaysAfterTheImportIsOutOfRange(int days)
    {
        var start = ImportDay.AddDays(Math.Min(days, DateOnly.MaxValue.DayNumber - ImportDay.DayNumber - 1));
        AssertRefused(Rijm(("begindatum", start.ToString("yyyy-MM-dd")), ("einddatum", null)), "begindatum", Reasons.StartTooLate);
    }

    [Fact]
    public void AnEndFarInTheFutureIsAnOpenSegmentNotAnError() =>
        Assert.Equal(new DateOnly(9999, 12, 31), AssertAccepted(Rijm(("einddatum", "9999-12-31"))).End);

    [Fact]
    public void AProductCodeOf64CharactersIsAccepted() => AssertAccepted(Rijm(("productcode", new string('P', 64))));

    [Fact]
    public void AProductCodeOver64CharactersIsRefused() =>
        AssertRefused(Rijm(("productcode", new string('P', 65))), "productcode", Reasons.ProductCodeTooLong);

    // --- a required value is missing

    [Theory]
    [InlineData("geboortedatum")]
    [InlineData("gemeentecode")]
    [InlineData("agb_code")]
    [InlineData("zorgsoort")]
    [InlineData("begindatum")]
    public void MissingRequiredRijmValueIsRefused(string column) => AssertRefused(Rijm((column, null)), column, Reasons.Missing);

    [Theory]
    [InlineData("bsn")]
    [InlineData("hulpvorm")]
    [InlineData("datum_aanvang")]
    public void MissingRequiredCbsValueIsRefusedUnderItsCbsName(string column) => AssertRefused(Cbs((column, null)), column, Reasons.Missing);

    [Fact]
    public void RijmRowWithNeitherBsnNorClientIdIsRefused() =>
        AssertRefused(Rijm(("bsn", null), ("client_id", null)), "client_id", Reasons.Missing);

    [Fact]
    public void OptionalValuesMayBeMissing()
    {
        var s = AssertAccepted(Rijm(("geslacht", null), ("aanbieder", null), ("productcode", null), ("bedrag", null)));
        Assert.Null(s.Sex);
        Assert.Null(s.ProviderName);
        Assert.Null(s.ProductCode);
        Assert.Null(s.Amount);
    }

    // --- dates

    [Fact]
    public void DayFirstDatesAreAcceptedInRijm()
    {
        var s = AssertAccepted(Rijm(("geboortedatum", "12-04-2006"), ("begindatum", "06-01-2020"), ("einddatum", "29-02-2020")));
        Assert.Equal(new DateOnly(2006, 4, 12), s.BirthDate);
        Assert.Equal(new DateOnly(2020, 1, 6), s.Start);
        Assert.Equal(new DateOnly(2020, 2, 29), s.End); // 2020 is a leap year
    }

    [Theory]
    [InlineData("2006/09/27")]
    [InlineData("onbekend")]
    [InlineData("1-2-2020")]
    public void BirthDateThatDoesNotParseIsRefused(string text) =>
        AssertRefused(Rijm(("geboortedatum", text)), "geboortedatum", Reasons.DateUnparsable);

    [Theory]
    [InlineData("31-02-2021")]
    [InlineData("2021-13-01")]
    [InlineData("29-02-2021")]
    public void ImpossibleStartDateIsRefused(string text) =>
        AssertRefused(Rijm(("begindatum", text), ("einddatum", null)), "begindatum", Reasons.DateImpossible);

    [Fact]
    public void EndDateThatDoesNotParseIsRefused() =>
        AssertRefused(Rijm(("einddatum", "2020/02/29")), "einddatum", Reasons.DateUnparsable);

    [Fact]
    public void ImpossibleEndDateIsRefused() =>
        AssertRefused(Rijm(("einddatum", "2021-02-29")), "einddatum", Reasons.DateImpossible);

    // --- numbers

    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("72612,49", "72612.49")]
    [InlineData("13295.30", "13295.30")] // without a comma the point is the decimal point
    [InlineData("0,00", "0")]
    [InlineData("1,2345", "1.2345")] // 4 decimals is the most
    [InlineData("1,50000", "1.5")] // trailing zeros are no precision lost
    public void AmountsInASemicolonFileAreDutch(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AssertAccepted(Rijm(("bedrag", text))).Amount);

    [Fact]
    public void AmountsInACommaFileUseThePoint() =>
        Assert.Equal(1234.56m, AssertAccepted(RijmCommaFile(("bedrag", "1234.56"))).Amount);

    [Theory]
    [InlineData("1.234,56")]
    [InlineData("72612,49")]
    public void DutchAmountsInACommaFileAreRefused(string text) =>
        AssertRefused(RijmCommaFile(("bedrag", text)), "bedrag", Reasons.NumberUnparsable);

    [Theory]
    [InlineData("--5")]
    [InlineData("1,2,3")]
    [InlineData("1.23,4")]
    [InlineData("€ 100")]
    public void AmountThatDoesNotParseIsRefused(string text) =>
        AssertRefused(Rijm(("bedrag", text)), "bedrag", Reasons.NumberUnparsable);

    [Theory]
    [InlineData("-5")]
    [InlineData("-1.234,56")]
    [InlineData("-0,01")]
    public void NegativeAmountIsRefused(string text) => AssertRefused(Rijm(("bedrag", text)), "bedrag", Reasons.NegativeAmount);

    [Fact]
    public void AmountWithMoreThanFourDecimalsIsRefused() =>
        AssertRefused(Rijm(("bedrag", "1,23456")), "bedrag", Reasons.TooManyDecimals);

    // --- bsn and client_id

    [Fact]
    public void BsnFailingTheElfproefIsRefused() => AssertRefused(Rijm(("bsn", "123456789")), "bsn", Reasons.BsnElfproef);

    [Fact]
    public void BsnOfEightDigitsIsRefused() => AssertRefused(Rijm(("bsn", "12345678")), "bsn", Reasons.BsnNotNineDigits);

    [Fact]
    public void BsnOfZerosIsRefused() => AssertRefused(Rijm(("bsn", "000000000")), "bsn", Reasons.BsnZero);

    [Fact]
    public void BsnWithLettersIsRefused() => AssertRefused(Cbs(("bsn", "12345678X")), "bsn", Reasons.BsnNotNineDigits);

    [Fact]
    public void BsnWithLeadingZeroKeepsIt() =>
        Assert.Equal(Keys.ForBsn("012345672"), AssertAccepted(Rijm(("bsn", "012345672"))).YouthKey);

    [Fact]
    public void ClientIdOf64CharactersIsAccepted()
    {
        var id = new string('a', 64);
        Assert.Equal(Keys.ForClientId(id), AssertAccepted(Rijm(("bsn", null), ("client_id", id))).YouthKey);
    }

    [Fact]
    public void ClientIdOf65CharactersIsRefused() =>
        AssertRefused(Rijm(("bsn", null), ("client_id", new string('a', 65))), "client_id", Reasons.ClientIdTooLong);

    [Fact]
    public void FilledBsnWinsOverClientId() =>
        Assert.Equal(Keys.ForBsn(Bsn), AssertAccepted(Rijm(("client_id", "K01"))).YouthKey);

    [Fact]
    public void InvalidFilledBsnIsRefusedEvenWithAValidClientId() =>
        AssertRefused(Rijm(("bsn", "123456789"), ("client_id", "K01")), "bsn", Reasons.BsnElfproef);

    [Fact]
    public void ClientIdIsUsedWhenBsnIsEmpty() =>
        Assert.Equal(Keys.ForClientId("K01"), AssertAccepted(Rijm(("bsn", null), ("client_id", "K01"))).YouthKey);

    [Fact]
    public void ClientIdThatLooksLikeABsnGetsAnotherKeyThanThatBsn()
    {
        var viaBsn = AssertAccepted(Rijm()).YouthKey;
        var viaClientId = AssertAccepted(Rijm(("bsn", null), ("client_id", Bsn))).YouthKey;
        Assert.NotEqual(viaBsn, viaClientId);
    }

    // --- codes

    [Theory]
    [InlineData("0193", 193)]
    [InlineData("GM0193", 193)]
    [InlineData("gm0193", 193)]
    public void MunicipalityIsFourDigitsOptionallyPrefixedGm(string text, int code) =>
        Assert.Equal(code, AssertAccepted(Rijm(("gemeentecode", text))).Municipality);

    [Theory]
    [InlineData("193")]
    [InlineData("01934")]
    public void MunicipalityOfTheWrongFormIsRefused(string text) =>
        AssertRefused(Rijm(("gemeentecode", text)), "gemeentecode", Reasons.MunicipalityForm);

    [Fact]
    public void ProviderWithLeadingZeroIsEightDigits() =>
        Assert.Equal(6000015, AssertAccepted(Rijm(("agb_code", "06000015"))).Provider);

    [Theory]
    [InlineData("6000015")]
    [InlineData("410000111")]
    [InlineData("4100001A")]
    public void ProviderOfTheWrongFormIsRefused(string text) =>
        AssertRefused(Rijm(("agb_code", text)), "agb_code", Reasons.ProviderForm);

    // --- between columns

    [Fact]
    public void EndBeforeStartIsRefused() =>
        AssertRefused(Rijm(("begindatum", "2020-03-01"), ("einddatum", "2020-02-29")), "einddatum", Reasons.EndBeforeStart);

    [Fact]
    public void EndOnStartIsOneDay() =>
        Assert.Equal(new DateOnly(2020, 3, 1), AssertAccepted(Rijm(("begindatum", "2020-03-01"), ("einddatum", "2020-03-01"))).End);

    [Fact]
    public void BirthDateAfterStartIsRefused() =>
        AssertRefused(Rijm(("geboortedatum", "2020-01-07"), ("begindatum", "2020-01-06")), "geboortedatum", Reasons.BirthAfterStart);

    [Fact]
    public void BirthOnTheStartDayIsAccepted() =>
        AssertAccepted(Rijm(("geboortedatum", "2020-01-06"), ("begindatum", "2020-01-06")));

    [Fact]
    public void Age27AtStartIsAccepted() =>
        // born 1992-01-07, start 2020-01-06: the 28th birthday is the next day, so 27
        AssertAccepted(Rijm(("geboortedatum", "1992-01-07"), ("begindatum", "2020-01-06")));

    [Fact]
    public void Age28AtStartIsRefused() =>
        // born 1992-01-06, start 2020-01-06: the 28th birthday itself counts
        AssertRefused(Rijm(("geboortedatum", "1992-01-06"), ("begindatum", "2020-01-06")), "geboortedatum", Reasons.OlderThan27);

    [Fact]
    public void LeapDayBirthdayTurns28On29FebruaryOfALeapYear()
    {
        // born 1992-02-29; 2020 is a leap year, so the 28th birthday is 2020-02-29
        AssertAccepted(Rijm(("geboortedatum", "1992-02-29"), ("begindatum", "2020-02-28"), ("einddatum", null)));
        AssertRefused(Rijm(("geboortedatum", "1992-02-29"), ("begindatum", "2020-02-29"), ("einddatum", null)),
            "geboortedatum", Reasons.OlderThan27);
    }

    [Fact]
    public void LeapDayBirthdayFallsOnFirstMarchInOtherYears()
    {
        // born 2072-02-29; 2100 is no leap year (a century not divisible by 400), so the 28th birthday is 2100-03-01
        var importedIn2100 = new DateOnly(2100, 1, 1);
        AssertAccepted(Run(ExtractFormat.Rijm, RijmHeader, ValidRijm(), true, CareTypeMapping.BuiltInOnly,
            [("geboortedatum", "2072-02-29"), ("begindatum", "2100-02-28"), ("einddatum", null)], importedIn2100));
        AssertRefused(Run(ExtractFormat.Rijm, RijmHeader, ValidRijm(), true, CareTypeMapping.BuiltInOnly,
            [("geboortedatum", "2072-02-29"), ("begindatum", "2100-03-01"), ("einddatum", null)], importedIn2100),
            "geboortedatum", Reasons.OlderThan27);
    }

    // --- care types

    [Theory]
    [InlineData("VERBLIJF", CareType.Verblijf)]
    [InlineData("Gezinshuis", CareType.Gezinshuis)]
    [InlineData("Kortdurend_Verblijf", CareType.KortdurendVerblijf)]
    [InlineData("44", CareType.Verblijf)]
    [InlineData("35", CareType.Pleegzorg)]
    [InlineData("46", CareType.Crisis)]
    public void CareTypeWordIsCaseInsensitiveAndBuiltInCodesMap(string text, CareType expected)
    {
        var s = AssertAccepted(Rijm(("zorgsoort", text)));
        Assert.Equal(expected, s.CareType);
        Assert.Equal(text, s.CareCode); // the code as written is kept
    }

    [Fact]
    public void ImportedCodeOverridesABuiltInCode()
    {
        var mapping = new CareTypeMapping([new("44", CareType.Gesloten)]);
        var (s, errors) = Run(ExtractFormat.Rijm, RijmHeader, ValidRijm(), true, mapping, [("zorgsoort", "44")]);
        Assert.Empty(errors);
        Assert.Equal(CareType.Gesloten, s!.CareType);
    }

    [Fact]
    public void ImportedCodeIsKnownToTheChecker()
    {
        var mapping = new CareTypeMapping([new("P-GZH", CareType.Gezinshuis)]);
        var (s, errors) = Run(ExtractFormat.Cbs, CbsHeader, ValidCbs(), true, mapping, [("hulpvorm", "p-gzh")]);
        Assert.Empty(errors);
        Assert.Equal(CareType.Gezinshuis, s!.CareType);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("45")]
    [InlineData("residential")]
    public void UnknownCareTypeCodeIsRefused(string text) => AssertRefused(Rijm(("zorgsoort", text)), "zorgsoort", Reasons.CareTypeUnknown);

    [Fact]
    public void UnknownHulpvormIsRefusedUnderItsCbsName() => AssertRefused(Cbs(("hulpvorm", "99")), "hulpvorm", Reasons.CareTypeUnknown);

    // --- optional values that do not parse are ignored

    [Fact]
    public void SexThatDoesNotParseIsIgnored() => Assert.Null(AssertAccepted(Rijm(("geslacht", "onbekend-x"))).Sex);

    [Theory]
    [InlineData("M", 'M')]
    [InlineData("man", 'M')]
    [InlineData("v", 'V')]
    [InlineData("X", 'X')]
    [InlineData("onbekend", 'X')]
    public void SexWordsAndLettersAreRead(string text, char expected) =>
        Assert.Equal(expected, AssertAccepted(Rijm(("geslacht", text))).Sex);

    [Fact]
    public void CrisisFlagThatDoesNotParseIsIgnored() => Assert.Null(AssertAccepted(Cbs(("gestart_met_crisis", "?"))).StartedAsCrisis);

    [Fact]
    public void CrisisFlagIsCaseInsensitive() => Assert.Equal(true, AssertAccepted(Cbs(("gestart_met_crisis", "j"))).StartedAsCrisis);

    // --- every failure of a row is reported; the raw BSN never is

    [Fact]
    public void RowWithTwoFailuresReportsBoth()
    {
        var (segment, errors) = Rijm(("gemeentecode", "193"), ("agb_code", "4100001"));
        Assert.Null(segment);
        Assert.Equal([new RowError("gemeentecode", Reasons.MunicipalityForm), new RowError("agb_code", Reasons.ProviderForm)], errors);
    }

    [Fact]
    public void RowWithManyFailuresReportsEach()
    {
        var (segment, errors) = Rijm(("bsn", "123456789"), ("geboortedatum", "onbekend"), ("zorgsoort", "99"),
            ("begindatum", "31-02-2021"), ("bedrag", "-5"));
        Assert.Null(segment);
        Assert.Equal(
        [
            new RowError("bsn", Reasons.BsnElfproef),
            new RowError("geboortedatum", Reasons.DateUnparsable),
            new RowError("zorgsoort", Reasons.CareTypeUnknown),
            new RowError("begindatum", Reasons.DateImpossible),
            new RowError("bedrag", Reasons.NegativeAmount),
        ], errors);
    }

    [Theory]
    [InlineData("123456789")] // fails the elfproef
    [InlineData("12345678")] // 8 digits
    [InlineData(Bsn)] // valid, but the row fails elsewhere
    public void RefusedRowNeverCarriesTheRawBsn(string bsn)
    {
        var (segment, errors) = Rijm(("bsn", bsn), ("client_id", "K01"), ("begindatum", "2020-13-01"), ("agb_code", "1"));
        Assert.Null(segment);
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            Assert.DoesNotContain(bsn, error.Column);
            Assert.DoesNotContain(bsn, error.Reason);
            Assert.DoesNotContain(bsn, error.ToString());
        }
    }

    [Fact]
    public void AcceptedRowNeverCarriesTheRawBsn()
    {
        var s = AssertAccepted(Rijm());
        Assert.DoesNotContain(Bsn, s.ToString());
        Assert.Matches("^[0-9a-f]{64}$", s.YouthKey);
    }
}
