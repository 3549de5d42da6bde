using Monitor.Core.Charts;
using static Monitor.Core.Tests.Charts.SvgTestHelpers;

namespace Monitor.Core.Tests.Charts;

public class HistogramTests
{
    [Fact]
    public void Bins_are_closed_on_the_left_so_7_days_falls_in_the_second_week()
    {
        var bins = Histogram.FromValues("dagen", [0, 6, 7, 13, 14], binWidth: 7).Bins;
        Assert.Equal([new Bin(0, 7, 2), new Bin(7, 14, 2), new Bin(14, 21, 1)], bins);
    }

    [Fact]
    public void Decimal_bin_edges_are_exact()
    {
        // 0.3 / 0.1 is 2.9999999999999996 in doubles; 0.3 must still open the fourth bin.
        var bins = Histogram.FromValues("fractie", [0.3], binWidth: 0.1).Bins;
        Assert.Equal(new Bin(0.3, 0.4, 1), Assert.Single(bins));
    }

    [Fact]
    public void Empty_bins_between_values_are_kept_as_gaps()
    {
        var bins = Histogram.FromValues("dagen", [1, 30], binWidth: 7).Bins;
        Assert.Equal(5, bins.Count);
        Assert.Equal([1, 0, 0, 0, 1], bins.Select(b => b.Count));
    }

    [Fact]
    public void Missing_values_are_not_counted() =>
        Assert.Equal(1, Assert.Single(Histogram.FromValues("dagen", [double.NaN, 3], binWidth: 7).Bins).Count);

    [Fact]
    public void A_bin_width_that_would_make_millions_of_bins_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.FromValues("dagen", [0, 1e6], binWidth: 0.01));

    [Fact]
    public void Bars_of_a_histogram_touch()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(Histogram.FromValues("dagen", [1, 8], binWidth: 7));
        var bins = WithClass(Parse(plot.ToSvg()), "bin");
        Assert.Equal(Number(bins[0], "x") + Number(bins[0], "width"), Number(bins[1], "x"), 2);
    }
}
