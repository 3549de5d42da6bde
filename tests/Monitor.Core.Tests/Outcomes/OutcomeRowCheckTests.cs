using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Core.Outcomes;
using Monitor.Core.Privacy;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 1, the row checks of the formats population, endreasons, instruments and rom.</summary>
public class OutcomeRowCheckTests
{
    private static (object? Row, List<RowError> Errors) Reference(ExtractFormat format, string header, string?[] cells, bool semicolonFile = true)
    {
        var errors = new List<RowError>();
        var checker = new ReferenceRowChecker(format, header.Split(semicolonFile ? ';' : ','), semicolonFile, CareTypeMapping.BuiltInOnly);
        return (checker.Check(cells, errors), errors);
    }

    // ---- population: gemeentecode;jaar;jeugdigen_0_17 ----

    private const string PopulationHeader = "gemeentecode;jaar;jeugdigen_0_17";

    private static (object? Row, List<RowError> Errors) Population(string? code, string? year, string? count, bool semicolonFile = true) =>
        Reference(ExtractFormat.Population, semicolonFile ? PopulationHeader : PopulationHeader.Replace(';', ','), [code, year, count], semicolonFile);

    [Fact]
    public void APopulationRowIsReadWithAGmPrefix() =>
        Assert.Equal(new PopulationRow(193, 2020, 21345), Population("GM0193", "2020", "21345").Row);

    [Fact]
    public void APopulationCountOf0IsAccepted() =>
        Assert.Equal(new PopulationRow(193, 2020, 0), Population("0193", "2020", "0").Row);

    [Theory]
    [InlineData("193")]
    [InlineData("01934")]
    [InlineData("GM193")]
    [InlineData("Zwolle")]
    public void APopulationRowWithABadMunicipalityCodeIsRefused(string code)
    {
        var (row, errors) = Population(code, "2020", "21345");
        Assert.Null(row);
        Assert.Equal([new RowError("gemeentecode", Reasons.MunicipalityForm)], errors);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("20201")]
    [InlineData("2020a")]
    [InlineData("'20")]
    public void APopulationRowWithABadYearIsRefused(string year)
    {
        var (row, errors) = Population("0193", year, "21345");
        Assert.Null(row);
        Assert.Equal([new RowError("jaar", Reasons.YearForm)], errors);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("12,5")]
    [InlineData("twaalf")]
    [InlineData("1e3")]
    public void APopulationRowWithANegativeOrNonIntegerCountIsRefused(string count)
    {
        var (row, errors) = Population("0193", "2020", count);
        Assert.Null(row);
        Assert.Equal([new RowError("jeugdigen_0_17", Reasons.CountForm)], errors);
    }

    [Fact]
    public void APopulationCountWithADecimalPointIsRefusedInASemicolonFile()
    {
        var (row, errors) = Population("0193", "2020", "1.5");
        Assert.Null(row);
        Assert.Equal([new RowError("jeugdigen_0_17", Reasons.CountForm)], errors);
    }

    [Fact]
    public void APopulationCountWithADecimalPointIsRefusedInACommaFile()
    {
        var (row, errors) = Population("0193", "2020", "12.5", semicolonFile: false);
        Assert.Null(row);
        Assert.Equal([new RowError("jeugdigen_0_17", Reasons.CountForm)], errors);
    }

    [Fact]
    public void APopulationRowMissingACountIsRefused() =>
        Assert.Equal([new RowError("jeugdigen_0_17", Reasons.Missing)], Population("0193", "2020", null).Errors);

    // ---- endreasons: code;categorie ----

    [Theory]
    [InlineData("01", "volgens_plan", EndCategory.AsPlanned)]
    [InlineData("32", "voortijdig", EndCategory.Premature)]
    [InlineData("38", "overig", EndCategory.Other)]
    public void AnEndReasonRowKeepsItsCategory(string code, string category, EndCategory expected) =>
        Assert.Equal(new EndReasonRow(code, expected), Reference(ExtractFormat.Endreasons, "code;categorie", [code, category]).Row);

    [Theory]
    [InlineData("uitval")]
    [InlineData("volgens plan")]
    [InlineData("transfer")]
    public void AnEndReasonWithABadCategoryIsRefused(string category)
    {
        var (row, errors) = Reference(ExtractFormat.Endreasons, "code;categorie", ["02", category]);
        Assert.Null(row);
        Assert.Equal([new RowError("categorie", Reasons.CategoryUnknown)], errors);
    }

    [Fact]
    public void AnEndReasonWithoutACodeIsRefused() =>
        Assert.Equal([new RowError("code", Reasons.Missing)], Reference(ExtractFormat.Endreasons, "code;categorie", [null, "overig"]).Errors);

    // ---- instruments: instrument;richting;sd;betrouwbaarheid;grenswaarde[;minimum;maximum] ----

    private const string InstrumentsHeader = "instrument;richting;sd;betrouwbaarheid;grenswaarde;minimum;maximum";

    private static (object? Row, List<RowError> Errors) Instrument(params string?[] cells) =>
        Reference(ExtractFormat.Instruments, InstrumentsHeader, cells);

    [Fact]
    public void AnInstrumentRowReadsDutchNumbersAndItsRange() =>
        Assert.Equal(new InstrumentRow("SDQ", LowerIsBetter: true, Sd: 5.8, Reliability: 0.85, Cutoff: 17, Minimum: 0, Maximum: 40),
            Instrument("SDQ", "lager_is_beter", "5,8", "0,85", "17", "0", "40").Row);

    [Fact]
    public void AnInstrumentWhoseHigherScoresAreBetter() =>
        Assert.False(Assert.IsType<InstrumentRow>(Instrument("OBVL", "hoger_is_beter", "10", "0,9", "20", null, null).Row).LowerIsBetter);

    [Fact]
    public void TheRangeIsOptional()
    {
        // without the columns, and with the columns left empty
        var withoutColumns = Reference(ExtractFormat.Instruments, "instrument;richting;sd;betrouwbaarheid;grenswaarde", ["SDQ", "lager_is_beter", "5", "0,8", "17"]).Row;
        var emptyCells = Instrument("SDQ", "lager_is_beter", "5", "0,8", "17", null, null).Row;
        foreach (var row in new[] { withoutColumns, emptyCells })
        {
            var instrument = Assert.IsType<InstrumentRow>(row);
            Assert.Null(instrument.Minimum);
            Assert.Null(instrument.Maximum);
        }
    }

    [Fact]
    public void AnInstrumentWithABadDirectionIsRefused()
    {
        var (row, errors) = Instrument("SDQ", "omlaag", "5", "0,8", "17", null, null);
        Assert.Null(row);
        Assert.Equal([new RowError("richting", Reasons.DirectionUnknown)], errors);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void AnInstrumentWithSdOf0OrLessIsRefused(string sd)
    {
        var (row, errors) = Instrument("SDQ", "lager_is_beter", sd, "0,8", "17", null, null);
        Assert.Null(row);
        Assert.Equal([new RowError("sd", Reasons.NotPositive)], errors);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1,2")]
    [InlineData("-0,1")]
    public void AnInstrumentWithReliabilityOutside0UpTo1IsRefused(string reliability)
    {
        var (row, errors) = Instrument("SDQ", "lager_is_beter", "5", reliability, "17", null, null);
        Assert.Null(row);
        Assert.Equal([new RowError("betrouwbaarheid", Reasons.ReliabilityRange)], errors);
    }

    [Fact]
    public void AReliabilityOf0IsAccepted() =>
        Assert.Equal(0, Assert.IsType<InstrumentRow>(Instrument("SDQ", "lager_is_beter", "5", "0", "17", null, null).Row).Reliability);

    [Fact]
    public void AnInstrumentWithAnUnparsableRangeIsRefused() =>
        Assert.Equal([new RowError("maximum", Reasons.NumberUnparsable)], Instrument("SDQ", "lager_is_beter", "5", "0,8", "17", "0", "veertig").Errors);

    [Fact]
    public void AnInstrumentWhoseMinimumIsAboveItsMaximumIsRefused() =>
        Assert.Equal([new RowError("minimum", Reasons.RangeReversed)], Instrument("SDQ", "lager_is_beter", "5", "0,8", "17", "40", "0").Errors);

    // ---- rom: bsn/client_id;instrument;informant;datum;score ----

    private const string ValidBsn = "123456782";    // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 = 156; 156 − 2 = 154 = 14 · 11
    private const string ElfproefFails = "123456789"; // 156 − 9 = 147, not a multiple of 11
    private static readonly DateOnly Today = new(2024, 6, 30);
    private static readonly Pseudonymizer Keys = new(Enumerable.Repeat((byte)7, 32).ToArray());

    private static readonly InstrumentRow[] Instruments =
    [
        new("SDQ", LowerIsBetter: true, Sd: 5.8, Reliability: 0.85, Cutoff: 17, Minimum: 0, Maximum: 40),
        new("OBVL", LowerIsBetter: false, Sd: 10, Reliability: 0.9, Cutoff: 20, Minimum: null, Maximum: null),
    ];

    private static (CheckedScore? Score, List<RowError> Errors) Rom(string? bsn, string? instrument, string? informant, string? date, string? score,
        string header = "bsn;instrument;informant;datum;score")
    {
        var errors = new List<RowError>();
        var checker = new RomRowChecker(header.Split(';'), semicolonFile: true, Instruments, Keys, Today);
        return (checker.Check([bsn, instrument, informant, date, score], 2, errors), errors);
    }

    [Fact]
    public void ARomRowIsPseudonymisedAndTakesTheInstrumentsName()
    {
        var (score, errors) = Rom(ValidBsn, "sdq", "Ouder", "15-03-2020", "12,5");
        Assert.Empty(errors);
        Assert.Equal(new CheckedScore(2, Keys.ForBsn(ValidBsn), "SDQ", Informant.Ouder, new DateOnly(2020, 3, 15), 12.5), score);
    }

    [Fact]
    public void ARomRowWithAClientIdIsKeyedLikeAnExtractRow()
    {
        var (score, errors) = Rom("K-0001", "OBVL", "professional", "2020-03-15", "55", header: "client_id;instrument;informant;datum;score");
        Assert.Empty(errors);
        Assert.Equal(Keys.ForClientId("K-0001"), score!.YouthKey);
    }

    [Fact]
    public void AnInstrumentTheInstrumentsFileLacksIsRefused() =>
        Assert.Equal([new RowError("instrument", Reasons.InstrumentUnknown)], Rom(ValidBsn, "CBCL", "ouder", "2020-03-15", "12").Errors);

    [Theory]
    [InlineData("leerkracht")]
    [InlineData("moeder")]
    [InlineData("parent")]
    public void ABadInformantIsRefused(string informant) =>
        Assert.Equal([new RowError("informant", Reasons.InformantUnknown)], Rom(ValidBsn, "SDQ", informant, "2020-03-15", "12").Errors);

    [Fact]
    public void ADateAfterTheDayOfTheImportIsRefused() =>
        Assert.Equal([new RowError("datum", Reasons.DateInFuture)], Rom(ValidBsn, "SDQ", "ouder", "2024-07-01", "12").Errors);

    [Fact]
    public void ADateOnTheDayOfTheImportIsAccepted() =>
        Assert.Empty(Rom(ValidBsn, "SDQ", "ouder", "2024-06-30", "12").Errors);

    [Theory]
    [InlineData("-1")]
    [InlineData("40,5")]
    [InlineData("41")]
    public void AScoreOutsideTheInstrumentsRangeIsRefused(string score) =>
        Assert.Equal([new RowError("score", Reasons.ScoreOutOfRange)], Rom(ValidBsn, "SDQ", "ouder", "2020-03-15", score).Errors);

    [Theory]
    [InlineData("0")]
    [InlineData("40")]
    public void AScoreOnTheRangesEdgesIsAccepted(string score) =>
        Assert.Empty(Rom(ValidBsn, "SDQ", "ouder", "2020-03-15", score).Errors);

    [Fact]
    public void AnInstrumentWithoutARangeTakesAnyScore() =>
        Assert.Empty(Rom(ValidBsn, "OBVL", "ouder", "2020-03-15", "-1.000,5").Errors);

    [Fact]
    public void AnUnparsableScoreIsRefused() =>
        Assert.Equal([new RowError("score", Reasons.NumberUnparsable)], Rom(ValidBsn, "SDQ", "ouder", "2020-03-15", "twaalf").Errors);

    [Fact]
    public void ABsnFailingTheElfproefIsRefusedAndTheReasonNeverCarriesIt()
    {
        var (score, errors) = Rom(ElfproefFails, "SDQ", "ouder", "2020-03-15", "12");
        Assert.Null(score);
        Assert.Equal([new RowError("bsn", Reasons.BsnElfproef)], errors);
        foreach (var error in errors)
        {
            Assert.DoesNotContain(ElfproefFails, error.Reason);
            Assert.DoesNotContain(ElfproefFails, error.Column);
        }
    }

    [Fact]
    public void EveryFailureOfARowIsReported()
    {
        var (score, errors) = Rom(ElfproefFails, "CBCL", "leerkracht", "2099-01-01", "twaalf");
        Assert.Null(score);
        Assert.Equal(["bsn", "instrument", "informant", "datum", "score"], errors.Select(e => e.Column));
        Assert.All(errors, e => Assert.DoesNotContain(ElfproefFails, e.Reason));
    }
}
