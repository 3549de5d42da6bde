using Monitor.Core.Charts;
using Monitor.Core.Formatting;

namespace Monitor.Core.Tests.Charts;

/// <summary>One small chart of every kind, each also with no data and with a single value.</summary>
internal static class ChartSamples
{
    private static readonly string[] Towns = ["Assen", "Emmen", "Hoogeveen"];

    public static readonly IReadOnlyDictionary<string, Func<Plot>> All = new Dictionary<string, Func<Plot>>
    {
        ["bars"] = () => With(new BarSeries(Towns, new Series("Aantal", [12, 30, 7])) { ShowValues = true }),
        ["grouped-bars"] = () => With(new BarSeries(Towns, new Series("Nulmeting", [12, 30, 7]), new Series("Vervolgmeting", [15, double.NaN, -4])) { ShowValues = true }),
        ["stacked-bars"] = () => With(new StackedBarSeries(Towns, new Series("Pleegzorg", [3, 4, 5]), new Series("Residentieel", [1, -2, 0])) { ShowTotals = true }),
        ["histogram"] = () => With(Histogram.FromValues("Verblijven", [3, 8, 9, 15, 40, double.NaN], binWidth: 7)),
        ["boxplot"] = () => With(new BoxPlot("Verblijfsduur", Towns, [new BoxSummary(2, 10, 20, 40, 80, [150, 200]), null, new BoxSummary(5, 5, 5, 5, 5, [])])),
        ["line"] = () => With(new LineSeries("Trend", [2019, 2020, 2021, 2022], [0.1, double.NaN, 0.3, 0.25]), GuideLine.Horizontal(0.2, "norm")),
        ["km"] = () => With(new StepSeries("Alle verblijven", [30, 90, 200], [0.9, 0.6, 0.4], [0.8, double.NaN, 0.3], [1, 0.7, 0.5]) { Censored = [100, 365], MarkMedian = true }),
        ["two-km"] = () => With(
            new StepSeries("Jongens", [30, 90], [0.9, 0.7]) { MarkMedian = true },
            new StepSeries("Meisjes", [20, 60], [0.5, 0.2]) { Censored = [70] }),

        ["bars-empty"] = () => With(new BarSeries([], new Series("Aantal", []))),
        ["bars-all-missing"] = () => With(new BarSeries(Towns, new Series("Aantal", [double.NaN, double.NaN, double.NaN]))),
        ["stacked-empty"] = () => With(new StackedBarSeries([], new Series("Pleegzorg", []))),
        ["histogram-empty"] = () => With(Histogram.FromValues("Verblijven", [], binWidth: 7)),
        ["boxplot-empty"] = () => With(new BoxPlot("Verblijfsduur", [], [])),
        ["line-empty"] = () => With(new LineSeries("Trend", [], [])),
        ["km-empty"] = () => With(new StepSeries("Alle verblijven", [], [])),
        ["nothing"] = () => With(),
        ["guide-only"] = () => With(GuideLine.Vertical(3)),

        ["bars-single"] = () => With(new BarSeries(["Assen"], new Series("Aantal", [0]))),
        ["stacked-single"] = () => With(new StackedBarSeries(["Assen"], new Series("Pleegzorg", [4]))),
        ["histogram-single"] = () => With(Histogram.FromValues("Verblijven", [12], binWidth: 7)),
        ["boxplot-single"] = () => With(new BoxPlot("Verblijfsduur", ["Assen"], [new BoxSummary(3, 3, 3, 3, 3, [])])),
        ["line-single"] = () => With(new LineSeries("Trend", [2021], [5])),
        ["km-single"] = () => With(new StepSeries("Alle verblijven", [10], [0]) { MarkMedian = true }),
        ["km-censored-only"] = () => With(new StepSeries("Alle verblijven", [], []) { Censored = [30], MarkMedian = true }),
    };

    public static TheoryData<string> Names => new(All.Keys);

    private static Plot With(params IPlottable[] plottables)
    {
        var plot = new Plot("chart", "Voorbeeld", "Een voorbeeldgrafiek voor de tests.", Language.Dutch);
        foreach (var plottable in plottables)
        {
            plot.Add(plottable);
        }
        plot.XAxis.Label = "As x";
        plot.YAxis.Label = "As y";
        return plot;
    }
}
