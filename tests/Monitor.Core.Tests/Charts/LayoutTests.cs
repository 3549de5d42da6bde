using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public class LayoutTests
{
    // 50 px left margin, 20 px right margin, 400 px of plot area in between.
    private static readonly Layout Sample = new(470, 300, new Margins(Left: 50, Top: 20, Right: 20, Bottom: 30), new DataRange(0, 100), new DataRange(0, 10));

    [Fact]
    public void Plot_area_is_the_size_minus_the_margins()
    {
        Assert.Equal(400, Sample.PlotWidth);
        Assert.Equal(250, Sample.PlotHeight);
        Assert.Equal(450, Sample.PlotRight);
        Assert.Equal(270, Sample.PlotBottom);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(25, 150)]
    [InlineData(100, 450)]
    [InlineData(-25, -50)] // outside the axis maps outside the plot area; the clip path hides it
    public void A_data_x_lands_on_the_expected_pixel(double x, double pixel) =>
        Assert.Equal(pixel, Sample.DataToPixelX(x));

    [Theory]
    [InlineData(0, 270)]
    [InlineData(10, 20)]
    [InlineData(5, 145)]
    public void Larger_y_values_are_higher_up_so_smaller_pixel_y(double y, double pixel) =>
        Assert.Equal(pixel, Sample.DataToPixelY(y));

    [Fact]
    public void A_zero_width_range_maps_to_the_middle_instead_of_NaN()
    {
        var layout = new Layout(470, 300, new Margins(50, 20, 20, 30), new DataRange(5, 5), new DataRange(3, 3));
        Assert.Equal(250, layout.DataToPixelX(5));
        Assert.Equal(145, layout.DataToPixelY(3));
    }

    [Fact]
    public void An_empty_range_is_refused() =>
        Assert.Throws<ArgumentException>(() => new Layout(100, 100, default, DataRange.Empty, new DataRange(0, 1)));
}
