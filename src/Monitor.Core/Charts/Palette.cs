namespace Monitor.Core.Charts;

/// <summary>Colours as data.</summary>
/// <remarks>
/// The series colours are the Okabe–Ito palette, designed to stay distinguishable for the common
/// forms of colour-vision deficiency: M. Okabe and K. Ito (2008), "Color Universal Design (CUD):
/// how to make figures and presentations that are friendly to colorblind people",
/// https://jfly.uni-koeln.de/color/; recommended in B. Wong (2011), "Points of view: Color
/// blindness", Nature Methods 8, 441. Colour alone is never the only cue: series also differ in
/// fill pattern, dash and marker (<see cref="SeriesStyle"/>), so charts survive greyscale print.
/// </remarks>
public static class Palette
{
    /// <summary>The eight Okabe–Ito colours in their published order.</summary>
    public static IReadOnlyList<string> OkabeIto { get; } =
        ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];

    /// <summary>
    /// The order in which series take colours: black is kept for text, and dark and light colours
    /// alternate so the first two series (baseline, follow-up) also differ in greyscale lightness.
    /// </summary>
    public static IReadOnlyList<string> Series { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"];

    /// <summary>Text and outlines: near-black, well above WCAG's 4.5:1 contrast on white.</summary>
    public const string Ink = "#1A1A1A";

    /// <summary>Axis lines, tick marks and guide lines.</summary>
    public const string Axis = "#4D4D4D";

    /// <summary>Gridlines: light enough to recede, dark enough to survive a laser printer.</summary>
    public const string Grid = "#D9D9D9";

    /// <summary>An explicit white background, so charts stay legible on dark-mode pages.</summary>
    public const string Background = "#FFFFFF";
}
