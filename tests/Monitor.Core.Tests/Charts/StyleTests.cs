using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public class StyleTests
{
    [Fact]
    public void The_palette_holds_the_eight_published_Okabe_Ito_colours() =>
        Assert.Equal(["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"], Palette.OkabeIto);

    [Fact]
    public void Series_colours_are_Okabe_Ito_without_black()
    {
        Assert.All(Palette.Series, c => Assert.Contains(c, Palette.OkabeIto));
        Assert.DoesNotContain("#000000", Palette.Series);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void Neighbouring_series_differ_in_pattern_and_dash_not_only_in_colour(int index)
    {
        var (a, b) = (SeriesStyle.For(index), SeriesStyle.For(index + 1));
        Assert.NotEqual(a.Color, b.Color);
        Assert.NotEqual(a.Pattern, b.Pattern);
        Assert.NotEqual(a.Dash, b.Dash);
        Assert.NotEqual(a.Marker, b.Marker);
    }
}
