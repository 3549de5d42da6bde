using System.Xml.Linq;
using System.Globalization;
using Monitor.Core.Formatting;
using Monitor.Reporting.Charts;
using static Monitor.Reporting.Tests.Charts.Samples;

namespace Monitor.Reporting.Tests.Charts;

/// <summary>What every chart becomes, whatever its kind: an SVG a page can inline and a screen reader can
/// announce, and a PNG for slides, both the same for the same data.</summary>
public sealed class ChartFileTests
{
    public static TheoryData<string> Kinds() => new(OfEveryKind().Select(c => c.Name));

    private static IChart Kind(string name) => OfEveryKind().Single(c => c.Name == name);

    [Theory, MemberData(nameof(Kinds))]
    public void TheSvgHasATitleADescriptionTheRoleImgAndAViewBox(string kind)
    {
        var chart = Kind(kind);
        var svg = new Rendered(chart).Root;
        Assert.Equal(chart.Text.Title, svg.Element(Rendered.Svg + "title")?.Value);
        Assert.Equal(chart.Text.Description, svg.Element(Rendered.Svg + "desc")?.Value);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal($"0 0 {chart.Size.Width} {chart.Size.Height}", (string?)svg.Attribute("viewBox"));
        Assert.Equal($"chart-{kind}-title chart-{kind}-desc", (string?)svg.Attribute("aria-labelledby"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void EveryIdIsPrefixedWithTheChartsNameAndEveryReferenceFollows(string kind)
    {
        var svg = new Rendered(Kind(kind)).Root;
        var ids = svg.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Contains(ids, id => id.StartsWith($"chart-{kind}-", StringComparison.Ordinal) && id != $"chart-{kind}-title" && id != $"chart-{kind}-desc");
        Assert.All(ids, id => Assert.StartsWith($"chart-{kind}-", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var references = svg.DescendantsAndSelf().Attributes().Select(a => a.Value)
            .SelectMany(v => System.Text.RegularExpressions.Regex.Matches(v, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, ids));
    }

    [Fact]
    public void TheSameChartDrawnTwiceInOneProcessGetsTheSameIds()
    {
        // ScottPlot numbers clip paths with a process-wide counter; the report's files must not depend on it.
        Assert.Equal(new Rendered(Bars(V(1), V(2), V(3))).Chart.Svg, new Rendered(Bars(V(1), V(2), V(3))).Chart.Svg);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void ThePngHasTwiceThePagesPixelsAndTheSameBytesForTheSameData(string kind)
    {
        var first = new Rendered(Kind(kind));
        var chart = first.Chart.Chart;
        Assert.Equal(((int)chart.Size.Width * 2, (int)chart.Size.Height * 2), first.PngSize);
        Assert.Equal(first.Chart.Png, new Rendered(Kind(kind)).Chart.Png);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void EveryTextIsDrawnInTheBundledFontAndReadableOnAPhone(string kind)
    {
        var rendered = new Rendered(Kind(kind));
        // Without a font ScottPlot draws no text at all and says nothing.
        Assert.NotEmpty(rendered.Texts);
        Assert.All(rendered.Root.Descendants(Rendered.Svg + "text"), t => Assert.StartsWith("DejaVu Sans,", (string?)t.Attribute("font-family")));
        // Skia ends its per-glyph position lists with ", ", which browsers refuse (the label then slides to x = 0).
        Assert.All(rendered.Root.Descendants(Rendered.Svg + "text").Attributes().Where(a => a.Name == "x" || a.Name == "y"),
            a => Assert.Matches(@"^-?[\d.]+(, -?[\d.]+)*$", a.Value));
        // On a 390 px phone the page leaves about 342 px for a chart (issue 12: chart text at least 11 px).
        var scale = 342.0 / rendered.Chart.Chart.Size.Width;
        Assert.All(rendered.FontSizes, size => Assert.True(size * scale >= 11, $"{size} px text is {size * scale:F1} px on a phone"));
    }

    [Fact]
    public void TicksAreWrittenInTheReportsLanguageAndTheThreadsCultureIsLeftAsItWas()
    {
        var chart = Bars(V(1500), V(2500), V(53));
        var before = CultureInfo.CurrentCulture;
        var dutch = new Rendered(chart, Language.Dutch).Texts;
        var english = new Rendered(chart, Language.English).Texts;
        Assert.Contains("1.000", dutch);
        Assert.Contains("2.500", dutch);
        Assert.Contains("1,000", english);
        Assert.Contains("2,500", english);
        Assert.Same(before, CultureInfo.CurrentCulture);
    }

    [Fact]
    public async Task ChartsDrawnSideBySideAreTheBytesOfChartsDrawnOneByOne()
    {
        // The report draws its charts on the thread pool (ReportBuilder.Chart): every kind, in both languages, eight
        // times at once, must give what drawing them one after the other gives.
        var jobs = OfEveryKind().SelectMany(c => new[] { (Chart: c, Language: Language.Dutch), (Chart: c, Language: Language.English) }).ToList();
        var alone = jobs.Select(j => new Rendered(j.Chart, j.Language).Chart).ToList();
        var together = await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => jobs.Select((j, i) => Task.Run(() => (i, new Rendered(j.Chart, j.Language).Chart)))));
        Assert.All(together, t =>
        {
            Assert.Equal(alone[t.i].Svg, t.Item2.Svg);
            Assert.Equal(alone[t.i].Png, t.Item2.Png);
        });
    }

    [Fact]
    public void AChartWithoutATitleForScreenReadersIsRefused()
    {
        var chart = new BarChart("zonder", new ChartText("", "Beschrijving", "Onderschrift"), ["A"], [ChartSeries.Of("S", [1])]);
        Assert.Throws<InvalidOperationException>(() => ChartRenderer.Render(chart, Language.Dutch, "minder dan 10"));
    }
}
