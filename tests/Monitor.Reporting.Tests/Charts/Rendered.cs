using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using Monitor.Core.Formatting;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Tests.Charts;

/// <summary>A rendered chart read back as a reader's tools would: its SVG's texts and attributes, its PNG's size.</summary>
internal sealed class Rendered
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public Rendered(IChart chart, Language language = Language.Dutch)
    {
        Chart = ChartRenderer.Render(chart, language, language == Language.Dutch ? "minder dan 10" : "fewer than 10");
        Root = XElement.Parse(Chart.Svg);
    }

    public RenderedChart Chart { get; }
    public XElement Root { get; }
    public string Caption => Chart.Caption;

    /// <summary>Every text the chart draws (ticks, labels, legend), in document order.</summary>
    public IReadOnlyList<string> Texts => Root.Descendants(Svg + "text").Select(t => t.Value).ToList();

    /// <summary>Rectangles filled with <paramref name="hex"/>: bars, segments, boxes and legend swatches of that colour.</summary>
    public int Filled(string hex) => Root.Descendants(Svg + "rect").Count(r => string.Equals((string?)r.Attribute("fill"), hex, StringComparison.OrdinalIgnoreCase));

    public (int Width, int Height) PngSize
    {
        get
        {
            var png = Chart.Png;
            Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
            return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        }
    }

    public IReadOnlyList<double> FontSizes => Root.Descendants(Svg + "text")
        .Select(t => double.Parse((string)t.Attribute("font-size")!, CultureInfo.InvariantCulture)).ToList();
}

internal static class Samples
{
    public static ChartText Text(string caption = "Aantallen per meting.") => new("Een titel", "Een beschrijving van de grafiek.", caption);

    public static ChartValue V(double value) => ChartValue.Shown(value);

    public static ChartValue H => ChartValue.Hidden;

    public static ChartValue M => ChartValue.Missing;

    public static BarChart Bars(params ChartValue[] followup) => new("staven", Text(), ["Jeugdigen", "Uitgestroomd", "Nog in verblijf"],
        [new ChartSeries("Nulmeting", [V(1234), V(100), V(26)]), new ChartSeries("Vervolgmeting", followup)]) { ShowValues = true, ValueLabel = "Aantal" };

    public static StackedBarChart Stacked(params ChartValue[] baseline) => new("stapel", Text(), ["Nulmeting", "Vervolgmeting"],
        [
            new ChartSeries("0 overplaatsingen", [baseline[0], V(71)]),
            new ChartSeries("1 overplaatsing", [baseline[1], V(66)]),
            new ChartSeries("2 overplaatsingen", [baseline[2], V(42)]),
        ]) { ShowTotals = true, ValueLabel = "Verblijfsepisodes" };

    public static LineChart Lines(bool startAtZero, params ChartValue[] followup) => new("lijnen", Text(), [0, 2, 7, 30], ["0", "2", "7", "30"],
        [new ChartSeries("Nulmeting", [V(512), V(514), V(572), V(617)]), new ChartSeries("Vervolgmeting", followup)])
        { StartAtZero = startAtZero, ValueLabel = "Dagen", XLabel = "Tussendagen", Format = ValueFormat.Number };

    public static SurvivalCurve Curve(string label, double median) => new(label,
        [new SurvivalStep(30, 0.9, 0.8, 0.95), new SurvivalStep(median, 0.45, 0.3, 0.6), new SurvivalStep(600, 0.2, 0.1, double.NaN)], 800, median);

    public static BoxPlotChart Boxes(ChartBox second) => new("dozen", Text(),
        [new ChartBox("Nulmeting", new BoxValues(1_000, 20_000, 45_000, 90_000, 180_000)), second]) { Format = ValueFormat.Euro, ValueLabel = "Euro" };

    /// <summary>One chart of each kind, for the checks every chart must pass.</summary>
    public static IEnumerable<IChart> OfEveryKind() =>
    [
        Bars(V(1500), H, V(53)),
        Stacked(V(67), H, V(43)),
        Lines(false, V(493), M, V(560), V(607)),
        new SurvivalChart("overleving", Text(), [Curve("Nulmeting 2020", 374), SurvivalCurve.LeftOut("Vervolgmeting 2021")]) { XLabel = "Dagen", ValueLabel = "Aandeel" },
        Boxes(new ChartBox("Vervolgmeting", null, Hidden: true)),
    ];
}
