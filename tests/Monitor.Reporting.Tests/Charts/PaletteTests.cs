using Monitor.Reporting.Charts;
using ScottPlot;

namespace Monitor.Reporting.Tests.Charts;

/// <summary>Colours that carry meaning and survive greyscale print.</summary>
public sealed class PaletteTests
{
    [Fact]
    public void BaselineAndFollowupDifferInGreyNotOnlyInHue()
    {
        Assert.True(Math.Abs(Luminance(ChartPalette.Measurements[0]) - Luminance(ChartPalette.Measurements[1])) > 0.2);
        Assert.True(Math.Abs(Luminance(ChartPalette.MeasurementLines[0]) - Luminance(ChartPalette.MeasurementLines[1])) > 0.1);
    }

    [Fact]
    public void OrderedClassesGetDarkerStepByStep()
    {
        var grey = ChartPalette.Sequential.Select(Luminance).ToList();
        Assert.Equal(grey.OrderByDescending(g => g), grey);
    }

    [Fact]
    public void WorseIsNeverGreenAndBetterIsNeverRed()
    {
        var (better, same, worse) = (ChartPalette.BetterSameWorse[0], ChartPalette.BetterSameWorse[1], ChartPalette.BetterSameWorse[2]);
        Assert.True(worse.G < worse.R, "worse must not be green");
        Assert.True(better.G > better.R, "better must not be red");
        Assert.Equal(same.R, same.G); // no change is a neutral grey
    }

    [Fact]
    public void LabelsInsideSegmentsReadOnTheirFill()
    {
        Assert.Equal(ChartPalette.Background, ChartPalette.TextOn(ChartPalette.Sequential[^1]));
        Assert.Equal(ChartPalette.Ink, ChartPalette.TextOn(ChartPalette.Sequential[0]));
    }

    private static double Luminance(Color c)
    {
        static double Channel(byte v) => v / 255.0 <= 0.03928 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
