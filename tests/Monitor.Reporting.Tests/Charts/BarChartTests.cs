using Monitor.Core.Formatting;
using Monitor.Reporting.Charts;
using static Monitor.Reporting.Tests.Charts.Samples;

namespace Monitor.Reporting.Tests.Charts;

/// <summary>Bars: which values they show, in the report's numbers, and what they leave out (PROTOCOL.md 8).</summary>
public sealed class BarChartTests
{
    private const string Blue = "#0072B2"; // the follow-up's colour

    [Fact]
    public void EachDrawnValueIsWrittenAtItsBarInTheReportsNumbers()
    {
        var texts = new Rendered(Bars(V(1500), V(115), V(53))).Texts;
        Assert.Contains("1.234", texts);
        Assert.Contains("1.500", texts);
        Assert.Contains("115", texts);
        Assert.Contains("Jeugdigen", texts);
        Assert.Contains("Nulmeting", texts);
        Assert.Contains("Vervolgmeting", texts);
        Assert.Contains("1,234", new Rendered(Bars(V(1500), V(115), V(53)), Language.English).Texts);
    }

    [Fact]
    public void AHiddenValueHasNoBarAndNoLabel()
    {
        var all = new Rendered(Bars(V(1500), V(115), V(53)));
        var hidden = new Rendered(Bars(V(1500), H, V(53)));
        Assert.Equal(all.Filled(Blue) - 1, hidden.Filled(Blue));
        Assert.DoesNotContain("115", hidden.Texts);
        // A hidden value is drawn exactly as no value at all: nothing of it reaches the picture.
        Assert.Equal(new Rendered(Bars(V(1500), M, V(53))).Chart.Png, hidden.Chart.Png);
    }

    [Fact]
    public void TheCaptionSaysWhatIsNotDrawnAndNeverThatItIsZero()
    {
        var caption = new Rendered(Bars(V(1500), H, M)).Caption;
        Assert.Equal("Aantallen per meting. Niet getekend (minder dan 10): Vervolgmeting bij Uitgestroomd. Geen waarde: Vervolgmeting bij Nog in verblijf.", caption);
        Assert.DoesNotMatch(@"(?i)\bnul\b|\bzero\b", caption);
        Assert.Equal("Aantallen per meting.", new Rendered(Bars(V(1500), V(1), V(2))).Caption);
    }

    [Fact]
    public void TheValueAxisStartsAtZero()
    {
        var rendered = new Rendered(Bars(V(1500), V(1200), V(1300)));
        Assert.Contains("0", rendered.Texts);
    }

    [Fact]
    public void LongCategoryNamesLayTheBarsDownAndShortOnesStandThemUp()
    {
        var shortNames = new BarChart("kort", Text(), ["1", "2", "3", "4", "5+"], [ChartSeries.Of("Nulmeting", [1, 2, 3, 4, 5])]);
        var longNames = new BarChart("lang", Text(), ["Uitgestroomd in periode", "Ingestroomd in periode", "Jeugdigen", "Nog in verblijf"], [ChartSeries.Of("Nulmeting", [1, 2, 3, 4])]);
        Assert.False(shortNames.Horizontal);
        Assert.True(longNames.Horizontal);
        Assert.True(longNames.Size.Height > shortNames.Size.Height - 100);
    }

    [Fact]
    public void ASeriesWithTheWrongNumberOfValuesIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new BarChart("fout", Text(), ["A", "B"], [ChartSeries.Of("S", [1])]));
    }
}
