using Monitor.Core.Domain;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Domain;

/// <summary>PROTOCOL.md 1 and 7: a period is a year (2020) or yyyy-MM-dd..yyyy-MM-dd, both ends inclusive.</summary>
public class PeriodTests
{
    [Theory]
    [InlineData("2020", "2020-01-01", "2020-12-31")]
    [InlineData(" 2020 ", "2020-01-01", "2020-12-31")]
    [InlineData("2020-03-01..2020-06-30", "2020-03-01", "2020-06-30")]
    [InlineData("2020-03-01..2020-03-01", "2020-03-01", "2020-03-01")]
    public void PeriodParses(string text, string from, string to)
    {
        Assert.True(Period.TryParse(text, out var period, out var error));
        Assert.Equal(new Period(D(from), D(to)), period);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("20201")]
    [InlineData("0000")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2020..2021")]
    [InlineData("2020-3-1..2020-6-30")]
    [InlineData("01-03-2020..30-06-2020")]
    [InlineData("2020-02-30..2020-03-31")]
    [InlineData("2020-03-01")]
    [InlineData("2020-03-01..2020-06-30..2020-12-31")]
    [InlineData("twintig")]
    public void OtherTextDoesNotParse(string? text)
    {
        Assert.False(Period.TryParse(text, out _, out var error));
        Assert.Contains("does not parse", error);
    }

    [Fact]
    public void PeriodEndingBeforeItStartsIsRefused()
    {
        Assert.False(Period.TryParse("2020-06-30..2020-03-01", out _, out var error));
        Assert.Contains("ends before it starts", error);
    }

    [Fact]
    public void BothEndsAreInside()
    {
        var period = Period.Year(2020);
        Assert.False(period.Contains(D("2019-12-31")));
        Assert.True(period.Contains(D("2020-01-01")));
        Assert.True(period.Contains(D("2020-12-31")));
        Assert.False(period.Contains(D("2021-01-01")));
    }

    [Fact]
    public void WholeYearPrintsAsTheYear()
    {
        Assert.Equal("2020", Period.Year(2020).ToString());
        Assert.Equal("2020-03-01..2020-06-30", new Period(D("2020-03-01"), D("2020-06-30")).ToString());
    }
}
