using Monitor.Core.Charts;
using static Monitor.Core.Tests.Charts.SvgTestHelpers;

namespace Monitor.Core.Tests.Charts;

public class BarGeometryTests
{
    private static (Plot Plot, Layout Layout) Hundred(IPlottable bars)
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(bars);
        plot.YAxis.Min = 0;
        plot.YAxis.Max = 100;
        return (plot, plot.ComputeLayout()!);
    }

    [Fact]
    public void A_bar_of_50_on_a_0_to_100_axis_is_half_the_plot_area_high()
    {
        var (plot, layout) = Hundred(new BarSeries(["a"], new Series("x", [50])));
        var bar = Assert.Single(WithClass(Parse(plot.ToSvg()), "bar"));
        Assert.Equal(Px(layout.PlotHeight / 2), Number(bar, "height"));
        Assert.Equal(Px(layout.PlotTop + layout.PlotHeight / 2), Number(bar, "y"));
    }

    [Fact]
    public void A_negative_bar_hangs_down_from_zero()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(new BarSeries(["a", "b"], new Series("x", [-20, 40])));
        var layout = plot.ComputeLayout()!;
        var bar = WithClass(Parse(plot.ToSvg()), "bar")[0];
        Assert.Equal(Px(layout.DataToPixelY(0)), Number(bar, "y"));
        Assert.Equal(Px(layout.DataToPixelY(-20) - layout.DataToPixelY(0)), Number(bar, "height"), 2);
    }

    [Fact]
    public void Grouped_bars_stand_side_by_side_within_their_category()
    {
        var (plot, layout) = Hundred(new BarSeries(["a", "b"], new Series("Nulmeting", [10, 20]), new Series("Vervolgmeting", [30, 40])));
        var bars = WithClass(Parse(plot.ToSvg()), "bar");
        Assert.Equal(4, bars.Count);
        // Series by series, category by category: [a-base, b-base, a-follow, b-follow].
        var (aBase, aFollow) = (bars[0], bars[2]);
        Assert.Equal(Number(aBase, "x") + Number(aBase, "width"), Number(aFollow, "x"), 2);
        var center = layout.DataToPixelX(0);
        Assert.True(Number(aBase, "x") < center && Number(aFollow, "x") + Number(aFollow, "width") > center);
    }

    [Fact]
    public void The_second_series_is_hatched_so_it_differs_in_greyscale_too()
    {
        var (plot, _) = Hundred(new BarSeries(["a"], new Series("Nulmeting", [10]), new Series("Vervolgmeting", [30])));
        var doc = Parse(plot.ToSvg());
        var bars = WithClass(doc, "bar");
        Assert.StartsWith("#", (string?)bars[0].Attribute("fill"));
        var fill = (string)bars[1].Attribute("fill")!;
        Assert.StartsWith("url(#chart-fill-1)", fill);
        Assert.Single(doc.Descendants(Ns + "pattern"), p => (string?)p.Attribute("id") == "chart-fill-1");
    }

    [Fact]
    public void Value_labels_sit_above_their_bars_in_the_plot_language()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(new BarSeries(["a"], new Series("x", [1234.5])) { ShowValues = true, ValueDecimals = 1 });
        var doc = Parse(plot.ToSvg());
        var label = Assert.Single(WithClass(doc, "value"));
        Assert.Equal("1.234,5", label.Value);
        Assert.True(Number(label, "y") < Number(Assert.Single(WithClass(doc, "bar")), "y"));
    }

    [Fact]
    public void Stacked_layers_start_where_the_layer_below_ends()
    {
        var (plot, layout) = Hundred(new StackedBarSeries(["a"], new Series("onder", [30]), new Series("boven", [20])) { ShowTotals = true });
        var doc = Parse(plot.ToSvg());
        var (below, above) = (WithClass(doc, "bar")[0], WithClass(doc, "bar")[1]);
        Assert.Equal(Px(layout.DataToPixelY(30)), Number(below, "y"));
        Assert.Equal(Number(below, "y"), Number(above, "y") + Number(above, "height"), 2);
        Assert.Equal(Px(layout.DataToPixelY(50)), Number(above, "y"));
        Assert.Equal("50", Assert.Single(WithClass(doc, "value")).Value);
    }

    [Fact]
    public void A_missing_value_draws_no_bar()
    {
        var (plot, _) = Hundred(new BarSeries(["a", "b"], new Series("x", [double.NaN, 10])));
        Assert.Single(WithClass(Parse(plot.ToSvg()), "bar"));
    }

    [Fact]
    public void Series_of_the_wrong_length_are_refused() =>
        Assert.Throws<ArgumentException>(() => new BarSeries(["a", "b"], new Series("x", [1])));
}
