using Monitor.Reporting.Charts;
using static Monitor.Reporting.Tests.Charts.Samples;

namespace Monitor.Reporting.Tests.Charts;

public sealed class SurvivalChartTests
{
    [Fact]
    public void TheLegendNamesEachCurveWithItsMedian()
    {
        var chart = new SurvivalChart("km", Text("Instroom."), [Curve("Nulmeting 2020", 374), Curve("Vervolgmeting 2021", 308) with { Median = null }]);
        var texts = new Rendered(chart).Texts;
        Assert.Contains("Nulmeting 2020, mediaan 374 dagen", texts);
        Assert.Contains("Vervolgmeting 2021, mediaan niet bereikt", texts);
        Assert.Contains("100%", texts);
        Assert.Contains("0%", texts);
    }

    [Fact]
    public void ACurveOverTooFewYouthsIsOnlyInTheCaption()
    {
        var rendered = new Rendered(new SurvivalChart("km", Text("Instroom."), [Curve("Nulmeting 2020", 374), SurvivalCurve.LeftOut("Vervolgmeting 2021")]));
        Assert.DoesNotContain(rendered.Texts, t => t.Contains("Vervolgmeting", StringComparison.Ordinal));
        Assert.Equal("Instroom. Niet getekend (minder dan 10): Vervolgmeting 2021.", rendered.Caption);
    }
}
