using Monitor.Core.Formatting;

namespace Monitor.Core.Tests.Formatting;

public class NumberTextTests
{
    private const string Minus = "\u2212";
    private const string Nbsp = "\u00A0";

    [Theory]
    [InlineData(1234.5, 1, "1.234,5", "1,234.5")]
    [InlineData(1234567, 0, "1.234.567", "1,234,567")]
    [InlineData(0.5, 1, "0,5", "0.5")]
    [InlineData(999, 0, "999", "999")]
    [InlineData(3, 2, "3,00", "3.00")]
    [InlineData(1000000.25, 2, "1.000.000,25", "1,000,000.25")]
    public void Dutch_groups_with_dots_and_uses_a_decimal_comma_English_the_reverse(double value, int decimals, string dutch, string english)
    {
        Assert.Equal(dutch, NumberText.Number(value, decimals, Language.Dutch));
        Assert.Equal(english, NumberText.Number(value, decimals, Language.English));
    }

    [Theory]
    [InlineData(2.5, 0, "3")]
    [InlineData(-2.5, 0, Minus + "3")]
    [InlineData(0.125, 2, "0,13")]
    [InlineData(2.675, 2, "2,68")] // stored as 2.67499999…, rounded as typed
    [InlineData(999.5, 0, "1.000")] // rounding can add a thousands group
    [InlineData(1.44, 1, "1,4")]
    public void Rounds_half_away_from_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, NumberText.Number(value, decimals, Language.Dutch));

    [Fact]
    public void Negative_numbers_use_the_minus_sign_U2212() =>
        Assert.Equal(Minus + "1.234,5", NumberText.Number(-1234.5, 1, Language.Dutch));

    [Theory]
    [InlineData(-0.004, 2, "0,00")]
    [InlineData(-0.4, 0, "0")]
    [InlineData(-0.0, 1, "0,0")]
    public void A_value_that_rounds_to_zero_never_shows_minus_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, NumberText.Number(value, decimals, Language.Dutch));

    [Fact]
    public void Integer_groups_large_numbers()
    {
        Assert.Equal("1.234.567", NumberText.Integer(1_234_567, Language.Dutch));
        Assert.Equal("1,234,567", NumberText.Integer(1_234_567, Language.English));
        Assert.Equal(Minus + "12.000", NumberText.Integer(-12_000, Language.Dutch));
    }

    [Fact]
    public void Euro_in_Dutch_puts_a_nonbreaking_space_after_the_sign()
    {
        Assert.Equal("€" + Nbsp + "110.000", NumberText.Euro(110_000m, 0, Language.Dutch));
        Assert.Equal("€" + Nbsp + "1.234,50", NumberText.Euro(1234.5m, 2, Language.Dutch));
        Assert.Equal("€" + Nbsp + "1.234,50", NumberText.Euro(1234.5, 2, Language.Dutch));
    }

    [Fact]
    public void Euro_in_English_has_no_space()
    {
        Assert.Equal("€110,000", NumberText.Euro(110_000m, 0, Language.English));
        Assert.Equal("€1,234.50", NumberText.Euro(1234.5m, 2, Language.English));
    }

    [Fact]
    public void Negative_euros_put_the_sign_after_the_euro_in_Dutch_and_before_it_in_English()
    {
        Assert.Equal("€" + Nbsp + Minus + "5", NumberText.Euro(-5m, 0, Language.Dutch));
        Assert.Equal(Minus + "€5", NumberText.Euro(-5m, 0, Language.English));
        Assert.Equal("€" + Nbsp + "0", NumberText.Euro(-0.2m, 0, Language.Dutch));
    }

    [Theory]
    [InlineData(0.125, 1, "12,5%", "12.5%")]
    [InlineData(0.145, 0, "15%", "15%")] // 0.145 * 100 is 14.4999… in doubles
    [InlineData(1.0, 0, "100%", "100%")]
    [InlineData(-0.03, 0, Minus + "3%", Minus + "3%")]
    [InlineData(12.345, 1, "1.234,5%", "1,234.5%")]
    public void Percent_takes_a_fraction(double fraction, int decimals, string dutch, string english)
    {
        Assert.Equal(dutch, NumberText.Percent(fraction, decimals, Language.Dutch));
        Assert.Equal(english, NumberText.Percent(fraction, decimals, Language.English));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e16)]
    public void Non_finite_or_absurd_values_are_refused_rather_than_printed(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberText.Number(value, 0, Language.Dutch));

    [Fact]
    public void Negative_decimals_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberText.Number(1, -1, Language.Dutch));
}
