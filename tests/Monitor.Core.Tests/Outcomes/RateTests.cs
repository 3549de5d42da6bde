using Monitor.Core.Domain;
using Monitor.Core.Outcomes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2: the population of the area (the region's municipalities, or without a region
/// every municipality of the regions file and of the cohort) for the calendar year of <c>from</c>, and the
/// rates per 1,000 youths over it; null when any municipality of the area lacks a count, never a silent zero.</summary>
public class RateTests
{
    // Youths 1 (0193) and 2 (0148) and 3 (0193) are IJsselland; youth 4 (0153) is Twente.
    private static Segment[] Stays =>
    [
        Make(1, 41000011, "2020-03-01", "2020-03-31", municipality: 193), // 31 days, entry
        Make(2, 41000011, "2020-06-01", "2020-06-19", municipality: 148), // 19 days, entry
        Make(3, 41000011, "2020-12-01", null, municipality: 193),         // 31 days in 2020, entry, in care on 12-31
        Make(4, 41000011, "2020-01-01", "2020-01-31", municipality: 153), // Twente
    ];

    private static List<PopulationRow> Population2020(params int[] leaveOut) =>
        new[] { new PopulationRow(193, 2020, 20_000), new PopulationRow(148, 2020, 5_000), new PopulationRow(153, 2020, 30_000), new PopulationRow(164, 2020, 10_000) }
            .Where(p => !leaveOut.Contains(p.Municipality)).ToList();

    private static global::Monitor.Core.Outcomes.Outcomes IJsselland2020(List<PopulationRow> population) =>
        Outcome.Of("2020", "2021-06-30", Stays, Outcome.Data(population: population), region: "IJsselland", reference: Outcome.TwoRegions);

    [Fact]
    public void ThePopulationIsTheSumOverTheRegionsMunicipalities()
    {
        // IJsselland = 0193 (20,000) + 0148 (5,000) = 25,000; Twente's 0153 and 0164 are not in it
        var o = IJsselland2020(Population2020());
        Assert.Equal(2020, o.PopulationYear);
        Assert.Equal(25_000, o.Population);
    }

    [Fact]
    public void ResidentialDaysPer1000AreDaysTimes1000OverThePopulation()
    {
        // days 31 + 19 + 31 = 81 (youth 4 is Twente); 81 × 1000 / 25,000 = 3.24
        var o = IJsselland2020(Population2020());
        Assert.Equal(81, o.ResidentialDays);
        Assert.Equal(3.24, o.ResidentialDaysPer1000!.Value, 10);
    }

    [Fact]
    public void EntriesPer1000AreTheEntriesInThePeriodOverThePopulation() =>
        // entries in 2020: youths 1, 2, 3 = 3; 3 × 1000 / 25,000 = 0.12
        Assert.Equal(0.12, IJsselland2020(Population2020()).EntriesPer1000!.Value, 10);

    [Fact]
    public void InCareAtPeriodEndPer1000IsOverThePopulation()
    {
        // only youth 3 is in care on 2020-12-31: 1 × 1000 / 25,000 = 0.04
        var o = IJsselland2020(Population2020());
        Assert.Equal(1, o.InCareAtPeriodEnd);
        Assert.Equal(0.04, o.InCareAtPeriodEndPer1000!.Value, 10);
    }

    [Fact]
    public void ThePopulationIsThatOfTheCalendarYearOfFrom()
    {
        // period 2020-07-01..2021-06-30: year 2020 (25,000), not 2021 (0193 40,000 + 0148 10,000 = 50,000)
        List<PopulationRow> population = [.. Population2020(), new(193, 2021, 40_000), new(148, 2021, 10_000)];
        var o = Outcome.Of("2020-07-01..2021-06-30", "2021-06-30", Stays, Outcome.Data(population: population),
            region: "IJsselland", reference: Outcome.TwoRegions);
        Assert.Equal(2020, o.PopulationYear);
        Assert.Equal(25_000, o.Population);
        // days from 2020-07-01: youth 3 only, 2020-12-01..2021-06-30 = 31 + 31 + 28 + 31 + 30 + 31 + 30 = 212; 212 × 1000 / 25,000 = 8.48
        Assert.Equal(8.48, o.ResidentialDaysPer1000!.Value, 10);
    }

    [Fact]
    public void AMunicipalityOfTheRegionWithoutACountMakesEveryRateNullAndIsNamed()
    {
        var o = IJsselland2020(Population2020(leaveOut: 193));
        Assert.Null(o.Population);
        Assert.Null(o.ResidentialDaysPer1000);
        Assert.Null(o.EntriesPer1000);
        Assert.Null(o.InCareAtPeriodEndPer1000);
        Assert.Equal(81, o.ResidentialDays); // the counts stay
        var note = Assert.Single(o.Notes);
        Assert.Contains("0193", note); // four digits, as the code is written
        Assert.DoesNotContain("0148", note);
    }

    [Fact]
    public void ACountOfAnotherYearDoesNotStandIn()
    {
        // 0193 has a count for 2019 only: 2020 is missing, so the rates are null (not the 2019 figure, not zero)
        List<PopulationRow> population = [.. Population2020(leaveOut: 193), new(193, 2019, 20_000)];
        var o = IJsselland2020(population);
        Assert.Null(o.Population);
        Assert.Null(o.ResidentialDaysPer1000);
        Assert.Contains("0193", Assert.Single(o.Notes));
    }

    [Fact]
    public void APopulationOfZeroLeavesTheRatesOutWithANote()
    {
        var zero = Population2020().Select(p => p with { Youths = 0 }).ToList();
        var o = IJsselland2020(zero);
        Assert.Equal(0, o.Population);
        Assert.Null(o.ResidentialDaysPer1000);
        Assert.Null(o.EntriesPer1000);
        Assert.Contains(o.Notes, n => n.Contains("population of the area is 0"));
    }

    [Fact]
    public void OnlyTheRegionsMunicipalitiesNeedACount()
    {
        // Twente's 0153 and 0164 lack a count: IJsselland's rates are still there
        var o = IJsselland2020(Population2020(leaveOut: [153, 164]));
        Assert.Equal(25_000, o.Population);
        Assert.Empty(o.Notes);
    }

    [Fact]
    public void WithoutARegionTheAreaIsTheRegionsFileAndTheCohortsMunicipalities()
    {
        // all four municipalities of the regions file: 20,000 + 5,000 + 30,000 + 10,000 = 65,000;
        // days 31 + 19 + 31 + 31 (youth 4) = 112; 112 × 1000 / 65,000 = 1.72307692...
        var o = Outcome.Of("2020", "2021-06-30", Stays, Outcome.Data(population: Population2020()), reference: Outcome.TwoRegions);
        Assert.Equal(65_000, o.Population);
        Assert.Equal(112, o.ResidentialDays);
        Assert.Equal(112_000.0 / 65_000, o.ResidentialDaysPer1000!.Value, 10);
    }

    [Fact]
    public void WithoutARegionACohortMunicipalityOutsideTheRegionsFileWithoutACountMakesTheRatesNull()
    {
        // youth 5 lives in 0402 (Hilversum), which the regions file does not have: the area includes it, and it has no count
        Segment[] stays = [.. Stays, Make(5, 41000011, "2020-02-01", "2020-02-10", municipality: 402)];
        var o = Outcome.Of("2020", "2021-06-30", stays, Outcome.Data(population: Population2020()), reference: Outcome.TwoRegions);
        Assert.Null(o.Population);
        Assert.Null(o.ResidentialDaysPer1000);
        Assert.Contains("0402", Assert.Single(o.Notes));
    }

    [Fact]
    public void WithoutARegionACohortMunicipalityOutsideTheRegionsFileCountsInThePopulation()
    {
        // 65,000 + 0402's 15,000 = 80,000; days 112 + 10 (2020-02-01..02-10) = 122; 122 × 1000 / 80,000 = 1.525
        Segment[] stays = [.. Stays, Make(5, 41000011, "2020-02-01", "2020-02-10", municipality: 402)];
        List<PopulationRow> population = [.. Population2020(), new(402, 2020, 15_000)];
        var o = Outcome.Of("2020", "2021-06-30", stays, Outcome.Data(population: population), reference: Outcome.TwoRegions);
        Assert.Equal(80_000, o.Population);
        Assert.Equal(1.525, o.ResidentialDaysPer1000!.Value, 10);
    }
}
