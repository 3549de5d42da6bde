using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>Colours as data, each set with the meaning it carries.</summary>
/// <remarks>
/// The categorical colours are the Okabe–Ito palette, chosen to stay distinguishable for the common
/// forms of colour-vision deficiency: M. Okabe and K. Ito (2008), "Color Universal Design (CUD): how to
/// make figures and presentations that are friendly to colorblind people", https://jfly.uni-koeln.de/color/;
/// recommended by B. Wong (2011), "Points of view: Color blindness", Nature Methods 8, 441.
/// Colour is never the only cue: pairs that must be told apart differ in lightness (so they survive
/// greyscale print), lines also differ in dash, and bars carry their values as direct labels where
/// there is room. ScottPlot's hatch fills are not used: its SVG export drops them (seen with 5.1.59).
/// </remarks>
public static class ChartPalette
{
    // The eight Okabe–Ito colours, in their published order.
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");

    /// <summary>Baseline against follow-up: one hue, light then dark, so "later" reads as darker in colour
    /// and in grey, and neither looks like good or bad news.</summary>
    public static IReadOnlyList<Color> Measurements { get; } = [SkyBlue, Blue];

    /// <summary>Lines of baseline and follow-up: sky blue is too light for a thin line (2.2:1 on white),
    /// so the baseline line is black and dashed, the follow-up blue and solid.</summary>
    public static IReadOnlyList<Color> MeasurementLines { get; } = [Black, Blue];

    /// <summary>Things without order or value (two regions, entries against exits): Okabe–Ito, alternating
    /// dark and light so neighbours also differ in grey.</summary>
    public static IReadOnlyList<Color> Categorical { get; } = [Blue, Orange, ReddishPurple, SkyBlue, Vermillion, BluishGreen, Black];

    /// <summary>Better, the same, worse: green for better, a neutral grey for no change, vermillion for
    /// worse (worse is never green). Grey sits between two similar greys, and the order is fixed.</summary>
    public static IReadOnlyList<Color> BetterSameWorse { get; } = [BluishGreen, Color.FromHex("#BBBBBB"), Vermillion];

    /// <summary>Ordered classes where more is heavier (0, 1, 2, 3+ moves): one hue from light to dark.
    /// ColorBrewer "Blues", 5 classes without the lightest: C. A. Brewer, colorbrewer2.org (Apache 2.0).</summary>
    public static IReadOnlyList<Color> Sequential { get; } =
        [Color.FromHex("#BDD7E7"), Color.FromHex("#6BAED6"), Color.FromHex("#3182BD"), Color.FromHex("#08519C")];

    /// <summary>Text, axes, outlines: near-black, well above 4.5:1 on white.</summary>
    public static readonly Color Ink = Color.FromHex("#1A1A1A");

    /// <summary>Gridlines: light enough to recede, dark enough to survive a laser printer.</summary>
    public static readonly Color Grid = Color.FromHex("#D9D9D9");

    public static readonly Color Background = Color.FromHex("#FFFFFF");

    /// <summary>White on a dark fill, ink on a light one: whichever has the higher contrast (WCAG 2 luminance).</summary>
    public static Color TextOn(Color fill)
    {
        static double Channel(byte c) => c / 255.0 <= 0.03928 ? c / 255.0 / 12.92 : Math.Pow((c / 255.0 + 0.055) / 1.055, 2.4);
        double Luminance(Color c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var l = Luminance(fill);
        return (1.05) / (l + 0.05) > (l + 0.05) / (Luminance(Ink) + 0.05) ? Background : Ink;
    }

    /// <summary>The colour of the n-th of <paramref name="colors"/>, cycling.</summary>
    public static Color Pick(IReadOnlyList<Color> colors, int index) => colors[index % colors.Count];
}
