using Monitor.Core.Formatting;
using Monitor.Reporting.Charts;
using static Monitor.Reporting.Tests.Charts.Samples;

namespace Monitor.Reporting.Tests.Charts;

public sealed class LineChartTests
{
    [Fact]
    public void ALeftOutPointBreaksTheLineInsteadOfJoiningItsNeighbours()
    {
        Assert.Equal([[0], [2, 3]], LineChart.Runs([V(1), H, V(3), V(4)]));
        Assert.Equal([[0, 1, 2]], LineChart.Runs([V(1), V(2), V(3)]));
        Assert.Empty(LineChart.Runs([M, H]));
    }

    [Fact]
    public void AnAxisThatDoesNotStartAtZeroSaysSoInTheChart()
    {
        var cut = Lines(false, V(493), V(495), V(560), V(607));
        Assert.True(cut.AxisStart > 0);
        Assert.Contains($"Dagen (as begint bij {NumberText.Number(cut.AxisStart, 0, Language.Dutch)})", new Rendered(cut).Texts);
        Assert.Contains($"Dagen (axis starts at {NumberText.Number(cut.AxisStart, 0, Language.English)})", new Rendered(cut, Language.English).Texts);
        Assert.True(cut.AxisStart <= 493);

        var whole = Lines(true, V(493), V(495), V(560), V(607));
        Assert.Equal(0, whole.AxisStart);
        Assert.Contains("Dagen", new Rendered(whole).Texts);
        Assert.DoesNotContain(new Rendered(whole).Texts, t => t.Contains("begint", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCaptionNamesTheLeftOutPoints()
    {
        var rendered = new Rendered(Lines(true, V(493), H, V(560), M));
        Assert.Equal("Aantallen per meting. Niet getekend (minder dan 10): Vervolgmeting bij 2. Geen waarde: Vervolgmeting bij 30.", rendered.Caption);
        Assert.Contains("Tussendagen", rendered.Texts);
    }

    [Fact]
    public void TheDashedLineIsInTheSvgWithItsDashes()
    {
        // Skia's SVG export leaves a dashed line out altogether; the renderer draws it solid and dashes it afterwards.
        var svg = new Rendered(Lines(true, V(493), V(495), V(560), V(607))).Root;
        var lines = svg.Descendants(Rendered.Svg + "path").Where(p => (string?)p.Attribute("stroke-width") == "3").ToList();
        var baseline = lines.Where(p => (string?)p.Attribute("stroke") is "black" or "#000000").ToList();
        var followup = lines.Where(p => (string?)p.Attribute("stroke") == "#0072B2").ToList();
        Assert.Equal(2, baseline.Count); // the line and its legend sample
        Assert.All(baseline, p => Assert.Equal("9 5", (string?)p.Attribute("stroke-dasharray")));
        Assert.Equal(2, followup.Count);
        Assert.All(followup, p => Assert.Null(p.Attribute("stroke-dasharray")));
    }
}
