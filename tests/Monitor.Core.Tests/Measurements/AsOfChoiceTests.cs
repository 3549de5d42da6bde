using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5 and 6: the as-of date as a date, as latest, or as a window after each period.</summary>
public class AsOfChoiceTests
{
    private static DateOnly NoLatest() => throw new InvalidOperationException("latest was not asked for");

    [Theory]
    [InlineData("2020", 0, "2020-12-31")]
    [InlineData("2020", 181, "2021-06-30")]
    [InlineData("2021", 181, "2022-06-30")]
    [InlineData("2020", 182, "2021-07-01")] // 2021 is no leap year: 182 days after 31 December is 1 July
    [InlineData("2019", 182, "2020-06-30")] // across a leap day: 31 Dec 2019 + 182 days is 30 June 2020
    [InlineData("2020-01-01..2020-06-30", 1, "2020-07-01")] // a window across no year end
    [InlineData("2020-07-01..2020-12-31", 1, "2021-01-01")] // one day across the year end
    public void AWindowIsThePeriodsEndPlusNDays(string period, int days, string asOf)
    {
        Assert.True(Period.TryParse(period, out var p, out _));
        Assert.Equal(D(asOf), AsOfChoice.OfWindow(days).For(p, NoLatest));
    }

    [Fact]
    public void ADateIsTheSameForEveryPeriod()
    {
        var choice = AsOfChoice.Of(D("2022-06-30"));
        Assert.Equal(D("2022-06-30"), choice.For(Period.Year(2020), NoLatest));
        Assert.Equal(D("2022-06-30"), choice.For(Period.Year(2021), NoLatest));
        Assert.Null(choice.WindowDays);
    }

    [Fact]
    public void LatestAsksTheStoreOnce()
    {
        var asked = 0;
        Assert.Equal(D("2022-09-30"), AsOfChoice.OfLatest.For(Period.Year(2021), () => { asked++; return D("2022-09-30"); }));
        Assert.Equal(1, asked);
    }

    [Fact]
    public void ANegativeWindowIsRefused() =>
        Assert.Contains("cannot be negative", Assert.Throws<InvalidRequestException>(() => AsOfChoice.OfWindow(-1)).Message);

    [Theory]
    [InlineData("2021-12-30", "the as-of date 2021-12-30 is before the end of the follow-up 2021")]
    public void ADateBeforeThePeriodsEndIsRefused(string date, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidRequestException>(() => AsOfChoice.Of(D(date)).For(Period.Year(2021), NoLatest, "the follow-up")).Message);

    [Fact]
    public void LatestBeforeThePeriodsEndIsRefusedAndSaysSo() =>
        Assert.Contains("--as-of latest (2021-06-30) is before the end",
            Assert.Throws<InvalidRequestException>(() => AsOfChoice.OfLatest.For(Period.Year(2021), () => D("2021-06-30"))).Message);

    [Fact]
    public void TheFiguresThatDependOnTheAsOfDateAreNamedAndTheOthersAreNot()
    {
        Assert.True(AsOfDependence.DependsOnAsOf("counts.ongoing_at_as_of"));
        Assert.True(AsOfDependence.DependsOnAsOf("entry_cohort.km_median_days"));
        Assert.False(AsOfDependence.DependsOnAsOf("counts.youths"));
        Assert.False(AsOfDependence.DependsOnAsOf("counts.exited_in_period"));
        Assert.False(AsOfDependence.DependsOnAsOf("counts.entries_in_period"));
    }
}
