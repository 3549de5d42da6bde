using System.Xml.Linq;
using Monitor.Core.Charts;
using Monitor.Core.Formatting;
using static Monitor.Core.Tests.Charts.SvgTestHelpers;

namespace Monitor.Core.Tests.Charts;

public class PlotRenderingTests
{
    [Theory]
    [MemberData(nameof(ChartSamples.Names), MemberType = typeof(ChartSamples))]
    public void Every_chart_is_well_formed_accessible_SVG(string name)
    {
        var svg = ChartSamples.All[name]().ToSvg();
        var root = Parse(svg).Root!;

        Assert.Equal(Ns + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.NotNull(root.Attribute("viewBox"));
        var title = Assert.Single(root.Descendants(Ns + "title"));
        var desc = Assert.Single(root.Descendants(Ns + "desc"));
        Assert.Equal(["chart-title", "chart-desc"], ((string)root.Attribute("aria-labelledby")!).Split(' '));
        Assert.Equal("chart-title", (string?)title.Attribute("id"));
        Assert.Equal("chart-desc", (string?)desc.Attribute("id"));
        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
        Assert.DoesNotContain("∞", svg);
    }

    [Theory]
    [MemberData(nameof(ChartSamples.Names), MemberType = typeof(ChartSamples))]
    public void Every_id_is_unique_and_every_reference_resolves(string name)
    {
        var doc = Parse(ChartSamples.All[name]().ToSvg());
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("chart-", id));
        var references = doc.Descendants().Attributes()
            .Select(a => a.Value).Where(v => v.StartsWith("url(#", StringComparison.Ordinal))
            .Select(v => v[5..^1]);
        Assert.All(references, r => Assert.Contains(r, ids));
    }

    [Theory]
    [MemberData(nameof(ChartSamples.Names), MemberType = typeof(ChartSamples))]
    public void Charts_are_self_contained(string name)
    {
        var svg = ChartSamples.All[name]().ToSvg();
        Assert.DoesNotContain("<script", svg);
        Assert.DoesNotContain("href", svg);
        Assert.DoesNotContain("@import", svg);
    }

    [Theory]
    [MemberData(nameof(ChartSamples.Names), MemberType = typeof(ChartSamples))]
    public void Rendering_is_deterministic(string name)
    {
        var plot = ChartSamples.All[name]();
        Assert.Equal(plot.ToSvg(), plot.ToSvg());
        Assert.Equal(plot.ToSvg(), ChartSamples.All[name]().ToSvg());
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("bars-empty")]
    [InlineData("bars-all-missing")]
    [InlineData("histogram-empty")]
    [InlineData("km-empty")]
    [InlineData("guide-only")]
    public void A_chart_without_data_says_so(string name)
    {
        var doc = Parse(ChartSamples.All[name]().ToSvg());
        Assert.Equal("Geen gegevens", Assert.Single(WithClass(doc, "no-data")).Value);
    }

    [Fact]
    public void The_no_data_text_follows_the_language()
    {
        var plot = new Plot("empty", "Leeg", "Geen verblijven.", Language.English);
        Assert.Equal("No data", Assert.Single(WithClass(Parse(plot.ToSvg()), "no-data")).Value);
    }

    [Fact]
    public void Two_charts_on_one_page_share_no_ids()
    {
        static HashSet<string> Ids(string id)
        {
            var plot = new Plot(id, "Titel", "Beschrijving");
            plot.Add(new BarSeries(["a"], new Series("x", [1]), new Series("y", [2])));
            return Parse(plot.ToSvg()).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        }
        Assert.Empty(Ids("fig-1").Intersect(Ids("fig-2")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1chart")]
    [InlineData("my chart")]
    [InlineData("a\"b")]
    public void A_chart_id_must_be_usable_as_an_XML_id(string id) =>
        Assert.Throws<ArgumentException>(() => new Plot(id, "Titel", "Beschrijving"));

    [Fact]
    public void A_chart_without_a_description_is_refused()
    {
        var plot = new Plot("chart", "Titel", " ");
        Assert.Throws<InvalidOperationException>(plot.ToSvg);
    }

    [Fact]
    public void Title_and_description_are_escaped_text()
    {
        var plot = new Plot("chart", "Kosten < € 1.000 & meer", "Uitleg \"tussen aanhalingstekens\"");
        var doc = Parse(plot.ToSvg());
        Assert.Equal("Kosten < € 1.000 & meer", doc.Root!.Element(Ns + "title")!.Value);
    }

    [Fact]
    public void Axis_tick_labels_use_Dutch_number_formatting()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving", Language.Dutch);
        plot.Add(new LineSeries("Kosten", [0, 0.5], [0, 2400]));
        var texts = Parse(plot.ToSvg()).Descendants(Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("1.000", texts);
        Assert.Contains("0,5", texts);
    }

    [Fact]
    public void Axis_tick_labels_use_English_number_formatting()
    {
        var plot = new Plot("chart", "Title", "Description", Language.English);
        plot.Add(new LineSeries("Costs", [0, 0.5], [0, 2400]));
        var texts = Parse(plot.ToSvg()).Descendants(Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("1,000", texts);
        Assert.Contains("0.5", texts);
    }

    [Fact]
    public void A_tick_formatter_replaces_the_default_labels()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(new BarSeries(["a"], new Series("kosten", [90_000])));
        plot.YAxis.TickFormatter = v => NumberText.Euro(v, 0, Language.Dutch);
        var texts = Parse(plot.ToSvg()).Descendants(Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("€\u00A0100.000", texts);
    }

    [Fact]
    public void Categories_that_disagree_are_an_error()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(new BarSeries(["a", "b"], new Series("x", [1, 2])));
        plot.Add(new BarSeries(["b", "a"], new Series("y", [1, 2])));
        Assert.Throws<InvalidOperationException>(plot.ToSvg);
    }

    [Fact]
    public void Numeric_and_categorical_x_values_cannot_share_an_axis()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(new BarSeries(["a", "b"], new Series("x", [1, 2])));
        plot.Add(new LineSeries("y", [0, 1], [1, 2]));
        Assert.Throws<InvalidOperationException>(plot.ToSvg);
    }

    [Fact]
    public void Long_category_names_are_slanted_instead_of_overlapping()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving") { Width = 300 };
        plot.Add(new BarSeries(["Súdwest-Fryslân", "Noardeast-Fryslân", "Westerkwartier"], new Series("x", [1, 2, 3])));
        var labels = Parse(plot.ToSvg()).Descendants(Ns + "text").Where(t => t.Value.Contains("Fryslân", StringComparison.Ordinal)).ToList();
        Assert.All(labels, t => Assert.StartsWith("rotate(-40", (string?)t.Attribute("transform")));
    }

    [Fact]
    public void The_legend_lists_labelled_series_only()
    {
        var plot = new Plot("chart", "Titel", "Beschrijving");
        plot.Add(new BarSeries(["a"], new Series("Nulmeting", [1]), new Series("", [2])));
        var legend = Assert.Single(WithClass(Parse(plot.ToSvg()), "legend"));
        Assert.Equal("Nulmeting", Assert.Single(legend.Elements(Ns + "text")).Value);
    }
}
