using Monitor.Core.Charts;
using Monitor.Core.Formatting;
using static Monitor.Core.Tests.Charts.SvgTestHelpers;

namespace Monitor.Core.Tests.Charts;

public class StepSeriesTests
{
    private static (Plot Plot, Layout Layout) Chart(StepSeries curve, Language language = Language.Dutch)
    {
        var plot = new Plot("km", "Verblijfsduur", "Kaplan–Meier-curve", language);
        plot.Add(curve);
        plot.YAxis.Min = 0;
        plot.YAxis.Max = 1;
        return (plot, plot.ComputeLayout()!);
    }

    [Fact]
    public void The_curve_starts_at_S_1_and_drops_vertically_at_the_event_time()
    {
        var (plot, layout) = Chart(new StepSeries("Alle", [10, 20], [0.8, 0.5]));
        var points = PathPoints((string)Assert.Single(WithClass(Parse(plot.ToSvg()), "step")).Attribute("d")!);

        Assert.Equal((Px(layout.DataToPixelX(0)), Px(layout.DataToPixelY(1))), points[0]);
        // Right-continuous: still 1 just before t = 10, already 0.8 at t = 10.
        Assert.Equal((Px(layout.DataToPixelX(10)), Px(layout.DataToPixelY(1))), points[1]);
        Assert.Equal((Px(layout.DataToPixelX(10)), Px(layout.DataToPixelY(0.8))), points[2]);
        Assert.Equal((Px(layout.DataToPixelX(20)), Px(layout.DataToPixelY(0.5))), points[^1]);
    }

    [Fact]
    public void The_curve_runs_on_to_the_last_censored_observation()
    {
        var (plot, layout) = Chart(new StepSeries("Alle", [10], [0.8]) { Censored = [40] });
        var points = PathPoints((string)Assert.Single(WithClass(Parse(plot.ToSvg()), "step")).Attribute("d")!);
        Assert.Equal((Px(layout.DataToPixelX(40)), Px(layout.DataToPixelY(0.8))), points[^1]);
    }

    [Fact]
    public void Censored_observations_are_marked_on_the_curve_at_its_value_then()
    {
        var (plot, layout) = Chart(new StepSeries("Alle", [10, 30], [0.8, 0.6]) { Censored = [20] });
        var mark = PathPoints((string)Assert.Single(WithClass(Parse(plot.ToSvg()), "censor")).Attribute("d")!);
        var centre = ((mark[0].X + mark[1].X) / 2, mark[0].Y);
        Assert.Equal((Px(layout.DataToPixelX(20)), Px(layout.DataToPixelY(0.8))), centre);
    }

    [Theory]
    [InlineData(new double[] { 0.9, 0.6, 0.5, 0.3 }, 30.0)]
    [InlineData(new double[] { 0.9, 0.4, 0.3, 0.2 }, 20.0)]
    public void The_median_is_the_first_time_the_curve_is_at_or_below_one_half(double[] values, double median) =>
        Assert.Equal(median, new StepSeries("Alle", [10, 20, 30, 40], values).MedianTime);

    [Fact]
    public void A_curve_that_stays_above_one_half_has_no_median() =>
        Assert.Null(new StepSeries("Alle", [10], [0.9]).MedianTime);

    [Fact]
    public void The_median_is_marked_with_a_dashed_guide_at_one_half_and_a_drop_to_the_axis()
    {
        var (plot, layout) = Chart(new StepSeries("Alle", [10, 20], [0.8, 0.4]) { MarkMedian = true });
        var doc = Parse(plot.ToSvg());
        var guide = Assert.Single(WithClass(doc, "median"));
        Assert.NotNull(guide.Attribute("stroke-dasharray"));
        var points = PathPoints((string)guide.Attribute("d")!);
        Assert.Equal([
            (Px(layout.PlotLeft), Px(layout.DataToPixelY(0.5))),
            (Px(layout.DataToPixelX(20)), Px(layout.DataToPixelY(0.5))),
            (Px(layout.DataToPixelX(20)), Px(layout.PlotBottom)),
        ], points);
        Assert.Equal("mediaan 20", Assert.Single(WithClass(doc, "median-label")).Value);
    }

    [Fact]
    public void An_unreached_median_is_said_in_words()
    {
        var (plot, _) = Chart(new StepSeries("All", [10], [0.9]) { MarkMedian = true }, Language.English);
        Assert.Equal("median not reached", Assert.Single(WithClass(Parse(plot.ToSvg()), "median-label")).Value);
    }

    [Fact]
    public void The_confidence_band_encloses_the_curve_and_starts_at_one()
    {
        var (plot, layout) = Chart(new StepSeries("Alle", [10], [0.8], [0.7], [0.9]));
        var band = PathPoints((string)Assert.Single(WithClass(Parse(plot.ToSvg()), "band")).Attribute("d")!);
        Assert.Equal((Px(layout.DataToPixelX(0)), Px(layout.DataToPixelY(1))), band[0]);
        Assert.Contains((Px(layout.DataToPixelX(10)), Px(layout.DataToPixelY(0.9))), band);
        Assert.Contains((Px(layout.DataToPixelX(10)), Px(layout.DataToPixelY(0.7))), band);
    }

    [Fact]
    public void The_legend_explains_band_and_censoring_marks()
    {
        var (plot, _) = Chart(new StepSeries("Alle", [10], [0.8], [0.7], [0.9]) { Censored = [5], CensoredLabel = "verblijf loopt nog" });
        var legend = Assert.Single(WithClass(Parse(plot.ToSvg()), "legend"));
        Assert.Equal(["Alle", "betrouwbaarheidsinterval", "verblijf loopt nog"], legend.Elements(Ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void A_second_curve_is_dashed_so_curves_differ_without_colour()
    {
        var plot = new Plot("km", "Titel", "Beschrijving");
        plot.Add(new StepSeries("Jongens", [10], [0.8]));
        plot.Add(new StepSeries("Meisjes", [10], [0.6]));
        var steps = WithClass(Parse(plot.ToSvg()), "step");
        Assert.Null(steps[0].Attribute("stroke-dasharray"));
        Assert.NotNull(steps[1].Attribute("stroke-dasharray"));
    }

    [Fact]
    public void Event_times_out_of_order_are_refused() =>
        Assert.Throws<ArgumentException>(() => new StepSeries("Alle", [20, 10], [0.8, 0.5]));

    [Fact]
    public void A_band_needs_both_bounds() =>
        Assert.Throws<ArgumentException>(() => new StepSeries("Alle", [10], [0.8], lower: [0.7]));
}
