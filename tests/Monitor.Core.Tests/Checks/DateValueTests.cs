using Monitor.Core.Checks;

namespace Monitor.Core.Tests.Checks;

/// <summary>PROTOCOL.md 2 and 3.1: dates are yyyy-MM-dd or dd-MM-yyyy; "does not parse" differs from "impossible".</summary>
public class DateValueTests
{
    [Theory]
    [InlineData("2020-01-06", 2020, 1, 6)]
    [InlineData("06-01-2020", 2020, 1, 6)]
    [InlineData("2006-09-27", 2006, 9, 27)]
    [InlineData("27-09-2006", 2006, 9, 27)]
    public void IsoAndDutchDayFirstFormsParse(string text, int year, int month, int day)
    {
        Assert.True(DateValue.TryParse(text, out var date, out var reason));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("2006/09/27")]
    [InlineData("onbekend")]
    [InlineData("1-2-2020")] // no leading zeros: not one of the two forms
    [InlineData("2020-1-01")]
    [InlineData("20200101")]
    [InlineData("2020-01-01T00:00")]
    [InlineData("27.09.2006")]
    public void OtherShapesDoNotParse(string text)
    {
        Assert.False(DateValue.TryParse(text, out _, out var reason));
        Assert.Equal(Reasons.DateUnparsable, reason);
    }

    [Theory]
    [InlineData("31-02-2021")]
    [InlineData("2021-13-01")]
    [InlineData("29-02-2021")] // 2021 is no leap year
    [InlineData("2021-02-29")]
    [InlineData("00-01-2020")]
    [InlineData("2020-00-10")]
    [InlineData("31-04-2020")]
    [InlineData("0000-01-01")]
    public void RightShapeButNoSuchDayIsImpossible(string text)
    {
        Assert.False(DateValue.TryParse(text, out _, out var reason));
        Assert.Equal(Reasons.DateImpossible, reason);
    }

    [Fact]
    public void TwentyNinthFebruaryOfALeapYearIsValid()
    {
        Assert.True(DateValue.TryParse("29-02-2020", out var date, out _));
        Assert.Equal(new DateOnly(2020, 2, 29), date);
        Assert.True(DateValue.TryParse("2000-02-29", out date, out _)); // 2000: divisible by 400, a leap year
        Assert.Equal(new DateOnly(2000, 2, 29), date);
        Assert.False(DateValue.TryParse("1900-02-29", out _, out var reason)); // 1900: a century, no leap year
        Assert.Equal(Reasons.DateImpossible, reason);
    }
}
