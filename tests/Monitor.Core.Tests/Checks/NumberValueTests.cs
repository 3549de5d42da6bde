using Monitor.Core.Checks;

namespace Monitor.Core.Tests.Checks;

/// <summary>PROTOCOL.md 2: in a ;-file a number with a comma is Dutch (1.234,56), one without uses the point as
/// decimal point; in a ,-file the point is the decimal point.</summary>
public class NumberValueTests
{
    [Theory]
    [InlineData("1.234,56", "1234.56")] // . groups thousands, , is the decimal mark
    [InlineData("72612,49", "72612.49")]
    [InlineData("8.100,00", "8100")]
    [InlineData("12.345.678,9", "12345678.9")]
    [InlineData("13295.30", "13295.30")] // no comma: the point is the decimal point
    [InlineData("1.234", "1.234")] // no comma: still a decimal point, not a thousands point
    [InlineData("0,00", "0")]
    [InlineData("450", "450")]
    public void SemicolonFileReadsDutchNumbers(string text, string expected)
    {
        Assert.True(NumberValue.TryParse(text, semicolonFile: true, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("13295.30", "13295.30")]
    [InlineData("0.00", "0")]
    [InlineData("450", "450")]
    public void CommaFileReadsThePointAsDecimalPoint(string text, string expected)
    {
        Assert.True(NumberValue.TryParse(text, semicolonFile: false, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1.234,56")]
    [InlineData("72612,49")]
    [InlineData("1,234.56")]
    [InlineData("1.234.567")]
    public void CommaFileRefusesCommasAndGroupedPoints(string text) =>
        Assert.False(NumberValue.TryParse(text, semicolonFile: false, out _));

    [Theory]
    [InlineData("--5")]
    [InlineData("1,2,3")]
    [InlineData("1.23,4")] // 1.23 is no thousands grouping
    [InlineData(".123,4")]
    [InlineData("1234.567,8")]
    [InlineData("5,")]
    [InlineData("5.")]
    [InlineData(",")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("twaalf")]
    [InlineData("1 234,56")]
    [InlineData("1e3")]
    public void SemicolonFileRefusesGuesswork(string text) =>
        Assert.False(NumberValue.TryParse(text, semicolonFile: true, out _));

    [Fact]
    public void NegativeNumbersParseSoTheCheckerCanNameThem()
    {
        Assert.True(NumberValue.TryParse("-1.234,50", semicolonFile: true, out var value));
        Assert.Equal(-1234.5m, value);
    }
}
