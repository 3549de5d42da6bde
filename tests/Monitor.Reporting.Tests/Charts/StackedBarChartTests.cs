using Monitor.Reporting.Charts;
using static Monitor.Reporting.Tests.Charts.Samples;

namespace Monitor.Reporting.Tests.Charts;

public sealed class StackedBarChartTests
{
    [Fact]
    public void EachSegmentShowsItsValueAndEachWholeBarItsTotal()
    {
        var chart = Stacked(V(67), V(78), V(43));
        Assert.Equal(188, chart.Total(0));
        Assert.Equal(179, chart.Total(1));
        var texts = new Rendered(chart).Texts;
        Assert.Contains("67", texts);
        Assert.Contains("78", texts);
        Assert.Contains("188", texts);
        Assert.Contains("179", texts);
        Assert.Contains("1 overplaatsing", texts);
    }

    [Fact]
    public void AHiddenSegmentIsNotDrawnAndItsBarGetsNoTotal()
    {
        var chart = Stacked(V(67), H, V(43));
        Assert.Null(chart.Total(0));
        var rendered = new Rendered(chart);
        Assert.Contains("67", rendered.Texts);
        Assert.Contains("43", rendered.Texts);
        Assert.Contains("179", rendered.Texts); // the other bar is whole
        Assert.DoesNotContain("110", rendered.Texts); // 67 + 43: a total of the drawn parts would pass for the bar's total
        Assert.Equal("Aantallen per meting. Niet getekend (minder dan 10): 1 overplaatsing bij Nulmeting.", rendered.Caption);
        Assert.Equal(new Rendered(Stacked(V(67), M, V(43))).Chart.Png, rendered.Chart.Png);
    }

    [Fact]
    public void ANegativePartIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Stacked(V(-1), V(2), V(3)));
    }
}
