using Monitor.Reporting.Charts;
using static Monitor.Reporting.Tests.Charts.Samples;

namespace Monitor.Reporting.Tests.Charts;

public sealed class BoxPlotChartTests
{
    [Fact]
    public void EachBoxIsNamedAndTheAmountsAreInEuros()
    {
        var texts = new Rendered(Boxes(new ChartBox("Vervolgmeting", new BoxValues(500, 15_000, 40_000, 80_000, 150_000)))).Texts;
        Assert.Contains("Nulmeting", texts);
        Assert.Contains("Vervolgmeting", texts);
        Assert.Contains(texts, t => t.StartsWith("€\u00A0", StringComparison.Ordinal) && t.EndsWith(".000", StringComparison.Ordinal));
    }

    [Fact]
    public void AHiddenBoxIsNotDrawnAndTheCaptionSaysSo()
    {
        var shown = new Rendered(Boxes(new ChartBox("Vervolgmeting", new BoxValues(500, 15_000, 40_000, 80_000, 150_000))));
        var hidden = new Rendered(Boxes(new ChartBox("Vervolgmeting", null, Hidden: true)));
        Assert.Equal(1, shown.Filled("#0072B2"));
        Assert.Equal(0, hidden.Filled("#0072B2"));
        Assert.Equal("Aantallen per meting. Niet getekend (minder dan 10): Vervolgmeting.", hidden.Caption);
    }
}
